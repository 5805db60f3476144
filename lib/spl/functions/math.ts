/**
 * Mathematical eval functions and the statistical eval functions min()/max() [V evalfn].
 * A non-numeric or null argument gives null. Results that are not real numbers (sqrt(-1), ln(0))
 * give null [U].
 */
import { compareStrings, failure, parseNumeric, valuesOf, type EvalValue, type Scalar } from "../values";
import { anyNull, int, num } from "./args";
import type { EvalFunctionTable, EvalResult } from "./types";

function unary(f: (x: number) => number): (args: EvalValue[]) => EvalResult {
  return (args) => {
    if (anyNull(args)) return null;
    const x = num(args[0]);
    if (x === null) return null;
    const r = f(x);
    return Number.isNaN(r) && !Number.isNaN(x) ? null : r;
  };
}

/** Round half away from zero to `digits` decimals, in decimal terms (1.005 → 1.01). */
export function roundHalfAway(x: number, digits: number): number {
  if (!Number.isFinite(x)) return x;
  const sign = x < 0 ? -1 : 1;
  const abs = Math.abs(x);
  const text = String(abs);
  let r: number;
  if (!text.includes("e") && Math.abs(digits) <= 20) {
    r = Number(`${Math.round(Number(`${text}e${digits}`))}e${-digits}`);
  } else {
    const f = Math.pow(10, digits);
    r = Math.round(abs * f) / f;
  }
  return sign * r === 0 ? 0 : sign * r;
}

function round(args: EvalValue[]): EvalResult {
  if (anyNull(args)) return null;
  const x = num(args[0]);
  const d = args.length > 1 ? int(args[1]) : 0;
  if (x === null || d === null) return null;
  return roundHalfAway(x, d);
}

function log(args: EvalValue[]): EvalResult {
  if (anyNull(args)) return null;
  const x = num(args[0]);
  const base = args.length > 1 ? num(args[1]) : 10;
  if (x === null || base === null || x <= 0 || base <= 0 || base === 1) return null;
  return base === 10 ? Math.log10(x) : Math.log(x) / Math.log(base);
}

function pow(args: EvalValue[]): EvalResult {
  if (anyNull(args)) return null;
  const x = num(args[0]);
  const y = num(args[1]);
  if (x === null || y === null) return null;
  const r = Math.pow(x, y);
  return Number.isNaN(r) ? null : r;
}

/**
 * Eval min()/max(): numbers compare numerically, strings lexicographically, and every string is
 * greater than every number ("Strings are greater than numbers", statistical eval functions page).
 * Null arguments are ignored; the original value is returned.
 */
function extreme(args: EvalValue[], sign: 1 | -1): EvalResult {
  let best: Scalar | null = null;
  let bestNum: number | null = null;
  for (const a of args) {
    for (const v of valuesOf(a ?? null)) {
      const n = typeof v === "number" ? v : parseNumeric(v);
      if (best === null) {
        best = v;
        bestNum = n;
        continue;
      }
      let c: number;
      if (n !== null && bestNum !== null) c = n < bestNum ? -1 : n > bestNum ? 1 : 0;
      else if (n !== null) c = -1; // numbers are below strings
      else if (bestNum !== null) c = 1;
      else c = compareStrings(String(v), String(best));
      if (c * sign > 0) {
        best = v;
        bestNum = n;
      }
    }
  }
  return best;
}

export const mathFunctions: EvalFunctionTable = {
  abs: { minArgs: 1, maxArgs: 1, fn: unary(Math.abs) },
  ceil: { minArgs: 1, maxArgs: 1, fn: unary(Math.ceil) },
  ceiling: { minArgs: 1, maxArgs: 1, fn: unary(Math.ceil) },
  floor: { minArgs: 1, maxArgs: 1, fn: unary(Math.floor) },
  round: { minArgs: 1, maxArgs: 2, fn: round },
  pow: { minArgs: 2, maxArgs: 2, fn: pow },
  sqrt: { minArgs: 1, maxArgs: 1, fn: unary(Math.sqrt) },
  exp: { minArgs: 1, maxArgs: 1, fn: unary(Math.exp) },
  ln: { minArgs: 1, maxArgs: 1, fn: unary((x) => (x <= 0 ? NaN : Math.log(x))) },
  log: { minArgs: 1, maxArgs: 2, fn: log },
  pi: { minArgs: 0, maxArgs: 0, fn: () => Math.PI },
  // exact() only changes precision handling in Splunk; doubles here already.
  exact: { minArgs: 1, maxArgs: 1, fn: (a) => (anyNull(a) ? null : num(a[0])) },
  min: { minArgs: 1, maxArgs: Infinity, fn: (a) => extreme(a, -1) },
  max: { minArgs: 1, maxArgs: Infinity, fn: (a) => extreme(a, 1) },
  random: { minArgs: 0, maxArgs: 0, fn: () => failure("random() is non-deterministic") },
  sigfig: { minArgs: 1, maxArgs: 1, fn: () => failure("sigfig() is not supported") },
};
