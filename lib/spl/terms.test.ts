/**
 * Bare terms against `_raw` (terms.ts, spl-semantics §2.7): segments, breakers, wildcards,
 * phrases, TERM() and CASE(), table-driven from the documented examples, plus a property test of
 * the fast matcher against a brute-force reading of the same rules.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { breakClasses, compileTerm, type TermSpec } from "./terms";
import { foldCase } from "./wildcard";

function matches(spec: TermSpec | string, raw: string): boolean | string {
  const s = typeof spec === "string" ? { text: spec, quoted: false } : spec;
  const m = compileTerm(s);
  if ("unsupported" in m) return `unsupported: ${m.unsupported}`;
  return m.find(raw) !== null;
}

const q = (text: string): TermSpec => ({ text, quoted: true });
const TERM = (text: string): TermSpec => ({ text, quoted: false, modifier: "term" });
const CASE = (text: string): TermSpec => ({ text, quoted: false, modifier: "case" });

const CASES: [TermSpec | string, string, boolean | string, string][] = [
  // Keywords are whole segments, case-insensitive [V primer, caseterm].
  ["error", "a web error occurred", true, "a keyword between spaces"],
  ["ERROR", "a web error occurred", true, "case-insensitive"],
  ["err", "a web error occurred", false, "not a substring of a segment"],
  ["error", "webserver_error:42", true, "minor breakers (_ :) bound segments too"],
  ["server", "webserver_error", false, "a segment starts at a breaker"],
  ["lsass", "C:\\Windows\\System32\\lsass.exe", true, "between \\ and ."],
  ["lsass.exe", "C:\\Windows\\System32\\lsass.exe", true, "a term with minor breakers is a phrase of its subterms"],
  ["system32\\lsass.exe", "C:\\Windows\\System32\\lsass.exe", true, "several minor breakers"],
  ["ystem32\\lsass.exe", "C:\\Windows\\System32\\lsass.exe", false, "must start on a segment boundary"],
  ["127.0.0.1", "src=127.0.0.1:8080", true, "an address inside a key=value (minor breakers around it)"],
  ["127.0.0", "src=127.0.0.1", true, "a prefix that ends at a minor breaker"],
  ["27.0.0.1", "src=127.0.0.1", false, "must start on a boundary"],
  [".exe", "cmd.exe", true, "a term that starts with a breaker"],
  ["dbgcore.dll", "C:\\x\\dbgcore.dll+0x1234|C:\\x\\ntdll.dll", true, "a CallTrace entry"],
  ["20bar", "foo%20bar", false, "%20 is one major breaker: 20 is not a segment"],
  ["bar", "foo%20bar", true, "after %20"],
  ["a-b", "a--b", false, "-- is a major breaker, - a minor one"],
  ["roles/editor", "role: roles/editor,", true, "a path-like term"],
  // Wildcards: any run inside one major segment [V wild].
  ["win*", "Microsoft-Windows-Sysmon/Operational", true, "a trailing * lifts the end boundary"],
  ["*sysmon*", "Microsoft-Windows-Sysmon/Operational", true, "both sides"],
  ["*sysmon", "Microsoft-Windows-Sysmon/Operational", true, "ends at a breaker"],
  ["*sysmo", "Microsoft-Windows-Sysmon/Operational", false, "must end on a boundary"],
  ["ysmon*", "Microsoft-Windows-Sysmon/Operational", false, "must start on a boundary"],
  ["micro*operational", "Microsoft-Windows-Sysmon/Operational", true, "a middle *"],
  ["micro*operational", "Microsoft Windows Sysmon/Operational", false, "* does not cross a major breaker (space)"],
  ["Information*", "System Volume Information\\x.dat", true, "catalog term"],
  ["*System\\", "C:\\System Volume Information\\x", false, "the raw text has no backslash after System"],
  ["*System\\", "C:\\System\\x", true, "ends with a breaker: its own boundary"],
  ["**", "anything", true, "stars only match any text"],
  // Quoted phrases: breakers (spaces) included [V search, primer].
  [q("web error"), "a web error occurred", true, "phrase"],
  [q("web error"), "error web", false, "order matters"],
  [q("web error"), "a web  error", false, "the text between the words as written"],
  [q("A shell was spawned in a container"), "Notice A shell was spawned in a container with an attached terminal", true, "catalog phrase"],
  [q("\\drivers\\x64\\"), "C:\\Windows\\System32\\spool\\drivers\\x64\\3\\evil.dll", true, "catalog phrase of breakers"],
  [q("sudoedit -s \\"), "sudoedit -s \\ 'AAAA'", true, "catalog phrase ending with a backslash"],
  [q("disabled"), "The start type was changed from auto start to disabled.", true, "a quoted keyword"],
  [q("x*y"), "x*y", "unsupported: a wildcard inside a quoted phrase", "refused, not guessed"],
  [q(""), "x", "unsupported: an empty phrase", "refused"],
  // TERM(): one indexed token [V caseterm, segmenters].
  [TERM("127.0.0.1"), "127.0.0.1 - admin", true, "bounded by major breakers"],
  [TERM("127.0.0.1"), "ip=127.0.0.1 x", false, "not a token: it follows a minor breaker and holds breakers"],
  [TERM("127.0.0.1"), "127.0.0.1:8080 x", true, "a token from the segment start to a minor breaker"],
  [TERM("sudoedit"), "sudo: sudoedit -s", true, "a plain word"],
  [TERM("segfault"), "kernel: sudoedit[1234]: segfault at 0", true, "between major breakers"],
  [TERM("0.1"), "127.0.0.1", false, "a piece with a breaker is not a token unless it starts the segment"],
  [TERM("ip"), "ip=127.0.0.1", true, "a piece before a minor breaker"],
  [TERM("Maria Dubois"), "Maria Dubois", "unsupported: TERM() around a major breaker (it can never be one indexed term)", "docs: cannot"],
  [TERM("a*"), "abc", "unsupported: TERM() with a wildcard", "refused"],
  // CASE(): case-sensitive [V caseterm].
  [CASE("error"), "an error", true, "same case"],
  [CASE("error"), "an ERROR", false, "other case"],
  [CASE("%ASA-1*"), "%ASA-1-134568 x", true, "documented example"],
  [CASE("%ASA-1*"), "%asa-1-134568 x", false, "documented example, other case"],
];

test("bare terms: segments, breakers, wildcards, phrases, TERM, CASE", () => {
  for (const [spec, raw, expected, why] of CASES) assert.equal(matches(spec, raw), expected, `${JSON.stringify(spec)} on ${JSON.stringify(raw)}: ${why}`);
});

test("breaker classes follow segmenters.conf's defaults", () => {
  const c = (s: string) => [...breakClasses(s)].join("");
  assert.equal(c("a b"), "020");
  assert.equal(c("a.b"), "010");
  assert.equal(c("a%20b"), "02220");
  assert.equal(c("a%2526b"), "0222220");
  assert.equal(c("a%zzb"), "01000");
  assert.equal(c("a--b"), "0220");
  assert.equal(c("[x]"), "202");
});

/** The rules read literally, over every span: the oracle for the fast matcher. */
function bruteForce(pattern: string, rawIn: string): boolean {
  const raw = foldCase(rawIn);
  const pieces = foldCase(pattern).replace(/\*+/g, "*").split("*");
  const cls = breakClasses(raw);
  const pieceCls = pieces.map(breakClasses);
  const starts = (s: number) => s === 0 || cls[s - 1] !== 0 || cls[s] !== 0;
  const ends = (e: number) => e === raw.length || cls[e] !== 0 || cls[e - 1] !== 0;
  // Can pieces[i…] match exactly raw[s, e)?
  const fits = (i: number, s: number, e: number): boolean => {
    const p = pieces[i]!;
    const pc = pieceCls[i]!;
    if (!raw.startsWith(p, s) || s + p.length > e) return false;
    for (let k = 0; k < p.length; k++) if (cls[s + k] !== pc[k]) return false;
    const after = s + p.length;
    if (i === pieces.length - 1) return after === e;
    for (let t = after; t <= e; t++) {
      if (t > after && cls[t - 1] === 2) break; // a star never covers a major breaker
      if (fits(i + 1, t, e)) return true;
    }
    return false;
  };
  for (let s = 0; s <= raw.length; s++) {
    for (let e = s + 1; e <= raw.length; e++) {
      if (pieces[0] !== "" && !starts(s)) continue;
      if (pieces[pieces.length - 1] !== "" && !ends(e)) continue;
      if (fits(0, s, e)) return true;
    }
  }
  return false;
}

test("the fast matcher agrees with the rules read over every span", () => {
  const alphabet = fc.constantFrom("a", "b", "A", ".", "-", " ", "%", "2", "0", "_", ":");
  const text = fc.array(alphabet, { maxLength: 12 }).map((cs) => cs.join(""));
  const pattern = fc.array(fc.oneof(alphabet, fc.constant("*")), { minLength: 1, maxLength: 6 }).map((cs) => cs.join(""));
  fc.assert(
    fc.property(pattern, text, (p, raw) => {
      const m = compileTerm({ text: p, quoted: false });
      fc.pre(!("unsupported" in m) && p.replace(/\*/g, "") !== "");
      assert.equal((m as { find(r: string): unknown }).find(raw) !== null, bruteForce(p, raw), `${JSON.stringify(p)} on ${JSON.stringify(raw)}`);
    }),
    { numRuns: 4000 },
  );
});
