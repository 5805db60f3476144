import { test } from "node:test";
import assert from "node:assert/strict";
import { datamodelsIn } from "./datamodels";
import { expandMacros } from "./macros";
import type { SplMacro as MacroDefinition } from "./api";

const macros: MacroDefinition[] = [
  { name: "sysmon", args: [], definition: "index=x | datamodel Endpoint Processes search" },
  { name: "wrap", args: ["dm"], definition: "tstats count from datamodel=$dm$" },
  { name: "nest", args: [], definition: "`wrap(Web.Web)`" },
];

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
  test(`datamodelsIn(expanded ${JSON.stringify(search)})`, () => assert.deepEqual(datamodelsIn(expandMacros(search, macros).text), want));
}
