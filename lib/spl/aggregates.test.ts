import { test } from "node:test";
import assert from "node:assert/strict";
import { AGGREGATE_NAMES, makeAggregator, type Aggregator } from "./aggregates";
import { isFailure, type EvalValue } from "./values";

type Row = Record<string, EvalValue>;

function agg(name: string, field: string | undefined, rows: Row[]): EvalValue {
  const a = makeAggregator(name, field);
  if (isFailure(a)) throw new Error(a.failure);
  for (const r of rows) (a as Aggregator).add(field === undefined ? undefined : r[field], r["_time"]);
  return a.result();
}

const rows: Row[] = [
  { _time: 300, user: "bob", n: "10", s: "b", mv: ["x", "y"] },
  { _time: 100, user: "alice", n: "9", s: "a" },
  { _time: 200, user: "bob", n: "abc", s: "C", mv: "x" },
  { _time: 400, n: "1.0" },
];

test("aggregates over a group", () => {
  const cases: [string, string | undefined, EvalValue][] = [
    ["count", undefined, 4],
    ["c", undefined, 4],
    ["count", "user", 3], // non-null only [U spl-semantics 3.7]
    ["count", "mv", 3], // a multivalue contributes each value
    ["dc", "user", 2],
    ["distinct_count", "mv", 2],
    ["dc", "n", 4], // "1.0" and "1" would be distinct strings [V overview]
    // values(): distinct, lexicographic, as strings [V mvstats].
    ["values", "user", ["alice", "bob"]],
    ["values", "n", ["1.0", "10", "9", "abc"]],
    ["values", "s", ["C", "a", "b"]],
    ["values", "missing", null],
    ["list", "user", ["bob", "alice", "bob"]],
    ["list", "mv", ["x", "y", "x"]],
    // min/max numeric when possible; non-numeric ignored then [A].
    ["max", "n", 10],
    ["min", "n", 1],
    ["max", "s", "b"],
    ["min", "s", "C"],
    ["min", "_time", 100],
    ["max", "missing", null],
    // numeric functions ignore non-numeric values [V overview].
    ["sum", "n", 20],
    ["avg", "n", 20 / 3],
    ["mean", "_time", 250],
    ["range", "n", 9],
    ["median", "_time", 300], // even count → upper middle [U]
    ["var", "_time", 16666.666666666668],
    ["stdevp", "_time", Math.sqrt(12500)],
    ["sum", "s", null],
    ["mode", "user", "bob"],
    ["first", "user", "bob"],
    ["last", "user", "bob"],
    ["first", "s", "b"],
    ["last", "s", "C"],
    // earliest/latest by _time [V timefn].
    ["earliest", "user", "alice"],
    ["latest", "user", "bob"],
    ["earliest", "s", "a"],
    ["latest", "n", "1.0"],
    ["earliest_time", "user", 100],
    ["latest_time", "user", 300],
  ];
  for (const [name, field, want] of cases) assert.deepEqual(agg(name, field, rows), want, `${name}(${field ?? ""})`);
});

test("empty group", () => {
  assert.equal(agg("count", undefined, []), 0);
  assert.equal(agg("count", "x", []), 0);
  assert.equal(agg("dc", "x", []), 0);
  assert.equal(agg("values", "x", []), null);
  assert.equal(agg("avg", "x", []), null);
  assert.equal(agg("earliest", "x", []), null);
});

test("list keeps at most 100 values [V mvstats]", () => {
  const many = Array.from({ length: 150 }, (_, i) => ({ v: String(i) }));
  const out = agg("list", "v", many) as string[];
  assert.equal(out.length, 100);
  assert.equal(out[99], "99");
});

test("earliest/latest without _time fall back to input order", () => {
  const r: Row[] = [{ v: "a" }, { v: "b" }];
  assert.equal(agg("earliest", "v", r), "a");
  assert.equal(agg("latest", "v", r), "b");
});

test("names are case-insensitive; unknown names fail", () => {
  assert.equal(agg("COUNT", undefined, rows), 4);
  assert.equal(agg("Values", "user", rows)?.toString(), "alice,bob");
  const bad = makeAggregator("foo95", "x");
  assert.ok(isFailure(bad) && /foo95/.test(bad.failure));
  // Percentiles are left empty (support.ts accepts them only when nothing reads them).
  const p = makeAggregator("perc95", "x");
  assert.ok(!isFailure(p) && (p.add(1, undefined), p.result() === null));
  assert.ok(isFailure(makeAggregator("values")));
  assert.ok(isFailure(makeAggregator("toString", "x")));
  for (const n of AGGREGATE_NAMES) assert.equal(n, n.toLowerCase());
});
