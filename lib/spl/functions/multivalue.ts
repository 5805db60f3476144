/**
 * Multivalue eval functions [V mvfn]. A single value counts as a one-value multivalue; results with
 * one value are returned as a plain scalar, with none as null. mvfilter/mvmap are lazy (interpreter).
 */
import { compareStrings, failure, fromValues, isFailure, scalarToString, valuesOf, type EvalValue, type Scalar } from "../values";
import { parseSpanSeconds } from "../time/relative";
import { anyNull, int, num, regexOf, str } from "./args";
import type { EvalContext, EvalFunctionTable, EvalResult } from "./types";

const MAX_RANGE = 10000;

/** split(s, delim): delim "" splits into characters [V mvfn]. */
function split(args: EvalValue[]): EvalResult {
  if (anyNull(args)) return null;
  const s = str(args[0]);
  const d = str(args[1]);
  if (s === null || d === null) return null;
  return fromValues(d === "" ? Array.from(s) : s.split(d));
}

/** mvindex(mv, start[, end]): 0-based, negative from the end, end inclusive; out of range → null. */
function mvindex(args: EvalValue[]): EvalResult {
  if (anyNull(args)) return null;
  const values = valuesOf(args[0] ?? null);
  const n = values.length;
  const s0 = int(args[1]);
  if (s0 === null) return null;
  const start = s0 < 0 ? n + s0 : s0;
  if (start < 0 || start >= n) return null;
  if (args.length < 3) return values[start] ?? null;
  const e0 = int(args[2]);
  if (e0 === null) return null;
  // An end past the last value is clamped [U].
  const end = Math.min(e0 < 0 ? n + e0 : e0, n - 1);
  if (end < start) return null;
  return fromValues(values.slice(start, end + 1));
}

function mvjoin(args: EvalValue[]): EvalResult {
  if (anyNull(args)) return null;
  const d = str(args[1]);
  if (d === null) return null;
  return valuesOf(args[0] ?? null).map(scalarToString).join(d);
}

/** mvappend(...): every non-null value of every argument, in order. */
function mvappend(args: EvalValue[]): EvalResult {
  const out: Scalar[] = [];
  for (const a of args) out.push(...valuesOf(a ?? null));
  return fromValues(out);
}

/** mvfind(mv, regex): index of the first value the regex matches, else null. */
function mvfind(args: EvalValue[], ctx: EvalContext): EvalResult {
  if (anyNull(args)) return null;
  const pattern = str(args[1]);
  if (pattern === null) return null;
  const re = regexOf(ctx, pattern);
  if (isFailure(re)) return re;
  const values = valuesOf(args[0] ?? null);
  for (let i = 0; i < values.length; i++) if (re.test(scalarToString(values[i] as Scalar))) return i;
  return null;
}

/** mvzip(a, b[, delim=","]): pairs up to the shorter list. */
function mvzip(args: EvalValue[]): EvalResult {
  if (anyNull(args, 2)) return null;
  const delim = args.length > 2 ? str(args[2]) : ",";
  if (delim === null) return null;
  const a = valuesOf(args[0] ?? null);
  const b = valuesOf(args[1] ?? null);
  const out: string[] = [];
  for (let i = 0; i < Math.min(a.length, b.length); i++) {
    out.push(scalarToString(a[i] as Scalar) + delim + scalarToString(b[i] as Scalar));
  }
  return fromValues(out);
}

function mvdedup(args: EvalValue[]): EvalResult {
  if (anyNull(args)) return null;
  const seen = new Set<string>();
  const out: Scalar[] = [];
  for (const v of valuesOf(args[0] ?? null)) {
    const k = scalarToString(v);
    if (!seen.has(k)) {
      seen.add(k);
      out.push(v);
    }
  }
  return fromValues(out);
}

/** mvsort: lexicographic by string (numbers sort as text: "10" < "9") [V mvfn]. */
function mvsort(args: EvalValue[]): EvalResult {
  if (anyNull(args)) return null;
  const values = valuesOf(args[0] ?? null).slice();
  values.sort((x, y) => compareStrings(scalarToString(x), scalarToString(y)));
  return fromValues(values);
}

/** mvrange(start, end[, step]): numbers from start up to (excluding) end; step may be a span ("7d"). */
function mvrange(args: EvalValue[]): EvalResult {
  if (anyNull(args)) return null;
  const start = num(args[0]);
  const end = num(args[1]);
  if (start === null || end === null) return null;
  let step = 1;
  if (args.length > 2) {
    const s = num(args[2]) ?? parseSpanSeconds(str(args[2]) ?? "");
    if (s === null) return null;
    step = s;
  }
  if (step === 0 || !Number.isFinite(step) || !Number.isFinite(start) || !Number.isFinite(end)) return null;
  const out: number[] = [];
  for (let v = start; step > 0 ? v < end : v > end; v += step) {
    if (out.length >= MAX_RANGE) return failure(`mvrange produces more than ${MAX_RANGE} values`);
    out.push(v);
  }
  return fromValues(out);
}

export const multivalueFunctions: EvalFunctionTable = {
  split: { minArgs: 2, maxArgs: 2, fn: split },
  mvindex: { minArgs: 2, maxArgs: 3, fn: mvindex },
  // mvcount(missing) is NULL, not 0 [V mvfn].
  mvcount: { minArgs: 1, maxArgs: 1, fn: (a) => (anyNull(a) ? null : valuesOf(a[0] ?? null).length) },
  mvjoin: { minArgs: 2, maxArgs: 2, fn: mvjoin },
  mvappend: { minArgs: 1, maxArgs: Infinity, fn: mvappend },
  mvfind: { minArgs: 2, maxArgs: 2, fn: mvfind },
  mvzip: { minArgs: 2, maxArgs: 3, fn: mvzip },
  mvdedup: { minArgs: 1, maxArgs: 1, fn: mvdedup },
  mvsort: { minArgs: 1, maxArgs: 1, fn: mvsort },
  mvrange: { minArgs: 2, maxArgs: 3, fn: mvrange },
};
