import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalog } from "../content/load";
import { compileSearch } from "../spl";
import { eventFromCommandLine, toEventInput } from "../events";
import { culprit, failingClause, highlightSegments, matchesByField, plainField, rangesInText, splSegments } from "./trace";
import type { PredicateTrace } from "../detection/types";

const catalog = await loadCatalog("content");
const seed = (slug: string) => {
  const a = catalog.analytics.find((x) => x.slug === slug);
  assert.ok(a);
  return { a, c: compileSearch(a.search, { macros: catalog.macros }) };
};
const explain = (slug: string, line: string) => {
  const { a, c } = seed(slug);
  const e = eventFromCommandLine(line);
  return { a, ex: c.explain(toEventInput(e)) };
};
const SMB = "impacket_lateral_movement_smbexec_commandline_parameters";
const FIRES = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;

test("smbexec near miss (a later command, echo whoami): the failing clause is named", () => {
  const { ex } = explain(SMB, FIRES.replace("echo cd", "echo whoami"));
  assert.equal(ex.verdict, "no_match");
  const f = failingClause(ex);
  assert.equal(f?.stage.command, "where");
  assert.equal(f?.words, String.raw`failed: match(process,"(?i)echo\s+cd")`);
});

test("wmiexec near miss fails at tstats? no: at the where clause (cmd.exe matches)", () => {
  const { ex } = explain(SMB, String.raw`cmd.exe /Q /c cd \ 1> \\127.0.0.1\ADMIN$\__1700000000.12 2>&1`);
  assert.equal(ex.verdict, "no_match");
  assert.match(failingClause(ex)?.words ?? "", /^failed: match\(process,"\(\?i\)echo\\s\+cd"\)$/);
});

test("a match has no failing clause; its SPL segments mark each leaf pass", () => {
  const { a, ex } = explain(SMB, FIRES);
  assert.equal(ex.verdict, "match");
  assert.equal(failingClause(ex), undefined);
  const segs = splSegments(a.search, ex.stages);
  assert.equal(segs.map((s) => s.text).join(""), a.search, "segments cover the search exactly");
  const marked = segs.filter((s) => s.value !== undefined);
  assert.equal(marked.length, 7, "process_name=cmd.exe, five match() calls, and the filter macro (search *)");
  assert.ok(marked.every((s) => s.value === true));
  const hits = matchesByField(ex.stages);
  assert.ok(hits.get("process")?.length);
  assert.deepEqual(highlightSegments("cmd.exe", hits.get("process_name") ?? []), [{ text: "cmd.exe", hit: true }]);
});

test("an OR that fails is named as a whole; an AND descends", () => {
  const leaf = (text: string, value: boolean | null): PredicateTrace => ({ text, value, language: "search", span: { start: 0, end: 1 } });
  const or: PredicateTrace = { ...leaf("(a OR b)", false), children: [leaf("a", false), leaf("b", false)], note: "any may hold" };
  const and: PredicateTrace = { ...leaf("x (a OR b)", false), children: [leaf("x", true), or], note: "all must hold" };
  assert.equal(culprit(and)?.text, "(a OR b)");
  const nul: PredicateTrace = { ...leaf("p AND q", null), children: [leaf("p", true), leaf("q", null)], note: "all must be true" };
  assert.equal(culprit(nul)?.text, "q");
  assert.equal(failingClause({ verdict: "no_match", stages: [{ command: "where", span: { start: 0, end: 1 }, rowsIn: 1, rowsOut: 0, predicates: [nul] }] })?.words, "null (unknown): q");
});

const HIGHLIGHT: [string, { start: number; end: number }[], { text: string; hit?: boolean }[]][] = [
  ["no ranges", [], [{ text: "abcdef" }]],
  ["overlap merges", [{ start: 1, end: 3 }, { start: 2, end: 4 }], [{ text: "a" }, { text: "bcd", hit: true }, { text: "ef" }]],
  ["clipped", [{ start: -5, end: 2 }, { start: 5, end: 99 }], [{ text: "ab", hit: true }, { text: "cde" }, { text: "f", hit: true }]],
  ["empty range ignored", [{ start: 3, end: 3 }], [{ text: "abcdef" }]],
];
for (const [name, ranges, want] of HIGHLIGHT) test(`highlightSegments: ${name}`, () => assert.deepEqual(highlightSegments("abcdef", ranges), want));

test("plainField and rangesInText", () => {
  assert.equal(plainField("Processes.process_name"), "process_name");
  assert.equal(plainField("process"), "process");
  assert.deepEqual(rangesInText("xx hello", "hello", [{ start: 1, end: 2 }]), [{ start: 4, end: 5 }]);
  assert.deepEqual(rangesInText("{\"a\":\"h\\\\i\"}", "h\\i", [{ start: 0, end: 1 }]), []);
});
