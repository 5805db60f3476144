/**
 * Aggregates the engine leaves empty (percentiles, aggregates.ts) run only when no later stage
 * reads them (unfilled.ts); ESCU's two p50 searches display p50 but filter on avg and stdev.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileSearch } from "../index";
import { runCommands } from "./testing";

const BASE = "| tstats count from datamodel=Network_Traffic where All_Traffic.app=rdp by All_Traffic.src All_Traffic.dest | rename All_Traffic.* AS * | eventstats stdev(count) AS stdev avg(count) AS avg p50(count) AS p50";

test("percentiles: live (over a batch) unless a later stage reads them", () => {
  const cases: { tail: string; code: string; why: string }[] = [
    { tail: " | where count>(avg + stdev*2) | table src dest count avg p50 stdev", code: "batch_aggregate", why: "ESCU's Remote Desktop Network Bruteforce: p50 only displayed" },
    { tail: " | where count > p50", code: "unsupported_aggregation", why: "a filter on p50" },
    { tail: " | where count>(avg + stdev*2) | eval m=perc", code: "batch_aggregate", why: "a name that only starts the same is not a read" },
    { tail: " | where count > 'P50'", code: "unsupported_aggregation", why: "any case counts" },
  ];
  for (const c of cases) assert.equal((compileSearch(BASE + c.tail, { macros: [] }).support as { code?: string }).code, c.code, `${c.why}: ${c.tail}`);
});

test("percentiles: the value stays empty and the run says so", () => {
  const r = runCommands("eventstats avg(n) AS avg perc95(n) AS p95 exactperc50(n)", [{ n: 1 }, { n: 3 }]);
  assert.deepEqual(r.rows, [{ n: 1, avg: 2 }, { n: 3, avg: 2 }]);
  assert.match(r.notes.join(" "), /p95, exactperc50\(n\) left empty/);
});
