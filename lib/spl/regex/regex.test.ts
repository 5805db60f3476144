/**
 * PCRE → JS translator: one row per checklist item (spl-semantics.md §5.7). Expected results were
 * checked against libpcre2 10.42 (UTF mode) during development; see regex-oracle.test.ts for the
 * automated comparison when python3 and libpcre2 are present.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { compilePcre, compilePcreWithEngine, isRiskyPattern, type CompiledRegex } from ".";

function compiled(pattern: string, flags = ""): CompiledRegex {
  const r = compilePcre(pattern, flags);
  if (!r.ok) assert.fail(`${JSON.stringify(pattern)} rejected: ${r.reason}`);
  return r.regex;
}

/** [label, pattern, input, whole match (null = no match), groups 1..n (optional)] */
type Row = [string, string, string, string | null, (string | undefined)[]?];
const MATCHES: Row[] = [
  ["leading (?i)", "(?i)abc", "xABCx", "ABC"],
  ["leading (?s): dot matches newline", "(?s)a.b", "a\nb", "a\nb"],
  ["no (?s): dot excludes only LF", "a.b", "a\nb", null],
  ["dot matches CR and U+2028 (JS . does not)", "a.b.c", "a\rb\u2028c", "a\rb\u2028c"],
  ["leading (?m): ^ after newline", "(?m)^b", "a\nb", "b"],
  ["(?m) ^ not after a final newline", "(?m)^$", "a\n", null],
  ["(?m) $ before inner newline", "(?m)a$", "a\nb", "a"],
  ["(?m) $ not before CR", "(?m)a$", "a\rb", null],
  ["combined (?im)", "(?im)^B", "a\nb", "b"],
  ["combined (?is)", "(?is)A.B", "a\nb", "a\nb"],
  ["mid-pattern (?i)", "ab(?i)cd", "abCD", "abCD"],
  ["mid-pattern (?i) leaves the start case-sensitive", "ab(?i)cd", "ABcd", null],
  ["(?-i) switches off", "(?i)a(?-i)b", "Ab", "Ab"],
  ["(?-i) switches off (negative)", "(?i)a(?-i)b", "AB", null],
  ["scoped (?i:...)", "a(?i:b)c", "aBc", "aBc"],
  ["scoped (?i:...) ends at its group", "a(?i:b)c", "aBC", null],
  ["case-sensitive backreference to a caseless group", "(?i:(a))(?-i)b\\1", "AbA", "AbA", ["A"]],
  ["case-sensitive backreference to a caseless group (negative)", "(?i:(a))(?-i)b\\1", "Aba", null],
  ["scoped (?i:...) folds classes", "x(?i:[a-c]+)y", "xAbCy", "xAbCy"],
  ["(?i) inside a group lasts to the group end", "(a(?i)b)c", "aBc", "aBc", ["aB"]],
  ["(?i) inside a group does not leak", "(a(?i)b)c", "aBC", null],
  ["(?i) carries into later alternatives", "(a(?i)b|c)", "C", "C", ["C"]],
  ["(?n) no auto-capture", "(?n)(a)(?<x>b)", "ab", "ab", ["b"]],
  ["(?U) swaps greediness", "(?U)a+", "aaa", "a"],
  ["(?U) with ? is greedy", "(?U)a+?", "aaa", "aaa"],
  ["(?^) resets options", "(?i)(?^)a", "A", null],
  ["(?x) strips white space and comments", "(?x) a b # comment\n c", "abc", "abc"],
  ["(?x) keeps escaped space", "(?x)a\\ b", "a b", "a b"],
  ["(?x) keeps class space", "(?x)[a ]+", " a", " a"],
  ["(?#...) comment disappears", "a(?#note)b", "ab", "ab"],
  ["(?P<n>...) named group", "(?P<user>\\w+)@", "bob@x", "bob@", ["bob"]],
  ["(?'n'...) named group", "(?'user'\\w+)@", "bob@x", "bob@", ["bob"]],
  ["(?<n>...) named group", "(?<user>\\w+)@", "bob@x", "bob@", ["bob"]],
  ["(?P=n) backreference", "(?P<q>['\"]).*?(?P=q)", "say 'hi' now", "'hi'", ["'"]],
  ["\\k<n> backreference", "(?<q>a)\\k<q>", "aa", "aa", ["a"]],
  ["\\1 backreference", "(\\w)\\1", "abccd", "cc", ["c"]],
  ["\\g{-1} relative backreference", "(a)(b)\\g{-1}", "abb", "abb", ["a", "b"]],
  ["(?i) backreference is caseless", "(?i)(a)\\1", "aA", "aA", ["a"]],
  ["POSIX [[:alpha:]]", "[[:alpha:]]+", "12abC3", "abC"],
  ["POSIX [[:digit:]] with others", "[[:digit:]x]+", "ab1x2", "1x2"],
  ["POSIX [[:^alpha:]] negated", "[[:^alpha:]]+", "ab12c", "12"],
  ["POSIX [[:space:]]", "a[[:space:]]b", "a\tb", "a\tb"],
  ["POSIX [[:punct:]]", "[[:punct:]]+", "ab-!c", "-!"],
  ["POSIX [[:upper:]] under (?i) is alpha", "(?i)[[:upper:]]+", "aB", "aB"],
  ["POSIX [[:xdigit:]]", "[[:xdigit:]]+", "zz0fAgz", "0fA"],
  ["POSIX class is ASCII", "[[:alpha:]]", "é", null],
  ["\\A start of subject", "\\Aab", "ab", "ab"],
  ["\\A not after newline", "(?m)\\Ab", "a\nb", null],
  ["\\z end of subject", "a\\z", "a\n", null],
  ["\\Z before final newline", "a\\Z", "a\n", "a"],
  ["$ before final newline", "a$", "xa\n", "a"],
  ["$ not before inner newline", "a$", "a\nb", null],
  ["$ at end", "a$", "ba", "a"],
  ["\\h horizontal space", "a\\hb", "a\u00a0b", "a\u00a0b"],
  ["\\h excludes newline", "a\\hb", "a\nb", null],
  ["\\H", "\\H+", " ab ", "ab"],
  ["\\v vertical space class (not VT alone)", "a\\vb", "a\u2028b", "a\u2028b"],
  ["\\V", "\\V+", "\nab\n", "ab"],
  ["\\R matches CRLF as one", "a\\Rb", "a\r\nb", "a\r\nb"],
  ["\\R is atomic: CR not split from LF", "a\\R\\nb", "a\r\nb", null],
  ["\\R single CR", "a\\Rb", "a\rb", "a\rb"],
  ["\\Q...\\E literal", "\\Qa.b*c\\E+", "a.b*cc", "a.b*cc"],
  ["\\Q without \\E", "x\\Q(.)", "x(.)", "x(.)"],
  ["\\x{41}", "\\x{41}\\x{202E}", "A\u202e", "A\u202e"],
  ["\\x with two hex digits", "\\x41", "A", "A"],
  ["\\e escape", "\\e\\[", "\u001b[", "\u001b["],
  ["octal \\101", "\\101", "A", "A"],
  ["\\cA control", "\\cA", "\u0001", "\u0001"],
  ["[]a] class with ]", "[]a]+", "x]a]", "]a]"],
  ["[^]a] negated class with ]", "[^]a]+", "]ab]", "b"],
  ["\\s is ASCII: no NBSP", "a\\sb", "a\u00a0b", null],
  ["\\s includes VT", "a\\sb", "a\u000bb", "a\u000bb"],
  ["\\s inside a class is ASCII", "a[\\s,]b", "a\u2028b", null],
  ["\\S matches NBSP", "\\S", "\u00a0", "\u00a0"],
  ["\\d is ASCII", "\\d", "\u0663", null],
  ["\\w is ASCII", "\\w", "é", null],
  ["\\b ASCII word boundary", "\\bcat\\b", "a cat.", "cat"],
  ["\\b with é as non-word", "\\bx", "éx", "x"],
  ["escaped punctuation is literal", "\\_\\-\\/\\@\\#\\%", "_-/@#%", "_-/@#%"],
  ["escaped non-ASCII is literal", "\\–", "–", "–"],
  ["possessive *+ gives nothing back", "a*+a", "aaa", null],
  ["possessive ++", "\\d++x", "12x", "12x"],
  ["possessive ?+", "a?+a", "a", null],
  ["possessive {n,m}+", "a{1,3}+a", "aaa", null],
  ["atomic group", "(?>a+)b", "aaab", "aaab"],
  ["atomic group gives nothing back", "(?>a|ab)c", "abc", null],
  ["atomic keeps groups", "(?>(a)b)", "ab", "ab", ["a"]],
  ["lookahead", "a(?=b)", "acab", "a"],
  ["negative lookahead", "a(?!b)", "abac", "a"],
  ["fixed-length lookbehind", "(?<=\\$)\\d+", "x$42", "42"],
  ["lookbehind with alternatives of different lengths", "(?<=ab|cde)x", "cdex", "x"],
  ["{ not a quantifier is literal", "a{x}", "a{x}", "a{x}"],
  ["{ after group is literal", "(?<j>{.+})", "x{a}", "{a}", ["{a}"]],
  ["\\N is non-newline", "a\\Nb", "a\tb", "a\tb"],
  ["\\E alone is ignored", "a\\Eb", "ab", "ab"],
  ["case folding: (?i)k matches KELVIN SIGN (PCRE2 UTF)", "(?i)k", "\u212a", "\u212a"],
  ["case folding: \\w never folds", "(?i)\\w", "\u212a", null],
  ["case folding: é/É", "(?i)é", "É", "É"],
  ["lazy quantifier", "<.+?>", "<a><b>", "<a>"],
  ["capture reset: PCRE keeps the earlier iteration (re2)", "(?:(a)|b)+", "ab", "ab", ["a"]],
  ["unset group is undefined", "(a)?b", "b", "b", [undefined]],
];

