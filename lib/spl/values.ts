/**
 * The SPL value model shared by the eval interpreter, the eval functions and the aggregates.
 * Pure: no DOM, no Node built-ins, never throws.
 */

export type Scalar = string | number;
/** null = SPL null; boolean only inside eval expressions; an array (length >= 1) is a multivalue field. */
export type EvalValue = null | boolean | Scalar | Scalar[];

/** A function or aggregate that cannot give Splunk's answer returns this instead of a value. */
export interface EvalFailure {
  failure: string;
}

export function isFailure(v: unknown): v is EvalFailure {
  return typeof v === "object" && v !== null && !Array.isArray(v) && typeof (v as EvalFailure).failure === "string";
}

export function failure(message: string): EvalFailure {
  return { failure: message };
}

/** SPL null: null, undefined (absent field) or an empty multivalue. */
export function isNull(v: EvalValue | undefined): v is null | undefined {
  return v === null || v === undefined || (Array.isArray(v) && v.length === 0);
}

/** Multivalue with more than one value. */
export function isMultivalue(v: EvalValue | undefined): v is Scalar[] {
  return Array.isArray(v) && v.length > 1;
}

/** The values of `v` as a list: null → [], scalar → [v], booleans rendered `True`/`False`. */
export function valuesOf(v: EvalValue | undefined): Scalar[] {
  if (v === null || v === undefined) return [];
  if (Array.isArray(v)) return v;
  if (typeof v === "boolean") return [v ? "True" : "False"];
  return [v];
}

/** Build a value from a list: [] → null, [x] → x, else the list (a multivalue). */
export function fromValues(values: Scalar[]): EvalValue {
  if (values.length === 0) return null;
  if (values.length === 1) return values[0] ?? null;
  return values;
}

// Decimal number, as written in a field: optional sign, digits with optional fraction, optional
// exponent. No surrounding spaces (tonumber(" 10") is NULL per the conversion-functions page), no
// hex, no thousands separators [U: Splunk's exact numeric sniffing is not documented].
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;
// The informational-functions page says a field holding "NaN" is numeric; inf likewise [U for inf].
const SPECIAL = /^(?:[+-]?nan|[+-]?inf(?:inity)?)$/i;

/** Parse a string that "looks numeric" per SPL; null when it does not. */
export function parseNumeric(s: string): number | null {
  if (DECIMAL.test(s)) return Number(s);
  if (SPECIAL.test(s)) {
    const lower = s.toLowerCase();
    if (lower.includes("nan")) return NaN;
    return lower.startsWith("-") ? -Infinity : Infinity;
  }
  return null;
}

/**
 * The number a value stands for in eval arithmetic: numbers as is, numeric-looking strings parsed,
 * a one-value multivalue by its value; null for anything else (booleans, text, several values).
 */
export function toNumberLike(v: EvalValue | undefined): number | null {
  if (v === null || v === undefined || typeof v === "boolean") return null;
  if (typeof v === "number") return v;
  if (Array.isArray(v)) return v.length === 1 ? toNumberLike(v[0]) : null;
  return parseNumeric(v);
}

/**
 * Render a number as SPL does: integers without ".0", other doubles with the shortest round-trip
 * form (at most 17 significant digits), NaN → "nan", ±Infinity → "inf"/"-inf" [V eval page].
 */
export function formatNumber(n: number): string {
  if (Number.isNaN(n)) return "nan";
  if (n === Infinity) return "inf";
  if (n === -Infinity) return "-inf";
  if (Object.is(n, -0)) return "0";
  return String(n);
}

/** A scalar as a string (numbers via formatNumber). */
export function scalarToString(s: Scalar): string {
  return typeof s === "number" ? formatNumber(s) : s;
}

/**
 * The string a value stands for: null for null, `True`/`False` for booleans, the first value of a
 * multivalue (callers that need every value use valuesOf).
 */
export function toStringValue(v: EvalValue | undefined): string | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v ? "True" : "False";
  if (Array.isArray(v)) return v.length === 0 ? null : scalarToString(v[0] as Scalar);
  return scalarToString(v);
}

/** First value of a multivalue, the scalar itself, booleans as `True`/`False`, else null. */
export function firstValue(v: EvalValue | undefined): Scalar | null {
  if (v === null || v === undefined) return null;
  if (typeof v === "boolean") return v ? "True" : "False";
  if (Array.isArray(v)) return v[0] ?? null;
  return v;
}

/** Compare two strings by Unicode code point (byte order of their UTF-8), as Splunk sorts. */
export function compareStrings(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.codePointAt(i) as number;
    const y = b.codePointAt(i) as number;
    if (x !== y) return x < y ? -1 : 1;
    if (x > 0xffff) i++;
  }
  return a.length < b.length ? -1 : a.length > b.length ? 1 : 0;
}

export type CompareOp = "=" | "==" | "!=" | "<" | ">" | "<=" | ">=";

function holds(c: number, op: CompareOp): boolean {
  switch (op) {
    case "=":
    case "==":
      return c === 0;
    case "!=":
      return c !== 0;
    case "<":
      return c < 0;
    case ">":
      return c > 0;
    case "<=":
      return c <= 0;
    case ">=":
      return c >= 0;
  }
}

function compareScalars(a: Scalar, b: Scalar, op: CompareOp): boolean {
  const x = typeof a === "number" ? a : parseNumeric(a);
  const y = typeof b === "number" ? b : parseNumeric(b);
  if (x !== null && y !== null && !Number.isNaN(x) && !Number.isNaN(y)) {
    return holds(x < y ? -1 : x > y ? 1 : 0, op);
  }
  // Not both numeric (or a NaN, which would never equal itself): compare the renderings as text.
  return holds(compareStrings(scalarToString(a), scalarToString(b)), op);
}

/**
 * Eval-language comparison [V eval, where]: case-sensitive; numeric when both sides look numeric,
 * otherwise lexicographic on the strings. A null operand gives null (SQL-like, [U]). Booleans only
 * compare with booleans under = / == / != (anything else is null). A multivalue operand is TRUE when
 * any of its values satisfies the comparison (spl-semantics 4.9, [U]).
 */
export function compareEval(a: EvalValue | undefined, b: EvalValue | undefined, op: CompareOp): boolean | null {
  if (isNull(a) || isNull(b)) return null;
  if (typeof a === "boolean" || typeof b === "boolean") {
    if (typeof a !== "boolean" || typeof b !== "boolean") return null;
    if (op === "=" || op === "==") return a === b;
    if (op === "!=") return a !== b;
    return null;
  }
  const xs = Array.isArray(a) ? a : [a];
  const ys = Array.isArray(b) ? b : [b];
  for (const x of xs) for (const y of ys) if (compareScalars(x, y, op)) return true;
  return false;
}

/** SPL truthiness of an eval result used as a condition: only boolean TRUE counts. */
export function isTrue(v: EvalValue | undefined): boolean {
  return v === true;
}
