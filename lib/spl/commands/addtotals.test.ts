/** `addtotals` (addtotals.ts) with the documented shapes [V cmd:addtotals]. */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { EventInput } from "../../detection/types";
import { compileSearch } from "../index";
import type { RowData } from "../runtime";
import { runCommands } from "./testing";

const T = 1700000000;

test("addtotals: documented shapes (row sums into Total or fieldname=, wildcards, col=true named)", () => {
  const rows: RowData[] = [{ a: 1, b: "2", c: "x", count1: 3, count2: 4 }, { c: "y" }];
  assert.deepEqual(runCommands("addtotals", rows).rows, [{ a: 1, b: "2", c: "x", count1: 3, count2: 4, Total: 10 }, { c: "y" }], "all numeric fields; numeric-looking strings count");
  assert.deepEqual(runCommands("addtotals fieldname=Score a, b", rows).rows[0]!["Score"], 3, "ESCU's `addtotals fieldname=Score f1, f2, f3`");
  assert.deepEqual(runCommands("addtotals count*", rows).rows[0]!["Total"], 7, "wildcards in the field list");
  assert.deepEqual(runCommands("addtotals row=false", rows).rows, rows);
  const s = compileSearch("| tstats count from datamodel=Web by Web.uri_query | rename Web.* AS * | eval p=if(match(uri_query,\"powershell\"),1,0) | addtotals fieldname=Score p | where Score >= 1", { macros: [] });
  assert.equal(s.support.level, "event");
  const web = (q: string): EventInput => ({ fields: { _time: T, uri_query: q }, datasets: { "Web.Web": { uri_query: q } } });
  assert.equal(s.evaluate(web("a=powershell")).verdict, "match");
  assert.equal(s.evaluate(web("a=b")).verdict, "no_match");
  assert.equal((compileSearch("| tstats count from datamodel=Web by Web.dest | addtotals col=true", { macros: [] }).support as { code?: string }).code, "unsupported_option");
});
