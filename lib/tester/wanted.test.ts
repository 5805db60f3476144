import assert from "node:assert/strict";
import { test } from "node:test";
import type { PredicateTrace } from "../detection/types";
import { readRegex, splString, wantedSaw } from "./wanted";

const clause = (text: string, value: string | null, field = "process"): PredicateTrace => ({
  text,
  span: { start: 0, end: text.length },
  value: false,
  language: "eval",
  fields: [{ name: field, value }],
});

test("SPL strings are unescaped once (\\\\ and \\\" only)", () => {
  const cases: [string, string][] = [
    ["C:\\\\\\\\Windows\\\\[a-z]", "C:\\\\Windows\\[a-z]"],
    ['a\\"b', 'a"b'],
    ["\\d\\.", "\\d\\."],
  ];
  for (const [body, want] of cases) assert.equal(splString(body), want, body);
});

test("simple regexes are read out; others are not", () => {
  const cases: [string, string | null][] = [
    ["C:\\\\Windows\\\\[a-zA-Z]{1,8}\\.bat", "C:\\Windows\\‹1 to 8 one of [a-zA-Z]›.bat (anywhere in the value) (case-sensitive)"],
    ["echo\\s+cd", "echo‹one or more whitespace›cd (anywhere in the value) (case-sensitive)"],
    ["^cmd\\.exe$", "cmd.exe (the whole value) (case-sensitive)"],
    ["(?i)abc", "abc (anywhere in the value) (any case)"],
    ["a|b", null],
    ["(ab)+", null],
    ["\\bword", null],
  ];
  for (const [re, want] of cases) assert.equal(readRegex(re), want, re);
});

test("failed clauses say what they wanted and what they saw", () => {
  const cases: [PredicateTrace, RegExp, string][] = [
    [clause('match(process, "C:\\\\\\\\Windows\\\\\\\\[a-zA-Z]{1,8}\\\\.bat")', "cmd.exe /c x.bat"), /^process matching \/C:\\\\Windows\\\\\[a-zA-Z\]\{1,8\}\\\.bat\/ — reads: C:\\Windows\\‹1 to 8 one of \[a-zA-Z\]›\.bat/, "process = cmd.exe /c x.bat"],
    [clause('Processes.process IN ("*/user:*", "*/pwd:*")', "notepad.exe a.txt", "Processes.process"), /^Processes\.process one of \*\/user:\* · \*\/pwd:\*/, "Processes.process = notepad.exe a.txt"],
    [clause("Processes.process_name=cmd.exe", null, "Processes.process_name"), /^Processes\.process_name = cmd\.exe/, "Processes.process_name: nothing (the field is missing)"],
    [clause('like(process, "%\\\\temp\\\\%")', "a"), /^process like %\\temp\\% /, "process = a"],
  ];
  for (const [p, wanted, saw] of cases) {
    const w = wantedSaw(p);
    assert.ok(w, p.text);
    assert.match(w.wanted, wanted, p.text);
    assert.equal(w.saw, saw, p.text);
  }
  assert.equal(wantedSaw(clause("len(process) > 5", "x")), null);
});
