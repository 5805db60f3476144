/**
 * Which tstats where clauses get a screen (screen.ts), and what it holds. A screen claims that an
 * event whose values miss all its literals is dropped by the first conjunct: every leaf it keeps
 * must be a plain case-insensitive equality that the compiled clause reads first.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { lex, significant } from "./lex";
import { parseSearchTokens } from "./parse-search";
import { compileExpr } from "./search-compile";

const keyOf = (f: string) => (f.startsWith("Processes.") ? f.slice("Processes.".length) : null);

function screen(where: string) {
  const parsed = parseSearchTokens(significant(lex(where)));
  assert.deepEqual(parsed.errors, [], where);
  return compileExpr(parsed.expr!, keyOf).screen;
}

const CASES: [string, { field: string; values: string[] }[] | null][] = [
  ["Processes.process_name=cmd.exe", [{ field: "process_name", values: ["cmd.exe"] }]],
  ['Processes.process_name="CMD.EXE" OR Processes.original_file_name=Cmd.Exe', [{ field: "process_name", values: ["cmd.exe"] }, { field: "original_file_name", values: ["cmd.exe"] }]],
  ["Processes.process_name IN (a.exe, B.EXE) Processes.process=*x*", [{ field: "process_name", values: ["a.exe", "b.exe"] }]],
  // The first conjunct of a nested AND is read first.
  ["(Processes.parent_process_name=services.exe AND Processes.user=x) Processes.process=*y*", [{ field: "parent_process_name", values: ["services.exe"] }]],
  // OR binds tighter than AND in the search language: the first conjunct is the whole OR.
  ["Processes.process_name=a.exe OR Processes.process_name=b.exe Processes.process=*c*", [{ field: "process_name", values: ["a.exe"] }, { field: "process_name", values: ["b.exe"] }]],
  ['Processes.process_name=""', [{ field: "process_name", values: [""] }]],
  // Not plain equalities: no screen.
  ["Processes.process_name=*.exe", null],
  ["Processes.process_name IN (a.exe, *.com)", null],
  ["Processes.process_name=a.exe OR Processes.process=*x*", null],
  ["Processes.process_name!=cmd.exe", null],
  ["NOT Processes.process_name=cmd.exe", null],
  ["Processes.dest=10.0.0.0/8", null],
  ["Processes.process_name=CASE(cmd.exe)", null],
  ["Processes.process_name=TERM(cmd.exe)", null],
  ["Processes.process_id>4", null],
  ["Processes.constructor=x", null],
  ["process_name=cmd.exe", null],
  ["Processes.a.b=x", null],
  ["cmd.exe", null],
  ["*", null],
  // A later conjunct is never the screen: an earlier one may hinge on unknown fields first.
  ["Processes.process=*x* Processes.process_name=cmd.exe", null],
];

test("screens: plain equalities of the first conjunct, folded; anything else has none", () => {
  for (const [where, expected] of CASES) {
    const s = screen(where);
    assert.deepEqual(s === null ? null : s.map((l) => ({ field: l.field, values: [...l.values] })), expected, where);
  }
});
