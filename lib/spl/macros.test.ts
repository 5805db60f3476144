import assert from "node:assert/strict";
import { test } from "node:test";
import { expandMacros } from "./macros";
import type { SplMacro as MacroDefinition } from "./api";

const macros: MacroDefinition[] = [
  { name: "security_content_summariesonly", args: [], definition: "summariesonly=`summariesonly_config` allow_old_summaries=`oldsummaries_config` fillnull_value=`fillnull_config`" },
  { name: "summariesonly_config", args: [], definition: "false" },
  { name: "oldsummaries_config", args: [], definition: "true" },
  { name: "fillnull_config", args: [], definition: "null" },
  { name: "security_content_ctime", args: ["field"], definition: 'convert timeformat="%Y-%m-%dT%H:%M:%S" ctime($field$)' },
  { name: "process_cmd", args: [], definition: "(Processes.process_name=cmd.exe OR Processes.original_file_name=Cmd.Exe)" },
  { name: "m", args: ["a"], definition: 'search f="$a$"' },
  { name: "loop", args: [], definition: "`loop`" },
  { name: "two", args: ["a", "b"], definition: "$a$-$b$" },
];

const cases: [string, string, string][] = [
  ["nested, no args", "| tstats `security_content_summariesonly` count", "| tstats summariesonly=false allow_old_summaries=true fillnull_value=null count"],
  ["argument substitution", "| `security_content_ctime(firstTime)`", '| convert timeformat="%Y-%m-%dT%H:%M:%S" ctime(firstTime)'],
  ["pitfall 16: args substitute inside quotes", "| `m(x)`", '| search f="x"'],
  ["named arguments", "`two(b=2, a=1)`", "1-2"],
  ["CIM default drop_dm_object_name", "| `drop_dm_object_name(Processes)`", "| rename Processes.* AS *"],
  ["quoted drop_dm_object_name argument", '| `drop_dm_object_name("Web")`', "| rename Web.* AS *"],
  ["missing _filter macro is search *", "| `foo_filter`", "| search *"],
  ["macros inside quoted values are not expanded", '| search x="a`m(y)`b"', '| search x="a`m(y)`b"'],
  ["comments are blanked (same length)", "a ```c``` b", "a         b"],
];

test("macro expansion", () => {
  for (const [why, input, expected] of cases) {
    const ex = expandMacros(input, macros);
    assert.deepEqual(ex.errors, [], why);
    assert.equal(ex.text, expected, why);
  }
});

test("undefined and recursive macros are reported, not thrown", () => {
  assert.match(expandMacros("`get_asset(dest)`", macros).errors[0]!.message, /get_asset\(1\).*not defined/);
  assert.match(expandMacros("`loop`", macros).errors[0]!.message, /recursively/);
  assert.match(expandMacros("| where `unterminated", macros).errors[0]!.message, /unterminated/);
});

test("source map: spans inside a macro point at the invocation and into the expansion", () => {
  const search = "| tstats count where `process_cmd` by x";
  const ex = expandMacros(search, macros);
  const inner = ex.text.indexOf("Processes.original_file_name");
  const span = ex.map.toSpan([inner, inner + "Processes.original_file_name=Cmd.Exe".length]);
  assert.equal(search.slice(span.start, span.end), "`process_cmd`");
  assert.equal(span.macro?.name, "process_cmd");
  const use = ex.uses.find((u) => u.name === "process_cmd")!;
  assert.equal(use.expansion.slice(span.macro!.start, span.macro!.end), "Processes.original_file_name=Cmd.Exe");
  // Text outside macros maps one to one, even after an expansion.
  const by = ex.text.indexOf("by x");
  const s2 = ex.map.toSpan([by, by + 4]);
  assert.equal(search.slice(s2.start, s2.end), "by x");
});

test("macro uses list origin and expansion for display", () => {
  const ex = expandMacros("| tstats `security_content_summariesonly` count | `drop_dm_object_name(Processes)` | `x_filter`", macros);
  assert.deepEqual(ex.uses.map((u) => [u.name, u.origin]), [["security_content_summariesonly", "content"], ["drop_dm_object_name", "builtin-cim"], ["x_filter", "builtin-filter"]]);
  assert.equal(ex.uses[0]!.expansion, "summariesonly=false allow_old_summaries=true fillnull_value=null");
});
