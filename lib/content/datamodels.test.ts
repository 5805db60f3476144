import { test } from "node:test";
import assert from "node:assert/strict";
import { findDatamodels, inlineMacros, macroKey } from "./datamodels";
import type { MacroDefinition } from "./types";

const defs: MacroDefinition[] = [
  { name: "sysmon", args: [], definition: "index=x | datamodel Endpoint Processes search" },
  { name: "wrap", args: ["dm"], definition: "tstats count from datamodel=$dm$" },
  { name: "nest", args: [], definition: "`wrap(Web.Web)`" },
];
const macros = new Map(defs.map((d) => [macroKey(d), d]));

const cases: [string, string[]][] = [
  ["| tstats count from datamodel=Endpoint.Processes where x", ["Endpoint.Processes"]],
  ['| tstats count from datamodel="Network_Traffic.All_Traffic" by x', ["Network_Traffic.All_Traffic"]],
  ['| from datamodel:"Risk.All_Risk" | search x', ["Risk.All_Risk"]],
  ["| from datamodel Risk.All_Risk | search x", ["Risk.All_Risk"]],
  ["| tstats count from datamodel=Authentication where Authentication.x=1", ["Authentication"]],
  ["`sysmon`", ["Endpoint.Processes"]],
  ["`nest` | tstats count from datamodel=Web.Web", ["Web.Web"]],
  ["search index=main", []],
];

for (const [search, want] of cases) {
  test(`findDatamodels(${JSON.stringify(search)})`, () => assert.deepEqual(findDatamodels(search, macros), want));
}

test("inlineMacros substitutes arguments, nests, leaves unknown macros", () => {
  assert.equal(inlineMacros("`wrap(Endpoint.Registry)` | `unknown_filter`", macros), "tstats count from datamodel=Endpoint.Registry | `unknown_filter`");
  assert.equal(inlineMacros("`nest`", macros), "tstats count from datamodel=Web.Web");
});
