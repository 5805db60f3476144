/**
 * Text functions [V textfn] and the regex/pattern predicates match() and like() [V cmpfn].
 * Null in → null out. String-mapping functions (lower, upper, trim*, replace, urldecode) apply to
 * every value of a multivalue (lower/upper: [V textfn]; the others [U]). Predicates over a
 * multivalue are TRUE when any value satisfies them [U].
 */
import { isFailure, valuesOf, scalarToString, type EvalValue } from "../values";
import { anyNull, int, mapStrings, regexOf, str } from "./args";
import { likeMatch } from "./like";
import type { EvalContext, EvalFunctionTable, EvalResult } from "./types";

function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** substr(s, start[, length]): 1-based; a negative start counts from the end. */
function substr(args: EvalValue[]): EvalResult {
  if (anyNull(args)) return null;
  const s = str(args[0]);
  const start = int(args[1]);
  if (s === null || start === null) return null;
  const chars = Array.from(s);
  // start 0 behaves like 1 [U]; a negative start beyond the beginning clamps to 0 [U].
  let from = start > 0 ? start - 1 : start < 0 ? Math.max(0, chars.length + start) : 0;
  from = Math.min(from, chars.length);
  if (args.length < 3) return chars.slice(from).join("");
  const len = int(args[2]);
  if (len === null) return null;
  if (len <= 0) return "";
  return chars.slice(from, from + len).join("");
}

function trimSet(args: EvalValue[], which: "both" | "left" | "right"): EvalResult {
  if (anyNull(args)) return null;
  // Default set: spaces and tabs [V textfn].
  const set = new Set(Array.from(args.length > 1 ? (str(args[1]) ?? "") : " \t"));
  return mapStrings(args[0], (s) => {
    const chars = Array.from(s);
    let a = 0;
    let b = chars.length;
    if (which !== "right") while (a < b && set.has(chars[a] as string)) a++;
    if (which !== "left") while (b > a && set.has(chars[b - 1] as string)) b--;
    return chars.slice(a, b).join("");
  });
}

/** Decode %XX sequences as UTF-8 and `+` as space [U for `+`]; malformed escapes stay as written. */
export function urldecode(s: string): string {
  const bytes: number[] = [];
  let out = "";
  const flush = () => {
    if (bytes.length > 0) {
      out += new TextDecoder("utf-8").decode(new Uint8Array(bytes));
      bytes.length = 0;
    }
  };
  for (let i = 0; i < s.length; i++) {
    const ch = s[i] as string;
    if (ch === "%" && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      bytes.push(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
      continue;
    }
    flush();
    out += ch === "+" ? " " : ch;
  }
  flush();
  return out;
}

function replaceFn(args: EvalValue[], ctx: EvalContext): EvalResult {
  if (anyNull(args)) return null;
  const pattern = str(args[1]);
  const replacement = str(args[2]);
  if (pattern === null || replacement === null) return null;
  const re = regexOf(ctx, pattern);
  if (isFailure(re)) return re;
  return mapStrings(args[0], (s) => re.replace(s, replacement));
}

function matchFn(args: EvalValue[], ctx: EvalContext): EvalResult {
  if (anyNull(args)) return null;
  const pattern = str(args[1]);
  if (pattern === null) return null;
  const re = regexOf(ctx, pattern);
  if (isFailure(re)) return re;
  return valuesOf(args[0] ?? null).some((v) => re.test(scalarToString(v)));
}

function likeFn(args: EvalValue[]): EvalResult {
  if (anyNull(args)) return null;
  const pattern = str(args[1]);
  if (pattern === null) return null;
  return valuesOf(args[0] ?? null).some((v) => likeMatch(scalarToString(v), pattern));
}

export const textFunctions: EvalFunctionTable = {
  lower: { minArgs: 1, maxArgs: 1, fn: (a) => (anyNull(a) ? null : mapStrings(a[0], (s) => s.toLowerCase())) },
  upper: { minArgs: 1, maxArgs: 1, fn: (a) => (anyNull(a) ? null : mapStrings(a[0], (s) => s.toUpperCase())) },
  // len counts characters (code points) of the first value [V textfn: not for multivalue].
  len: {
    minArgs: 1,
    maxArgs: 1,
    fn: (a) => {
      const s = str(a[0]);
      return s === null ? null : codePointLength(s);
    },
  },
  substr: { minArgs: 2, maxArgs: 3, fn: substr },
  trim: { minArgs: 1, maxArgs: 2, fn: (a) => trimSet(a, "both") },
  ltrim: { minArgs: 1, maxArgs: 2, fn: (a) => trimSet(a, "left") },
  rtrim: { minArgs: 1, maxArgs: 2, fn: (a) => trimSet(a, "right") },
  urldecode: { minArgs: 1, maxArgs: 1, fn: (a) => (anyNull(a) ? null : mapStrings(a[0], urldecode)) },
  replace: { minArgs: 3, maxArgs: 3, fn: replaceFn },
  match: { minArgs: 2, maxArgs: 2, fn: matchFn },
  like: { minArgs: 2, maxArgs: 2, fn: likeFn },
};
