import { test } from "node:test";
import assert from "node:assert/strict";
import type { MacroUse } from "../spl/api";
import { compareRequiredFields, withoutDatasetPrefix } from "./fields";
import { isEmptyFilterMacro, splLines, type SplToken } from "./spl-display";
import { slugifyStoryName, storyLinks } from "./stories";
import type { Story } from "../content/types";

/** A tiny stand-in lexer for the display tests: pipes, [ ], backtick macros, strings, words, blanks. */
function toks(text: string): SplToken[] {
  const out: SplToken[] = [];
  const re = /(\|)|(\[)|(\])|(`[^`]*`)|("(?:[^"\\]|\\.)*")|(\s+)|([^\s|\[\]`"]+)/g;
  for (const m of text.matchAll(re)) {
    const kind = m[1] ? "pipe" : m[2] ? "lbracket" : m[3] ? "rbracket" : m[4] ? "macro" : m[5] ? "string" : m[6] ? "whitespace" : "word";
    out.push({ kind, start: m.index, end: m.index + m[0].length, text: m[0] });
  }
  return out;
}

const lineText = (text: string, macros: MacroUse[] = []) =>
  splLines(toks(text), macros).map((l) => l.pieces.map((p) => p.text).join(""));

test("one line per top-level pipe segment, trimmed, numbered", () => {
  const spl = "| tstats count where x=1 by a | `drop_dm_object_name(Processes)` | where match(p, \"a|b\")\n| `f_filter`";
  assert.deepEqual(lineText(spl), ["| tstats count where x=1 by a", "| `drop_dm_object_name(Processes)`", '| where match(p, "a|b")', "| `f_filter`"]);
  assert.deepEqual(splLines(toks(spl)).map((l) => l.number), [1, 2, 3, 4]);
});

test("pipes inside a subsearch stay on their line; a search without a leading pipe starts line 1", () => {
  assert.deepEqual(lineText("index=a [search index=b | fields x] | stats count"), ["index=a [search index=b | fields x]", "| stats count"]);
});

test("macro tokens link to the engine's MacroUse by span", () => {
  const spl = "| tstats `s` count | `x_filter`";
  const macros: MacroUse[] = [
    { name: "s", args: [], span: { start: 9, end: 12 }, definition: "summariesonly=false", origin: "content", expansion: "summariesonly=false" },
    { name: "x_filter", args: [], span: { start: 21, end: 31 }, definition: "search *", origin: "builtin-filter", expansion: "search *" },
  ];
  const lines = splLines(toks(spl), macros);
  const found = lines.flatMap((l) => l.pieces.filter((p) => p.kind === "macro"));
  assert.deepEqual(found, [
    { kind: "macro", text: "`s`", macro: 0 },
    { kind: "macro", text: "`x_filter`", macro: 1 },
  ]);
});

test("isEmptyFilterMacro", () => {
  assert.equal(isEmptyFilterMacro({ name: "a_filter", definition: "search *" }), true);
  assert.equal(isEmptyFilterMacro({ name: "a_filter", definition: "" }), true);
  assert.equal(isEmptyFilterMacro({ name: "a_filter", definition: "search NOT user=admin" }), false);
  assert.equal(isEmptyFilterMacro({ name: "cloudtrail", definition: "search *" }), false);
});

test("required fields: compared without the data model prefix", () => {
  assert.equal(withoutDatasetPrefix("Processes.process_name"), "process_name");
  assert.equal(withoutDatasetPrefix("_time"), "_time");
  assert.equal(withoutDatasetPrefix("process.name"), "process.name");
  const c = compareRequiredFields(["_time", "Processes.dest", "Processes.process"], ["dest", "process", "process_name"]);
  assert.deepEqual(c.onlyDeclared, ["_time"]);
  assert.deepEqual(c.onlyRead, ["process_name"]);
  assert.equal(c.same, false);
  assert.equal(compareRequiredFields(["Processes.dest"], ["dest"]).same, true);
  assert.deepEqual(compareRequiredFields(undefined, ["dest"]), { read: ["dest"], onlyDeclared: [], onlyRead: [], same: false });
});

test("story links resolve by name, else slugify", () => {
  const stories = [{ slug: "active_directory_lateral_movement", name: "Active Directory Lateral Movement" } as Story];
  assert.deepEqual(storyLinks(["Active Directory Lateral Movement", "CISA AA22-277A"], stories), [
    { name: "Active Directory Lateral Movement", slug: "active_directory_lateral_movement", known: true },
    { name: "CISA AA22-277A", slug: "cisa_aa22_277a", known: false },
  ]);
  assert.equal(slugifyStoryName("  Data Destruction! "), "data_destruction");
});

test("with the engine's lexer: seed 1 splits into the seed page's 6 lines", async () => {
  const { lex } = await import("../spl/lex");
  const seed1 =
    '| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user Processes.parent_process_name Processes.process_name Processes.process Processes.process_id Processes.parent_process_id | `drop_dm_object_name(Processes)` | where match(process, "(?i)cmd\\.exe\\s+\\/Q\\s+\\/c") AND match(process,"(?i)echo\\s+cd") | `security_content_ctime(firstTime)` | `security_content_ctime(lastTime)` | `impacket_lateral_movement_smbexec_commandline_parameters_filter`';
  const lines = splLines(lex(seed1));
  assert.equal(lines.length, 6);
  assert.equal(lines.map((l) => l.pieces.map((p) => p.text).join("")).join(" "), seed1);
  assert.ok(lines[1]!.pieces.some((p) => p.kind === "text" && p.tokenKind === "macro"), "unlinked macros still highlight as macros");
  const kindOf = (line: number, text: string) =>
    lines[line]!.pieces.find((p) => p.text === text && p.kind === "text")?.kind === "text"
      ? (lines[line]!.pieces.find((p) => p.text === text) as { tokenKind: string }).tokenKind
      : undefined;
  assert.equal(kindOf(0, "tstats"), "command");
  assert.equal(kindOf(0, "min"), "function");
  assert.equal(kindOf(0, "as"), "keyword");
  assert.equal(kindOf(0, "by"), "keyword");
  assert.equal(kindOf(2, "where"), "command");
  assert.equal(kindOf(2, "match"), "function");
  assert.equal(kindOf(2, "AND"), "keyword");
});
