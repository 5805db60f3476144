import { test } from "node:test";
import assert from "node:assert/strict";
import { evalFunctions, isFailure, lookupEvalFunction } from "./index";
import { testContext } from "./test-context";
import type { EvalValue } from "../values";

type Case = [name: string, args: EvalValue[], want: EvalValue | "FAILURE"];

function call(name: string, args: EvalValue[]): unknown {
  const spec = lookupEvalFunction(name);
  assert.ok(spec, `function ${name} exists`);
  assert.ok(args.length >= spec.minArgs && args.length <= spec.maxArgs, `${name} arity ${args.length}`);
  return spec.fn(args, testContext);
}

function run(cases: Case[]): void {
  for (const [name, args, want] of cases) {
    const got = call(name, args);
    const label = `${name}(${args.map((a) => JSON.stringify(a)).join(", ")})`;
    if (want === "FAILURE") assert.ok(isFailure(got), `${label} should fail, got ${JSON.stringify(got)}`);
    else if (typeof want === "number" && Number.isNaN(want)) assert.ok(Number.isNaN(got), label);
    else assert.deepEqual(got, want, label);
  }
}

test("table keys are lower case and arities sane", () => {
  for (const [k, spec] of Object.entries(evalFunctions)) {
    assert.equal(k, k.toLowerCase());
    assert.ok(spec.minArgs <= spec.maxArgs, k);
  }
  // Names are case-insensitive in SPL: LIKE( and CASE( occur in ESCU.
  assert.equal(lookupEvalFunction("LIKE"), evalFunctions.like);
  assert.equal(lookupEvalFunction("toString"), evalFunctions.tostring);
  assert.equal(lookupEvalFunction("if"), undefined); // lazy: interpreter's
  assert.equal(lookupEvalFunction("constructor"), undefined);
});

test("text functions [V textfn]", () => {
  run([
    ["lower", ["CMD.EXE"], "cmd.exe"],
    ["upper", ["cmd"], "CMD"],
    ["lower", [["A", "B"]], ["a", "b"]], // multivalue [V textfn]
    ["lower", [null], null],
    ["lower", [12], "12"],
    ["len", ["string"], 6],
    ["len", ["héllo"], 5],
    ["len", ["😀"], 1], // characters, not UTF-16 units
    ["len", [null], null],
    ["len", [1234], 4],
    ["substr", ["string", 1, 3], "str"],
    ["substr", ["string", -3], "ing"], // [V textfn]
    ["substr", ["string", 2], "tring"],
    ["substr", ["string", 5, 10], "ng"],
    ["substr", ["string", -10, 2], "st"], // [U] clamps
    ["substr", ["string", 0, 2], "st"], // [U] 0 behaves as 1
    ["substr", ["string", 10], ""],
    ["substr", [null, 1], null],
    // trim: default spaces and tabs; the second argument is a set [V textfn].
    ["trim", ["  ZZabcZ ", " Z"], "abc"],
    ["trim", ["\t x \t"], "x"],
    ["ltrim", ["  x  "], "x  "],
    ["rtrim", ["  x  "], "  x"],
    ["rtrim", ["abc.exe", ".exe"], "abc"],
    ["trim", [["  a", "b  "]], ["a", "b"]],
    ["urldecode", ["http%3A%2F%2Fwww.splunk.com%2Fdownload%3Fr%3Dheader"], "http://www.splunk.com/download?r=header"],
    ["urldecode", ["%E2%82%AC+x%zz%"], "€ x%zz%"],
    // replace: every occurrence, \1 backrefs [V textfn].
    ["replace", ["1/14/2023", "^(\\d{1,2})/(\\d{1,2})/", "\\2/\\1/"], "14/1/2023"],
    ["replace", ["a.b.c", "\\.", "-"], "a-b-c"],
    ["replace", ["x", "(", "y"], "FAILURE"],
    ["replace", [null, "a", "b"], null],
    // match: unanchored [V cmpfn]; case-sensitive unless (?i).
    ["match", ["xcmd.exe", "cmd"], true],
    ["match", ["notcmd.exe", "cmd\\.exe"], true],
    ["match", ["CMD.EXE", "cmd"], false],
    ["match", ["CMD.EXE", "(?i)cmd"], true],
    ["match", [["a", "cmd"], "^cmd$"], true],
    ["match", [null, "x"], null],
    ["match", ["x", "["], "FAILURE"],
    // like: % and _, whole string, case-sensitive [V cmpfn; U case].
    ["like", ["cmd.exe", "cmd%"], true],
    ["like", ["cmd.exe", "cmd*"], false],
    ["like", ["cmd.exe", "%.EXE"], false],
    ["like", ["cmd.exe", "%.exe"], true],
    ["like", ["cmd.exe", "c_d.exe"], true],
    ["like", ["cmd.exe", "c_.exe"], false],
    ["like", ["abc", "%b%"], true],
    ["like", ["abc", "%"], true],
    ["like", ["", "%"], true],
    ["like", ["", "_"], false],
    ["like", ["a%b", "a%b"], true],
    ["like", ["aXbYb", "a%b"], true],
    ["like", ["ab", "a%b%b"], false],
    ["like", [["x", "powershell.exe"], "%shell%"], true],
    ["like", [null, "%"], null],
  ]);
});

