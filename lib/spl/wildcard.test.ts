import { test } from "node:test";
import assert from "node:assert/strict";
import { compileSearchValue, foldCase, matchSearchValue } from "./wildcard";

test("search-language value matching", () => {
  // [V usefields] whole value; [V wild] `*` any run; [V search] case-insensitive.
  const cases: [string, string, boolean][] = [
    ["cmd", "cmd.exe", false],
    ["*md.e*", "cmd.exe", true],
    ["cmd.exe", "CMD.EXE", true],
    ["*system32*", "C:\\Windows\\SYSTEM32\\x.bat", true],
    ["*", "", true],
    ["*", "anything", true],
    ["", "", true],
    ["", "x", false],
    ["a*", "a", true],
    ["*a", "a", true],
    ["a*a", "a", false],
    ["a*a", "aa", true],
    ["a**b", "ab", true],
    ["*a*b*c*", "xxaxxbxxcxx", true],
    ["*a*b*c*", "xxcxxbxxaxx", false],
    // [V bslash] `\*` is a literal backslash followed by a wildcard.
    ["*\\*", "C:\\a", true],
    ["*\\*", "abc", false],
    ["C:\\Windows\\*", "c:\\windows\\system32\\cmd.exe", true],
    ["*\\temp\\*", "C:\\Temp\\a.exe", true],
    // No other metacharacters.
    ["a?c", "abc", false],
    ["a.c", "abc", false],
    ["[a]", "[A]", true],
  ];
  for (const [p, v, want] of cases) assert.equal(matchSearchValue(p, v), want, `${p} vs ${v}`);
});

test("case-sensitive mode (CASE())", () => {
  // [V caseterm] host=CASE(LOCALHOST) on {host=localhost} → no match.
  assert.equal(compileSearchValue("LOCALHOST", { caseSensitive: true }).test("localhost"), false);
  assert.equal(compileSearchValue("LOCAL*", { caseSensitive: true }).test("LOCALHOST"), true);
  assert.equal(compileSearchValue("LOCAL*", { caseSensitive: true }).test("localhost"), false);
});

test("matchSpan", () => {
  const cases: [string, string, [number, number] | null][] = [
    ["*cmd.exe*", "C:\\cmd.exe /c", [3, 10]],
    ["cmd.exe", "CMD.exe", [0, 7]],
    ["*", "abc", [0, 3]],
    ["a*", "abc", [0, 1]],
    ["*c", "abc", [2, 3]],
    ["*b*", "abcb", [1, 2]],
    ["*x*", "abc", null],
  ];
  for (const [p, v, want] of cases) assert.deepEqual(compileSearchValue(p).matchSpan(v), want, `${p} vs ${v}`);
});

test("compiled patterns are cached", () => {
  assert.equal(compileSearchValue("*abc*"), compileSearchValue("*abc*"));
  assert.notEqual(compileSearchValue("*abc*"), compileSearchValue("*abc*", { caseSensitive: true }));
});

test("linear time on adversarial patterns", () => {
  const pattern = "*a".repeat(40) + "*b";
  const value = "a".repeat(200_000);
  const t0 = Date.now();
  assert.equal(matchSearchValue(pattern, value), false);
  assert.ok(Date.now() - t0 < 500, "should not backtrack");
});

test("foldCase keeps length", () => {
  assert.equal(foldCase("ABC"), "abc");
  const s = "\u0130x"; // İ lower-cases to two code units
  assert.equal(foldCase(s).length, s.length);
  assert.equal(matchSearchValue("*X", s), true);
});
