/**
 * Conversion functions tonumber() and tostring() [V convfn], and printf() [V textfn].
 */
import { failure, formatNumber, parseNumeric, scalarToString, valuesOf, type EvalValue } from "../values";
import { anyNull, int, num, str } from "./args";
import { roundHalfAway } from "./math";
import type { EvalFunctionTable, EvalResult } from "./types";

/**
 * tonumber(s[, base]): base 10 accepts decimals and exponents; other bases (2–36) whole numbers
 * only: `tonumber("0A4", 16)` → 164 [V convfn]. Leading/trailing spaces → null [V convfn].
 * A `0x` prefix is accepted with base 16 [U].
 */
export function toNumber(v: EvalValue | undefined, base = 10): number | null {
  if (v === null || v === undefined || typeof v === "boolean") return null;
  if (Array.isArray(v)) return v.length === 0 ? null : toNumber(v[0], base);
  if (!Number.isInteger(base) || base < 2 || base > 36) return null;
  if (typeof v === "number") return base === 10 ? v : toNumber(formatNumber(v), base);
  if (base === 10) return parseNumeric(v);
  let s = v;
  let sign = 1;
  if (s.startsWith("-") || s.startsWith("+")) {
    sign = s.startsWith("-") ? -1 : 1;
    s = s.slice(1);
  }
  if (base === 16 && /^0x/i.test(s)) s = s.slice(2);
  if (s.length === 0) return null;
  const digits = "0123456789abcdefghijklmnopqrstuvwxyz".slice(0, base);
  let n = 0;
  for (const ch of s.toLowerCase()) {
    const d = digits.indexOf(ch);
    if (d < 0) return null;
    n = n * base + d;
  }
  return sign * n;
}

