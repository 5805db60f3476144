import { test } from "node:test";
import assert from "node:assert/strict";
import {
  compareEval,
  compareStrings,
  firstValue,
  formatNumber,
  fromValues,
  isFailure,
  isNull,
  toNumberLike,
  toStringValue,
  valuesOf,
  type CompareOp,
  type EvalValue,
} from "./values";

test("isNull", () => {
  const cases: [EvalValue | undefined, boolean][] = [
    [null, true], [undefined, true], [[], true], ["", false], [0, false], [false, false], [["a"], false],
  ];
  for (const [v, want] of cases) assert.equal(isNull(v), want, JSON.stringify(v));
});

test("toNumberLike: numeric-looking strings", () => {
  // [U] Splunk's numeric sniffing is undocumented; we follow tonumber(): no surrounding spaces
  // ("leading/trailing space → NULL", conversion-functions page), no hex, no thousands separators.
  // "NaN" is numeric [V infofn].
  const cases: [EvalValue, number | null][] = [
    ["10", 10], ["-3.5", -3.5], ["+2", 2], ["1e3", 1000], [".5", 0.5], ["5.", 5], ["007", 7],
    [" 10", null], ["10 ", null], ["0x1A", null], ["1,000", null], ["", null], ["abc", null], ["1.2.3", null],
    [42, 42], [true, null], [null, null], [["7"], 7], [["1", "2"], null],
  ];
  for (const [v, want] of cases) assert.equal(toNumberLike(v), want, JSON.stringify(v));
  assert.ok(Number.isNaN(toNumberLike("NaN")));
  assert.equal(toNumberLike("-inf"), -Infinity);
});

test("formatNumber / toStringValue", () => {
  const cases: [number, string][] = [
    [1, "1"], [1.0, "1"], [-0, "0"], [0.1 + 0.2, "0.30000000000000004"], [1.5, "1.5"],
    [NaN, "nan"], [Infinity, "inf"], [-Infinity, "-inf"], [1700000000, "1700000000"],
  ];
  for (const [n, want] of cases) assert.equal(formatNumber(n), want);
  assert.equal(toStringValue(true), "True");
  assert.equal(toStringValue(false), "False");
  assert.equal(toStringValue(null), null);
  assert.equal(toStringValue(["a", "b"]), "a");
  assert.equal(toStringValue(3), "3");
});

test("firstValue / valuesOf / fromValues", () => {
  assert.equal(firstValue(["x", "y"]), "x");
  assert.equal(firstValue("s"), "s");
  assert.equal(firstValue(null), null);
  assert.deepEqual(valuesOf(null), []);
  assert.deepEqual(valuesOf("a"), ["a"]);
  assert.equal(fromValues([]), null);
  assert.equal(fromValues(["a"]), "a");
  assert.deepEqual(fromValues(["a", "b"]), ["a", "b"]);
});

test("compareStrings uses code point order", () => {
  assert.ok(compareStrings("B", "a") < 0); // upper case sorts before lower case
  assert.ok(compareStrings("10", "9") < 0);
  assert.ok(compareStrings("ab", "a") > 0);
  assert.equal(compareStrings("x", "x"), 0);
  assert.ok(compareStrings("\uffff", "\u{1F600}") < 0); // code points, not UTF-16 units
});

test("compareEval", () => {
  const cases: [EvalValue, EvalValue, CompareOp, boolean | null][] = [
    // Case-sensitive [V eval, where]: where user="Admin" on {user=admin} is dropped.
    ["admin", "Admin", "=", false],
    ["admin", "admin", "==", true],
    // Numeric-looking on both sides compares numerically [V infofn, spl-semantics 8].
    ["10", 5, ">", true],
    ["10", "9", ">", true],
    ["1.0", "1", "=", true],
    // Otherwise lexicographic [U].
    ["zeta", "m", ">", true],
    ["abc", "abd", "<", true],
    ["10", "abc", "<", true],
    // Null operand → null (SQL-like, [U]).
    [null, "a", "=", null],
    ["a", null, "!=", null],
    // Multivalue: any value [U, spl-semantics 4.9].
    [["a", "x"], "x", "=", true],
    [["a", "b"], "x", "=", false],
    [["x", "x"], "x", "!=", false],
    // Booleans.
    [true, true, "=", true],
    [true, false, "!=", true],
    [true, "True", "=", null],
    // NaN never compares numerically; falls back to text.
    ["NaN", "NaN", "=", true],
  ];
  for (const [a, b, op, want] of cases) assert.equal(compareEval(a, b, op), want, `${JSON.stringify(a)} ${op} ${JSON.stringify(b)}`);
});

test("isFailure", () => {
  assert.equal(isFailure({ failure: "x" }), true);
  assert.equal(isFailure(null), false);
  assert.equal(isFailure(["failure"]), false);
  assert.equal(isFailure("failure"), false);
});