test("translated patterns match as PCRE does", () => {
  for (const [label, pattern, input, whole, groups] of MATCHES) {
    const re = compiled(pattern);
    const m = re.exec(input);
    assert.equal(m ? m.groups[0] : null, whole, `${label}: ${JSON.stringify(pattern)} on ${JSON.stringify(input)}`);
    if (m && groups) assert.deepEqual(m.groups.slice(1), groups, `${label}: groups`);
    assert.equal(re.test(input), whole !== null, `${label}: test()`);
  }
});

/** [pattern, reason substring] */
const REJECTED: [string, string][] = [
  ["\\K", "\\K"], ["a\\Gb", "\\G"], ["\\X", "\\X"], ["\\C", "\\C"], ["\\p{L}", "property"], ["\\PL", "property"],
  ["(?|(a)|(b))", "branch reset"], ["(a)(?R)", "recursion"], ["(a)(?1)", "recursion"], ["(?&n)", "recursion"],
  ["(?(1)a|b)", "conditional"], ["(*FAIL)", "verbs"], ["(*UTF)a", "verbs"], ["(?C1)a", "callout"],
  ["\\y", "unrecognized character follows \\"], ["\\i", "unrecognized"], ["[\\q]", "unrecognized"],
  ["\\u0041", "does not support"], ["\\L", "does not support"], ["\\N{U+41}", "does not support"],
  ["a**", "quantifier does not follow"], ["*a", "quantifier does not follow"], ["^*", "quantifier does not follow"],
  ["(a", "missing closing parenthesis"], ["a)", "unmatched closing parenthesis"], ["[a", "missing terminating ]"],
  ["[z-a]", "range out of order"], ["[\\d-z]", "invalid range"], ["[[:foo:]]", "unknown POSIX class"],
  ["[[=a=]]", "collating"], ["(a)\\2", "non-existent"], ["\\k<nope>", "non-existent"],
  ["(?<n>a)(?<n>b)", "same name"], ["(?<=a+)b", "not fixed length"], ["(?<=a(b|cd))", "not fixed length"],
  ["a{2,1}", "out of order"], ["a{65536}", "too big"], ["x{,3}", "10.43"], ["\\1(a)", "unset"],
  ["(?:(a)|b)\\1", "unset"], ["(a\\1)", "inside the group"], ["(?J)(?<n>a)", "(?J)"], ["(?xx)a", "(?xx)"],
  ["(a)(?i)b\\1", "case-insensitive backreference"], ["[\\x{1F600}]", "outside the BMP"],
  ["(?=a)*", "quantified lookaround"], ["\\", "end of pattern"], ["\\c", "\\c at end"],
];

