/**
 * Small-batch thresholds derived from the parsed search (threshold.ts), table-driven; each one
 * found is then checked against the engine: a batch below the limit fires, one at the limit not.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { BatchThreshold, EventInput } from "../detection/types";
import { compileSearch } from "./index";

const proc = (process_name: string, dest: string): EventInput => {
  const f = { process_name, dest, user: "bob", _time: 1700000000 };
  return { fields: f, datasets: { "Endpoint.Processes": f } };
};
const RARE = "| tstats dc(Processes.dest) as dc_dest values(Processes.dest) as dest min(_time) as firstTime from datamodel=Endpoint.Processes by Processes.process_name | rename Processes.* as *";
const CTIME = '| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)';

const cases: { spl: string; want: Partial<BatchThreshold> | undefined; why: string }[] = [
  { spl: `${RARE} | search dc_dest < 10 ${CTIME} | search *`, want: { aggregate: "dc", field: "Processes.dest", below: 10, clause: "dc_dest < 10", fires: true }, why: "Detect Rare Executables" },
  { spl: `${RARE} | where dc_dest <= 9`, want: { aggregate: "dc", below: 10, fires: true }, why: "<= N is below N + 1" },
  { spl: `${RARE} | where 10 > dc_dest`, want: { aggregate: "dc", below: 10 }, why: "number on the left" },
  { spl: "index=x | stats count by host | where count < 3", want: { aggregate: "count", below: 3, clause: "count < 3", fires: true }, why: "a row count after a raw search" },
  { spl: `${RARE} | search dc_dest < 10 | search process_name=cmd.exe`, want: { aggregate: "dc", below: 10, fires: false }, why: "a later filter can drop the rows: the threshold is met, firing is not promised" },
  { spl: `${RARE} | where dc_dest > 10`, want: undefined, why: "a large batch meets it, a small one does not" },
  { spl: `${RARE} | where dc_dest < 10 AND process_name="x"`, want: undefined, why: "more than the one comparison" },
  { spl: `${RARE} | eval dc_dest=dc_dest*100 | where dc_dest < 10`, want: undefined, why: "the value changed between the stats and the filter" },
  { spl: `${RARE} | eval other=dc_dest+100 | rename other as dc_dest | where dc_dest < 10`, want: undefined, why: "another field renamed onto the name" },
  { spl: `${RARE} | eval other=dc_dest+100 | rename missing as dc_dest | where other < 10`, want: undefined, why: "a filter on a field computed from the count" },
  { spl: "index=x | stats dc(dest) as n | rename n as hosts | where hosts < 4", want: { aggregate: "dc", field: "dest", below: 4 }, why: "followed through a rename" },
  { spl: "index=x | stats avg(bytes) as a by host | where a < 10", want: undefined, why: "an average is not a count" },
  { spl: "index=x | mvexpand dest | stats count by host | where count < 3", want: undefined, why: "rows are not events after mvexpand" },
  { spl: "index=x | stats count by host | where count >= 3", want: undefined, why: "the usual noise threshold: not met by a small batch" },
];

for (const c of cases) {
  test(`threshold: ${c.why}`, () => {
    const m = compileSearch(c.spl, { macros: [] });
    assert.equal(m.support.level, "batch", `${c.spl}: ${m.support.level === "event" ? "event" : m.support.reason}`);
    const got = m.support.level === "batch" ? m.support.threshold : undefined;
    if (c.want === undefined) return assert.equal(got, undefined);
    assert.ok(got, "a threshold");
    for (const [k, v] of Object.entries(c.want)) assert.deepEqual(got[k as keyof BatchThreshold], v, k);
  });
}

test("the engine agrees: below the limit the rare-executables search fires, at the limit it does not", () => {
  const m = compileSearch(`${RARE} | search dc_dest < 3 ${CTIME}`, { macros: [] });
  assert.equal(m.support.level === "batch" && m.support.threshold?.below, 3);
  const hosts = (n: number) => Array.from({ length: n }, (_, i) => proc("psexec.exe", `ws${i}`));
  const below = m.run(hosts(2));
  assert.ok(below.ok && below.rows.length === 1);
  const at = m.run(hosts(3));
  assert.ok(at.ok && at.rows.length === 0);
});
