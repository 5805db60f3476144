/**
 * `bin`/`bucket` (bin.ts), table-driven; the documented example "average thruput of each host for
 * each 5 minute span" [V cmd:bin examples]: `bin _time span=5m | stats avg(thruput) by _time host`.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileSearch } from "../index";
import { runCommands } from "./testing";

// 2023-11-14T22:13:20Z = 1700000000; 22:10:00Z = 1699999800; 22:15:00Z = 1700000100.
const T = 1700000000;

const cases: { spl: string; rows: Record<string, string | number>[]; out: Record<string, unknown>[]; why: string }[] = [
  { spl: "bin _time span=5m", rows: [{ _time: T }, { _time: T + 99 }, { _time: T + 100 }], out: [{ _time: 1699999800 }, { _time: 1699999800 }, { _time: 1700000100 }], why: "floors to the 5-minute boundary" },
  { spl: "bucket span=1h _time", rows: [{ _time: T }], out: [{ _time: 1699999200 }], why: "bucket is bin; options before or after the field" },
  { spl: "bin span=1d _time", rows: [{ _time: T }], out: [{ _time: 1699920000 }], why: "a day span aligns to midnight (UTC, the console's time zone)" },
  { spl: "bin _time as bin_time span=10m", rows: [{ _time: T, x: "a" }], out: [{ _time: T, x: "a", bin_time: 1699999800 }], why: "AS newfield keeps the original" },
  { spl: "bin span=30s _time", rows: [{ _time: "1700000029.5" }], out: [{ _time: 1700000010 }], why: "a numeric string is a time; sub-second parts floor" },
  { spl: "bin span=1h gtime", rows: [{ gtime: T }, { other: 1 }], out: [{ gtime: 1699999200 }, { other: 1 }], why: "any epoch field; a row without it is unchanged" },
  {
    spl: "bin _time span=5m | stats avg(thruput) by _time host",
    rows: [{ _time: T, host: "a", thruput: 10 }, { _time: T + 50, host: "a", thruput: 20 }, { _time: T + 200, host: "a", thruput: 5 }, { _time: T, host: "b", thruput: 1 }],
    out: [{ _time: 1699999800, host: "a", "avg(thruput)": 15 }, { _time: 1699999800, host: "b", "avg(thruput)": 1 }, { _time: 1700000100, host: "a", "avg(thruput)": 5 }],
    why: "the documented example",
  },
];

test("bin: table", () => {
  for (const c of cases) assert.deepEqual(runCommands(c.spl, c.rows).rows, c.out, `${c.why}: ${c.spl}`);
});

test("bin: lineage follows each row", () => {
  const r = runCommands("bin _time span=5m | stats count by _time", [{ _time: T }, { _time: T + 200 }, { _time: T + 1 }]);
  assert.deepEqual(r.lineage, [[0, 2], [1]]);
});

test("bin: what is not modelled is not testable, with a reason", () => {
  const base = "| tstats count from datamodel=Endpoint.Processes by _time span=1s Processes.dest | ";
  for (const [tail, detail] of [
    ["bin _time", "bin bins"],
    ["bin bins=10 _time", "bin bins"],
    ["bin _time span=1w", "bin span"],
    ["bin _time span=7m", "bin span"],
    ["bin size span=10", "bin span"],
    ["bin _time span=1h aligntime=@d+3h", "bin aligntime"],
  ] as const) {
    const s = compileSearch(base + tail, { macros: [] }).support;
    assert.equal(s.level, "none", tail);
    assert.equal("detail" in s ? s.detail : undefined, detail, tail);
  }
  assert.throws(() => runCommands("bin _time span=5m", [{ _time: "yesterday" }]), /not a single epoch time/);
});

test("bin then stats by _time without a threshold stays per event; a threshold on the count is batch-only", () => {
  const base = "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by _time span=1s Processes.dest | rename Processes.* AS * | bucket _time span=1h";
  assert.equal(compileSearch(`${base} | stats count by _time dest`, { macros: [] }).support.level, "event");
  assert.equal(compileSearch(`${base} | where _time > 0`, { macros: [] }).support.level, "event");
  const s = compileSearch(`${base} | stats sum(count) as n by _time dest | where n > 5`, { macros: [] }).support;
  assert.equal(s.level, "batch");
  assert.equal(s.level === "batch" && s.code, "batch_aggregate");
});