test("untranslatable or invalid PCRE is rejected with a reason", () => {
  for (const [pattern, why] of REJECTED) {
    const r = compilePcre(pattern);
    assert.equal(r.ok, false, `${JSON.stringify(pattern)} should be rejected`);
    if (!r.ok) assert.ok(r.reason.includes(why), `${JSON.stringify(pattern)}: "${r.reason}" should mention "${why}"`);
  }
});

test("rejections carry the PCRE offset", () => {
  const r = compilePcre("abc\\K");
  assert.equal(r.ok, false);
  if (!r.ok) {
    assert.equal(r.offset, 3);
    assert.match(r.reason, /offset 3/);
  }
});

test("translation details: no u flag, explicit ASCII classes, translated anchors", () => {
  const rows: [string, string, string][] = [
    ["(?i)abc", "abc", "i"],
    ["a\\sb", "a[\\x09-\\x0D ]b", ""],
    ["a.b", "a[^\\x0A]b", ""],
    ["a$", "a(?=\\n?(?![\\s\\S]))", ""],
    ["[[:alpha:]]", "[A-Za-z]", ""],
    ["(?P<n>x)(?P=n)", "(?<n>x)(?:\\1)", ""],
    ["(?i:a)b", "(?:[Aa])b", ""],
    ["a*+b", "(?:(?=(a*))\\1)b", ""],
  ];
  for (const [pcre, js, flags] of rows) {
    const re = compiled(pcre);
    assert.equal(re.jsSource, js, pcre);
    assert.equal(re.jsFlags, flags, pcre);
    assert.ok(!re.jsFlags.includes("u"));
  }
});