test("like is linear on adversarial patterns", () => {
  const t0 = Date.now();
  assert.equal(call("like", ["a".repeat(50_000), "%a".repeat(30) + "%b"]), false);
  assert.ok(Date.now() - t0 < 1000);
});

test("multivalue functions [V mvfn]", () => {
  run([
    ["split", ["a,b,c", ","], ["a", "b", "c"]],
    ["split", ["abc", ""], ["a", "b", "c"]],
    ["split", ["abc", ","], "abc"],
    ["split", [null, ","], null],
    ["mvindex", [["a", "b", "c"], 0], "a"],
    ["mvindex", [["a", "b", "c"], -1], "c"],
    ["mvindex", [["a", "b", "c"], 1, 2], ["b", "c"]],
    ["mvindex", [["a", "b", "c"], 0, -2], ["a", "b"]],
    ["mvindex", [["a", "b", "c"], 5], null],
    ["mvindex", [["a", "b", "c"], 2, 1], null],
    ["mvindex", [["a", "b", "c"], 1, 10], ["b", "c"]], // [U] end clamped
    ["mvindex", ["solo", 0], "solo"],
    ["mvindex", [null, 0], null],
    ["mvcount", [["a", "b"]], 2],
    ["mvcount", ["a"], 1],
    ["mvcount", [null], null], // NULL, not 0 [V mvfn]
    ["mvcount", [""], 1],
    ["mvjoin", [["a", "b"], ";"], "a;b"],
    ["mvjoin", [[1, 2], ","], "1,2"],
    ["mvappend", ["a", null, ["b", "c"]], ["a", "b", "c"]],
    ["mvappend", [null, null], null],
    ["mvfind", [["x.exe", "cmd.exe"], "cmd"], 1],
    ["mvfind", [["x.exe"], "cmd"], null],
    ["mvfind", [["x"], "("], "FAILURE"],
    ["mvzip", [["a", "b", "c"], ["1", "2"]], ["a,1", "b,2"]],
    ["mvzip", [["a", "b"], ["1", "2"], "="], ["a=1", "b=2"]],
    ["mvdedup", [["b", "a", "b", "a"]], ["b", "a"]],
    ["mvdedup", [["a", "a"]], "a"],
    ["mvsort", [["b", "B", "10", "9", "a"]], ["10", "9", "B", "a", "b"]],
    ["mvrange", [1, 5], [1, 2, 3, 4]],
    ["mvrange", [1, 11, 3], [1, 4, 7, 10]],
    ["mvrange", [0, 86400 * 2, "1d"], [0, 86400]],
    ["mvrange", [5, 1, -2], [5, 3]],
    ["mvrange", [1, 1], null],
    ["mvrange", [0, 1e9], "FAILURE"],
  ]);
});