function groupThousands(intPart: string): string {
  return intPart.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** Seconds as [D+]HH:MM:SS[.ffffff] [V convfn "duration"; the fraction form is U]. */
export function formatDuration(seconds: number): string {
  const neg = seconds < 0;
  const abs = Math.abs(seconds);
  const whole = Math.floor(abs);
  const micros = Math.round((abs - whole) * 1e6);
  const days = Math.floor(whole / 86400);
  const rest = whole % 86400;
  let out = `${pad2(Math.floor(rest / 3600))}:${pad2(Math.floor((rest % 3600) / 60))}:${pad2(rest % 60)}`;
  if (days > 0) out = `${days}+${out}`;
  if (micros > 0) out += "." + String(Math.min(micros, 999999)).padStart(6, "0");
  return neg ? "-" + out : out;
}

/**
 * tostring(v[, format]): booleans → True/False; "hex" → 0xF for 15; "commas" → 12,345 or, with a
 * fraction, rounded to two decimals (12,345.68) [V convfn]; "duration" → HH:MM:SS.
 */
function tostring(args: EvalValue[]): EvalResult {
  const v = args[0] ?? null;
  if (v === null || (Array.isArray(v) && v.length === 0)) return null;
  if (typeof v === "boolean") return v ? "True" : "False";
  if (args.length < 2) {
    const values = valuesOf(v).map(scalarToString);
    return Array.isArray(v) ? values : (values[0] as string);
  }
  const format = str(args[1]);
  if (format === null) return null;
  const n = num(v);
  switch (format.toLowerCase()) {
    case "hex": {
      if (n === null || !Number.isFinite(n)) return null;
      const t = Math.trunc(n);
      return (t < 0 ? "-0x" : "0x") + Math.abs(t).toString(16).toUpperCase();
    }
    case "commas": {
      if (n === null || !Number.isFinite(n)) return null;
      const neg = n < 0 ? "-" : "";
      if (Number.isInteger(n)) return neg + groupThousands(String(Math.abs(n)));
      const fixed = Math.abs(roundHalfAway(n, 2)).toFixed(2);
      const [i, f] = fixed.split(".");
      return `${neg}${groupThousands(i ?? "0")}.${f ?? "00"}`;
    }
    case "duration":
      if (n === null || !Number.isFinite(n)) return null;
      return formatDuration(n);
    default:
      return failure(`tostring() format "${format}" is not supported`);
  }
}

// ----- printf -----------------------------------------------------------------------------------

const SPEC = /%([-+ 0#']*)(\*|\d+)?(?:\.(\*|\d+))?(?:hh|h|ll|l|L|q|j|z|t)?([diouxXeEfFgGcs%])/g;

function applyWidth(body: string, width: number, flags: string): string {
  if (body.length >= width) return body;
  if (flags.includes("-")) return body + " ".repeat(width - body.length);
  if (flags.includes("0") && /^[+\- ]?(0x|0X)?[0-9a-fA-F.]/.test(body)) {
    const m = /^([+\- ]?(?:0x|0X)?)(.*)$/.exec(body) as RegExpExecArray;
    return (m[1] ?? "") + "0".repeat(width - body.length) + (m[2] ?? "");
  }
  return " ".repeat(width - body.length) + body;
}

function signed(text: string, n: number, flags: string): string {
  if (n < 0 || Object.is(n, -0)) return text.startsWith("-") ? text : "-" + text;
  if (flags.includes("+")) return "+" + text;
  if (flags.includes(" ")) return " " + text;
  return text;
}

function formatG(x: number, precision: number, upper: boolean, alt: boolean): string {
  const p = precision === 0 ? 1 : precision;
  if (x === 0) return "0";
  const exp = Math.floor(Math.log10(Math.abs(x)));
  let out: string;
  if (exp < -4 || exp >= p) {
    out = x.toExponential(p - 1);
    if (!alt) out = out.replace(/\.?0+e/, "e");
    out = out.replace(/e([+-])(\d)$/, "e$10$2");
  } else {
    out = x.toFixed(Math.max(0, p - 1 - exp));
    if (!alt && out.includes(".")) out = out.replace(/\.?0+$/, "");
  }
  return upper ? out.toUpperCase() : out;
}

function convert(conv: string, v: EvalValue, flags: string, precision: number | null): string | null {
  if (conv === "s") {
    const s = valuesOf(v).map(scalarToString).join(",");
    return precision === null ? s : s.slice(0, precision);
  }
  if (conv === "c") {
    const s = str(v);
    return s === null ? null : s.slice(0, 1);
  }
  const n = num(v);
  if (n === null) return null;
  const abs = Math.abs(n);
  let body: string;
  switch (conv) {
    case "d":
    case "i":
    case "u":
      body = String(Math.trunc(abs));
      if (flags.includes("'")) body = groupThousands(body);
      return signed(body, Math.trunc(n), flags);
    case "o":
      return Math.trunc(abs).toString(8);
    case "x":
    case "X": {
      body = Math.trunc(abs).toString(16);
      if (flags.includes("#") && body !== "0") body = "0x" + body;
      return conv === "X" ? body.toUpperCase() : body;
    }
    case "f":
    case "F": {
      if (!Number.isFinite(n)) return formatNumber(n);
      body = abs.toFixed(precision ?? 6);
      if (flags.includes("'")) {
        const [i, f] = body.split(".");
        body = groupThousands(i ?? "0") + (f !== undefined ? "." + f : "");
      }
      return signed(body, n, flags);
    }
    case "e":
    case "E": {
      body = abs.toExponential(precision ?? 6).replace(/e([+-])(\d)$/, "e$10$2");
      return signed(conv === "E" ? body.toUpperCase() : body, n, flags);
    }
    case "g":
    case "G":
      return signed(formatG(abs, precision ?? 6, conv === "G", flags.includes("#")), n, flags);
  }
  return null;
}

/**
 * printf(format, args…): C-style %d %i %u %o %x %X %e %E %f %F %g %G %c %s %% with flags
 * `- + space 0 # '` (`'` = thousands separators), width, precision and `*` [V textfn]. A null or
 * non-numeric argument for a conversion makes the whole result null [U].
 */
function printf(args: EvalValue[]): EvalResult {
  if (anyNull(args, 1)) return null;
  const format = str(args[0]);
  if (format === null) return null;
  let next = 1;
  let failed = false;
  let missing: string | null = null;
  const out = format.replace(SPEC, (_m, flags: string, w?: string, p?: string, conv?: string) => {
    if (conv === "%") return "%";
    let width = 0;
    if (w === "*") width = int(args[next++]) ?? 0;
    else if (w !== undefined) width = Number(w);
    let precision: number | null = null;
    if (p === "*") precision = int(args[next++]);
    else if (p !== undefined) precision = Number(p);
    if (next >= args.length) {
      missing = conv ?? "";
      return "";
    }
    const v = args[next++] ?? null;
    if (v === null) {
      failed = true;
      return "";
    }
    const body = convert(conv ?? "s", v, flags, precision);
    if (body === null) {
      failed = true;
      return "";
    }
    return applyWidth(body, width, flags);
  });
  if (missing !== null) return failure(`printf(): not enough arguments for %${missing}`);
  return failed ? null : out;
}

export const conversionFunctions: EvalFunctionTable = {
  tonumber: {
    minArgs: 1,
    maxArgs: 2,
    fn: (a) => {
      if (anyNull(a)) return null;
      const base = a.length > 1 ? int(a[1]) : 10;
      return base === null ? null : toNumber(a[0], base);
    },
  },
  tostring: { minArgs: 1, maxArgs: 2, fn: tostring },
  printf: { minArgs: 1, maxArgs: Infinity, fn: printf },
};