test("extraFlags act like a leading option setting", () => {
  assert.equal(compiled("abc", "i").test("ABC"), true);
  assert.equal(compiled("a.b", "s").test("a\nb"), true);
  assert.equal(compiled("a b", "x").test("ab"), true);
  assert.equal(compilePcre("abc", "g").ok, false);
});

test("groupNames, execAll, exec from an offset", () => {
  const re = compiled("(?<k>\\w+)=(?<v>\\w*)");
  assert.deepEqual(re.groupNames, ["k", "v"]);
  const all = re.execAll("a=1 b= c=3");
  assert.deepEqual(all.map((m) => m.named), [{ k: "a", v: "1" }, { k: "b", v: "" }, { k: "c", v: "3" }]);
  assert.equal(re.execAll("a=1 b= c=3", 2).length, 2);
  assert.deepEqual(re.exec("a=1 b=2", 3)?.named, { k: "b", v: "2" });
  assert.equal(re.exec("a=1", 99), null);
  // Lookbehind and \b see text before `from`, as PCRE's start offset does.
  assert.equal(compiled("\\bb").exec("ab", 1), null);
  assert.equal(compiled("x*").execAll("ab").length, 3, "empty matches advance by one character");
});

test("replace: \\1 backrefs, $ literal, count, nth", () => {
  const re = compiled("(\\w)(\\d)");
  assert.equal(re.replace("a1 b2 c3", "\\2\\1"), "1a 2b 3c");
  assert.equal(re.replace("a1 b2 c3", "<\\0>", 2), "<a1> <b2> c3");
  assert.equal(re.replace("a1", "$1&\\\\"), "$1&\\");
  assert.equal(re.replace("a1", "[\\5]"), "[]", "unset or missing group inserts nothing");
  assert.equal(re.replaceNth("a1 b2 c3", "X", 2), "a1 X c3");
  assert.equal(compiled("a").replace("banana", "o"), "bonono");
});

// Impacket smbexec seed (content-format.md §2a): the five match() regexes after SPL unescaping.
const SMBEXEC = "cmd.exe /Q /c echo cd ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > C:\\Windows\\BTOBTO.bat & C:\\Windows\\system32\\cmd.exe /Q /c C:\\Windows\\BTOBTO.bat & del C:\\Windows\\BTOBTO.bat";
test("smbexec seed regexes match the smbexec command line", () => {
  const rows: [string, string][] = [
    ["(?i)cmd\\.exe\\s+\\/Q\\s+\\/c", "cmd.exe /Q /c"],
    ["(?i)echo\\s+cd", "echo cd"],
    ["(?i)\\__output", "__output"],
    ["(?i)C:\\\\Windows\\\\[a-zA-Z]{1,8}\\.bat", "C:\\Windows\\BTOBTO.bat"],
    // SPL "\\\\127\.0\.0\.1\\.*" unescapes to \\127\.0\.0\.1\.* : the tail is "any number of dots".
    ["\\\\127\\.0\\.0\\.1\\.*", "\\127.0.0.1"],
  ];
  for (const [pattern, expected] of rows) assert.equal(compiled(pattern).exec(SMBEXEC)?.groups[0], expected, pattern);
  assert.equal(compiled("(?i)C:\\\\Windows\\\\[a-zA-Z]{1,8}\\.bat").test("C:/Windows/BTOBTO.bat"), false);
  assert.equal(compiled("(?i)cmd\\.exe\\s+\\/Q\\s+\\/c").test("powershell.exe -nop"), false);
});