test("math functions", () => {
  run([
    ["abs", [-3], 3],
    ["abs", ["-2.5"], 2.5],
    ["abs", ["x"], null],
    ["ceil", [1.2], 2],
    ["ceiling", [1.2], 2],
    ["floor", [-1.2], -2],
    ["round", [2.5], 3],
    ["round", [-2.5], -3],
    ["round", [3.14159, 2], 3.14],
    ["round", [1.005, 2], 1.01],
    ["round", [1234, -2], 1200],
    ["round", [null], null],
    ["pow", [2, 10], 1024],
    ["pow", [-8, 0.5], null],
    ["sqrt", [9], 3],
    ["sqrt", [-1], null],
    ["exp", [0], 1],
    ["ln", [1], 0],
    ["ln", [0], null],
    ["log", [100], 2],
    ["log", [8, 2], 3],
    ["exact", ["3"], 3],
    // min/max: strings are greater than numbers (statistical eval functions page).
    ["max", [1, 3, 6, 7, "foo", "baz"], "foo"],
    ["max", [1, 3, 6, 7, "foo", "zaz"], "zaz"],
    ["max", [["1", "10", "9"]], "10"],
    ["min", [3, "2", "abc"], "2"],
    ["min", [null, 4], 4],
    ["max", [null], null],
    ["random", [], "FAILURE"],
    ["sigfig", [1.23], "FAILURE"],
  ]);
});

test("conversion functions [V convfn]", () => {
  run([
    ["tonumber", ["0A4", 16], 164],
    ["tonumber", ["0xA4", 16], 164],
    ["tonumber", ["1010", 2], 10],
    ["tonumber", ["12", 2], null],
    ["tonumber", ["3.5"], 3.5],
    ["tonumber", [" 3"], null], // leading/trailing space → NULL [V convfn]
    ["tonumber", ["abc"], null],
    ["tonumber", [7], 7],
    ["tonumber", [null], null],
    ["tonumber", ["10", 1], null],
    ["tostring", [true], "True"],
    ["tostring", [false], "False"],
    ["tostring", [12], "12"],
    ["tostring", [1.5], "1.5"],
    ["tostring", [null], null],
    ["tostring", [15, "hex"], "0xF"],
    ["tostring", [255, "hex"], "0xFF"],
    ["tostring", [12345, "commas"], "12,345"],
    ["tostring", [1234567.891, "commas"], "1,234,567.89"],
    ["tostring", [-1234.5, "commas"], "-1,234.50"], // [U] two decimals kept
    ["tostring", [615, "duration"], "00:10:15"], // [V convfn] foo=615 → 00:10:15
    ["tostring", [90061, "duration"], "1+01:01:01"],
    ["tostring", ["abc", "hex"], null],
    ["tostring", [1, "bogus"], "FAILURE"],
    ["tostring", [["a", 1]], ["a", "1"]],
    ["printf", ["%s-%d", "a", 4.7], "a-4"],
    ["printf", ["%5.2f|%-4s|%04d", 3.14159, "ab", 42], " 3.14|ab  |0042"],
    ["printf", ["%x %X %o %%", 255, 255, 8], "ff FF 10 %"],
    ["printf", ["%'d", 1234567], "1,234,567"],
    ["printf", ["%+d % d", 5, 5], "+5  5"],
    ["printf", ["%e", 12345.678], "1.234568e+04"],
    ["printf", ["%g %g", 0.0001, 123456789], "0.0001 1.23457e+08"],
    ["printf", ["%*d", 5, 42], "   42"],
    ["printf", ["%d", "abc"], null],
    ["printf", ["%s %s", "a"], "FAILURE"],
  ]);
});

