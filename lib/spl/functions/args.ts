/** Argument helpers for the eval functions. */
import {
  failure,
  fromValues,
  scalarToString,
  toNumberLike,
  toStringValue,
  valuesOf,
  type EvalFailure,
  type EvalValue,
  type Scalar,
} from "../values";
import type { EvalContext, RegexLike } from "./types";

export function anyNull(args: EvalValue[], count = args.length): boolean {
  for (let i = 0; i < count; i++) {
    const a = args[i];
    if (a === null || a === undefined || (Array.isArray(a) && a.length === 0)) return true;
  }
  return false;
}

/** The string of a (first) value, or null. */
export function str(v: EvalValue | undefined): string | null {
  return toStringValue(v ?? null);
}

/** The number of a value, or null when it does not look numeric. */
export function num(v: EvalValue | undefined): number | null {
  return toNumberLike(v ?? null);
}

/** Apply a string → string function to every value of a (multi)value; null stays null. */
export function mapStrings(v: EvalValue | undefined, f: (s: string) => string): EvalValue {
  const values = valuesOf(v ?? null);
  if (values.length === 0) return null;
  const out = values.map((x) => f(scalarToString(x)));
  return Array.isArray(v) ? out : (out[0] as string);
}

/** Like fromValues, but keeps the multivalue shape of an array input of length 1. */
export function listResult(values: Scalar[]): EvalValue {
  return fromValues(values);
}

/** Compile a regex through the context, turning compile errors into failures. */
export function regexOf(ctx: EvalContext, pattern: string): RegexLike | EvalFailure {
  const r = ctx.regex(pattern);
  if ("error" in r && typeof (r as { error: unknown }).error === "string") {
    return failure(`invalid regular expression ${JSON.stringify(pattern)}: ${(r as { error: string }).error}`);
  }
  return r as RegexLike;
}

/** A whole number argument (count, index, base); null if not an integer-valued number. */
export function int(v: EvalValue | undefined): number | null {
  const n = num(v);
  if (n === null || !Number.isFinite(n)) return null;
  return Math.trunc(n);
}