test("catastrophic patterns run on the linear-time engine", () => {
  const rows: [string, string][] = [
    ["(a+)+$", "a".repeat(30) + "!"],
    ["(a|a)*b", "a".repeat(40)],
    ["(\\w+\\s?)+$", "aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa aaaa!"],
    ["(?i)(%(25){0,}20|\\s)*(%(25){0,}24|\\$)x", "%20".repeat(5000)],
  ];
  for (const [pattern, input] of rows) {
    assert.equal(isRiskyPattern(pattern), true, pattern);
    const re = compiled(pattern);
    assert.equal(re.engine, "re2", pattern);
    assert.equal(re.risky, false);
    assert.equal(re.test(input), false);
  }
  assert.equal(compiled("(a+)+$").test("aaa\n"), true, "$ before a final newline on re2");
  assert.equal(compiled("(a+)+$").test("aaa\nb"), false);
  assert.equal(compiled("(a+)+$").exec("b\naa\n")?.groups[0], "aa");
  const stuck = compiled("(a+)+\\1$");
  assert.equal(stuck.engine, "js");
  assert.equal(stuck.risky, true, "risky patterns RE2 cannot run are flagged, with an input limit (risk.test.ts)");
  assert.equal(isRiskyPattern("\\d{1,3}(\\.\\d{1,3}){3}"), false);
  assert.equal(isRiskyPattern("(?i)cmd\\.exe\\s+\\/Q"), false);
});

test("the two engines agree on RE2-runnable patterns (leftmost-first)", () => {
  const patterns = ["(a|ab)(c|bcd)(d*)", "a*?b|a+", "(?i)k[a-z]+$", "x(\\d+)?y", "\\bfoo\\b|bar\\B", "(?m)\\w+$", "a\\Z", "[^\\n]*\\n?$", "(?s).+?c"];
  const inputs = ["abcd", "aab", "xK\u212Abc\n", "xy x1y", "foo barbar", "ab\ncd\n", "a\n", "p\nq\n", "a\nbcc", ""];
  for (const pattern of patterns) {
    const js = compilePcreWithEngine(pattern, "js");
    const re2 = compilePcreWithEngine(pattern, "re2");
    assert.ok(js.ok && re2.ok, pattern);
    for (const input of inputs) {
      for (let from = 0; from <= input.length; from++) {
        assert.deepEqual(re2.regex.exec(input, from), js.regex.exec(input, from), `${pattern} on ${JSON.stringify(input)} from ${from}`);
      }
      assert.deepEqual(re2.regex.execAll(input), js.regex.execAll(input), `${pattern} execAll`);
    }
  }
  const lookaround = compilePcreWithEngine("a(?=b)", "re2");
  assert.equal(lookaround.ok, false);
});

test("new RegExp only ever receives translated source", () => {
  const seen: string[] = [];
  const Original = RegExp;
  const spy = new Proxy(Original, {
    construct(target, args: [string | RegExp, string?]) {
      seen.push(String(args[0]));
      return new target(...args);
    },
  });
  globalThis.RegExp = spy;
  let results: CompiledRegex[] = [];
  try {
    const pcre = ["(?i)zz-untranslated-1", "[[:alpha:]]zz2", "(?P<n>zz3)", "zz4\\Q.\\E", "(?s)zz5.", "(?im)^zz6$"];
    results = pcre.map((p) => compiled(p));
  } finally {
    globalThis.RegExp = Original;
  }
  for (const s of seen) {
    assert.ok(!/\(\?[imsx]+\)|\[\[:|\(\?P|\\Q/.test(s), `RegExp constructed from untranslated text: ${s}`);
  }
  for (const r of results) assert.ok(seen.includes(r.jsSource), `${r.source} was compiled from its translation`);
});

test("compilePcre caches", () => {
  const a = compilePcre("cache-me\\d");
  const b = compilePcre("cache-me\\d");
  assert.equal(a, b);
});