test("informational and comparison functions [V infofn, cmpfn]", () => {
  run([
    ["isnull", [null], true],
    ["isnull", [""], false],
    ["isnotnull", ["x"], true],
    ["isnotnull", [null], false],
    ["isnum", ["42"], true], // a field holding "42" [V infofn]
    ["isnum", ["anystring"], false],
    ["isnum", [null], false],
    ["isnum", ["NaN"], true],
    ["isstr", ["abc"], true],
    ["isstr", [42], false],
    ["isint", ["42"], true],
    ["isint", ["4.2"], false],
    ["isint", [4], true],
    ["isint", ["4.0"], false], // [U]
    ["isbool", [true], true],
    ["isbool", ["true"], false],
    ["typeof", [12], "Number"],
    ["typeof", ["s"], "String"],
    ["typeof", [true], "Boolean"],
    ["typeof", [null], "Invalid"],
    ["typeof", [["a", "b"]], "Multivalue"], // [U]
    ["coalesce", [null, "", "x"], ""],
    ["coalesce", [null, null], null],
    ["coalesce", [null, ["a", "b"]], ["a", "b"]],
    ["nullif", ["a", "a"], null],
    ["nullif", ["a", "b"], "a"],
    ["null", [], null],
    ["true", [], true],
    ["false", [], false],
    // in(): exact, case-sensitive, no wildcards [V cmpfn].
    ["in", ["cmd.exe", "cmd.exe", "x"], true],
    ["in", ["cmd.exe", "cmd*"], false],
    ["in", ["CMD.EXE", "cmd.exe"], false],
    ["in", ["404", 404], true],
    ["in", [["a", "b"], "b"], true],
    ["in", [null, "a"], null],
    ["cidrmatch", ["192.0.2.0/24", "192.0.2.5"], true],
    ["cidrmatch", ["192.0.2.0/24", "192.0.3.5"], false],
    ["cidrmatch", ["2001:db8::/32", "2001:db8::1"], true],
    ["cidrmatch", ["10.0.0.1", "10.0.0.1"], true], // [U] plain address = /32
    ["cidrmatch", ["bogus", "10.0.0.1"], false],
    ["cidrmatch", ["10.0.0.0/8", ["1.1.1.1", "10.9.9.9"]], true],
    ["cidrmatch", ["10.0.0.0/8", null], null],
  ]);
});

test("time functions", () => {
  run([
    ["now", [], 1700000000],
    ["time", [], 1700000000],
    ["relative_time", [1700000000, "-7d@d"], 1699315200],
    ["relative_time", [1700000000, "bogus"], null],
    ["relative_time", [null, "-1d"], null],
    ["strftime", [1700000000, "%Y-%m-%dT%H:%M:%S"], "2023-11-14T22:13:20"],
    ["strftime", ["1700000000", "%F"], "2023-11-14"],
    ["strftime", ["abc", "%F"], null],
    ["strptime", ["2023-11-14T22:13:20", "%Y-%m-%dT%H:%M:%S"], 1700000000],
    ["strptime", ["junk", "%Y"], null],
  ]);
});

test("hash functions", () => {
  run([
    ["md5", [""], "d41d8cd98f00b204e9800998ecf8427e"],
    ["md5", ["The quick brown fox jumps over the lazy dog"], "9e107d9d372bb6826bd81d3542a419d6"],
    ["sha1", ["abc"], "a9993e364706816aba3e25717850c26c9cd0d89d"],
    ["sha1", [""], "da39a3ee5e6b4b0d3255bfef95601890afd80709"],
    ["sha256", ["abc"], "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"],
    ["sha256", [""], "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"],
    ["md5", [null], null],
    ["sha512", ["x"], "FAILURE"],
    ["json_extract", ["{}", "a"], "FAILURE"],
  ]);
  // Multi-block input (> 64 bytes) and non-ASCII (UTF-8 bytes).
  const long = "a".repeat(1000);
  assert.equal(call("sha256", [long]), "41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3");
  assert.equal(call("md5", ["é"]), "66ddcd97cfdeabb2f6fb8a999b4bc76f");
  assert.equal(call("sha1", ["a".repeat(200) + "€"]), "9ddf5ed642c16dda7d56148f3020cb4c9b4eecab");
});
