/**
 * Informational functions [V infofn] and the comparison/conditional functions that evaluate all
 * their arguments eagerly [V cmpfn]: coalesce, nullif, null, true, false, in, cidrmatch.
 *
 * Field values arrive as strings, and Splunk treats a numeric-looking field value as a number
 * (isnum(field) on "42" is TRUE [V infofn]). A quoted literal "42" is a String in Splunk, but this
 * table cannot tell literals from field values, so numeric-looking strings count as numbers here.
 */
import { cidrMatch, parseIp } from "../cidr";
import { compareEval, isNull, parseNumeric, scalarToString, valuesOf, type EvalValue, type Scalar } from "../values";
import { anyNull, str } from "./args";
import type { EvalFunctionTable, EvalResult } from "./types";

function isNumberish(s: Scalar): boolean {
  return typeof s === "number" || parseNumeric(s) !== null;
}

/** typeof(): Number, String, Boolean, Invalid (null), Multivalue [U for Multivalue]. */
export function typeOf(v: EvalValue | undefined): string {
  if (isNull(v)) return "Invalid";
  if (typeof v === "boolean") return "Boolean";
  if (Array.isArray(v)) return v.length > 1 ? "Multivalue" : typeOf(v[0]);
  return isNumberish(v as Scalar) ? "Number" : "String";
}

function isInt(v: EvalValue | undefined): boolean {
  if (isNull(v) || typeof v === "boolean") return false;
  const s = Array.isArray(v) ? v[0] : v;
  if (typeof s === "number") return Number.isInteger(s);
  if (typeof s !== "string") return false;
  // "4.0" is a double, not an integer [U].
  return /^[+-]?\d+$/.test(s);
}

/** in(value, candidates…): equality with any candidate; no wildcards [V cmpfn]. */
function inFn(args: EvalValue[]): EvalResult {
  const v = args[0] ?? null;
  if (isNull(v)) return null;
  for (let i = 1; i < args.length; i++) {
    const c = args[i] ?? null;
    if (isNull(c)) continue;
    if (compareEval(v, c, "=") === true) return true;
  }
  return false;
}

/**
 * cidrmatch(cidr, ip): TRUE when ip is inside the subnet [V cmpfn]; IPv4 and IPv6. A plain address
 * instead of a subnet is compared as a full-length prefix [U]; anything else is FALSE. A multivalue
 * ip matches when any value does [U].
 */
function cidrmatchFn(args: EvalValue[]): EvalResult {
  if (anyNull(args)) return null;
  const cidr = str(args[0]);
  if (cidr === null) return null;
  const plain = parseIp(cidr);
  const range = plain ? `${cidr}/${plain.family === 4 ? 32 : 128}` : cidr;
  return valuesOf(args[1] ?? null).some((ip) => cidrMatch(range, scalarToString(ip)) === true);
}

export const infoFunctions: EvalFunctionTable = {
  isnull: { minArgs: 1, maxArgs: 1, fn: (a) => isNull(a[0]) },
  isnotnull: { minArgs: 1, maxArgs: 1, fn: (a) => !isNull(a[0]) },
  isnum: {
    minArgs: 1,
    maxArgs: 1,
    fn: (a) => {
      const v = a[0];
      if (isNull(v) || typeof v === "boolean") return false;
      return isNumberish((Array.isArray(v) ? v[0] : v) as Scalar);
    },
  },
  isstr: {
    minArgs: 1,
    maxArgs: 1,
    fn: (a) => {
      const v = a[0];
      if (isNull(v) || typeof v === "boolean") return false;
      return !isNumberish((Array.isArray(v) ? v[0] : v) as Scalar);
    },
  },
  isint: { minArgs: 1, maxArgs: 1, fn: (a) => isInt(a[0]) },
  isbool: { minArgs: 1, maxArgs: 1, fn: (a) => typeof a[0] === "boolean" },
  typeof: { minArgs: 1, maxArgs: 1, fn: (a) => typeOf(a[0]) },
  // coalesce: first argument that is not null; "" is not null [V cmpfn].
  coalesce: {
    minArgs: 1,
    maxArgs: Infinity,
    fn: (a) => {
      for (const v of a) if (!isNull(v)) return v as EvalValue;
      return null;
    },
  },
  nullif: {
    minArgs: 2,
    maxArgs: 2,
    fn: (a) => {
      const x = a[0] ?? null;
      if (isNull(x)) return null;
      return compareEval(x, a[1] ?? null, "=") === true ? null : x;
    },
  },
  null: { minArgs: 0, maxArgs: 0, fn: () => null },
  true: { minArgs: 0, maxArgs: 0, fn: () => true },
  false: { minArgs: 0, maxArgs: 0, fn: () => false },
  in: { minArgs: 2, maxArgs: Infinity, fn: inFn },
  cidrmatch: { minArgs: 2, maxArgs: 2, fn: cidrmatchFn },
};
