/**
 * Reads one PCRE2 backslash escape (the text after the backslash), inside or outside a class.
 * Behaviour checked against libpcre2 10.42 (UTF mode, no UCP): which letters are errors, octal vs
 * backreference for `\ddd`, `\x` with 0-2 hex digits, `\c` control characters.
 */
import { complement, DIGIT, HSPACE, NEWLINE, SPACE, VSPACE, WORD, type Ranges } from "./charset";
import type { Assertion } from "./ast";

export type Escape =
  | { k: "char"; cp: number }
  | { k: "set"; ranges: Ranges; neg: boolean }
  | { k: "assert"; kind: Assertion }
  /** Backreference by number (absolute) or by name; `relative` numbers are resolved by the caller. */
  | { k: "bref"; num?: number; relative?: number; name?: string }
  | { k: "newline" } // \R
  | { k: "quote" } // \Q
  | { k: "endquote" } // \E
  | { k: "error"; reason: string };

export interface EscapeRead {
  esc: Escape;
  /** Position just after the escape. */
  end: number;
}

const err = (reason: string, end: number): EscapeRead => ({ esc: { k: "error", reason }, end });
const isOct = (c: string | undefined) => c !== undefined && c >= "0" && c <= "7";
const isDec = (c: string | undefined) => c !== undefined && c >= "0" && c <= "9";
const isHex = (c: string | undefined) => c !== undefined && /^[0-9a-fA-F]$/.test(c);

const CLASS_ESCAPES: Record<string, [Ranges, boolean]> = {
  d: [DIGIT, false], D: [DIGIT, true], s: [SPACE, false], S: [SPACE, true],
  w: [WORD, false], W: [WORD, true], h: [HSPACE, false], H: [HSPACE, true],
  v: [VSPACE, false], V: [VSPACE, true],
};
const CONTROL: Record<string, number> = { a: 7, e: 0x1b, f: 0x0c, n: 0x0a, r: 0x0d, t: 0x09 };
const ASSERTS: Record<string, Assertion> = { b: "wordb", B: "nwordb", A: "bos", z: "eos", Z: "eosnl" };
const UNSUPPORTED: Record<string, string> = {
  K: "PCRE \\K (reset match start) is not supported",
  G: "PCRE \\G (first matching position) is not supported",
  X: "PCRE \\X (extended grapheme cluster) is not supported",
  C: "PCRE \\C (single code unit) is not supported",
  p: "Unicode property escapes \\p{...} are not supported",
  P: "Unicode property escapes \\P{...} are not supported",
};
const NOT_PCRE = "PCRE2 does not support \\F, \\L, \\l, \\N{name}, \\U, or \\u";

/** Reads a `{...}`, `<...>` or `'...'` delimited argument starting at `pos`. */
function delimited(src: string, pos: number): { text: string; end: number } | null {
  const open = src[pos];
  const close = open === "{" ? "}" : open === "<" ? ">" : open === "'" ? "'" : null;
  if (!close) return null;
  const stop = src.indexOf(close, pos + 1);
  return stop < 0 ? null : { text: src.slice(pos + 1, stop), end: stop + 1 };
}

/**
 * `pos` indexes the character after the backslash. `groupsSoFar` decides whether `\ddd` (10 or
 * more) is a backreference or an octal escape, as PCRE2 does.
 */
export function readEscape(src: string, pos: number, inClass: boolean, groupsSoFar: number): EscapeRead {
  const c = src[pos];
  if (c === undefined) return err("\\ at end of pattern", pos);
  const next = pos + 1;
  if (isDec(c)) return readDigits(src, pos, inClass, groupsSoFar);
  if (c in CONTROL) return { esc: { k: "char", cp: CONTROL[c] ?? 0 }, end: next };
  if (c in CLASS_ESCAPES) {
    const [ranges, neg] = CLASS_ESCAPES[c] ?? [[], false];
    return { esc: { k: "set", ranges, neg }, end: next };
  }
  if (c === "N") {
    if (src[next] === "{") return err(NOT_PCRE, next);
    if (inClass) return err("\\N is not supported in a class", next);
    return { esc: { k: "set", ranges: NEWLINE, neg: true }, end: next };
  }
  if (c === "b" && inClass) return { esc: { k: "char", cp: 8 }, end: next };
  if (c === "Q") return { esc: { k: "quote" }, end: next };
  if (c === "E") return { esc: { k: "endquote" }, end: next };
  if (c === "x") return readHex(src, next);
  if (c === "o") {
    const arg = src[next] === "{" ? delimited(src, next) : null;
    if (!arg || !/^[0-7]+$/.test(arg.text)) return err("missing opening brace after \\o or non-octal digit", next);
    return codePoint(parseInt(arg.text, 8), arg.end);
  }
  if (c === "c") {
    const ch = src[next];
    if (ch === undefined) return err("\\c at end of pattern", next);
    const code = ch.charCodeAt(0);
    if (code < 0x20 || code > 0x7e) return err("\\c must be followed by a printable ASCII character", next);
    return { esc: { k: "char", cp: ch.toUpperCase().charCodeAt(0) ^ 0x40 }, end: next + 1 };
  }
  if (c in UNSUPPORTED) return err(UNSUPPORTED[c] ?? "", next);
  if ("FLlUu".includes(c)) return err(NOT_PCRE, next);
  if (inClass && "BRAzZgk".includes(c)) return err("escape sequence is invalid in character class", next);
  if (c in ASSERTS) return { esc: { k: "assert", kind: ASSERTS[c] ?? "bos" }, end: next };
  if (c === "R") return { esc: { k: "newline" }, end: next };
  if (c === "g") return readG(src, next);
  if (c === "k") {
    const arg = delimited(src, next);
    if (!arg || !/^[A-Za-z_]\w*$/.test(arg.text)) return err("\\k is not followed by a braced, angle-bracketed, or quoted name", next);
    return { esc: { k: "bref", name: arg.text }, end: arg.end };
  }
  if (/[A-Za-z]/.test(c)) return err("unrecognized character follows \\", pos);
  // Any other escaped character (punctuation, non-ASCII) is itself.
  return { esc: { k: "char", cp: src.codePointAt(pos) ?? 0 }, end: pos + (c.charCodeAt(0) >= 0xd800 && c.charCodeAt(0) <= 0xdbff ? 2 : 1) };
}

function codePoint(cp: number, end: number): EscapeRead {
  if (cp > 0x10ffff) return err("character code point value in \\x{} or \\o{} is too large", end);
  if (cp >= 0xd800 && cp <= 0xdfff) return err("disallowed Unicode code point (>= 0xd800 && <= 0xdfff)", end);
  return { esc: { k: "char", cp }, end };
}

function readHex(src: string, pos: number): EscapeRead {
  if (src[pos] === "{") {
    const arg = delimited(src, pos);
    if (!arg || !/^[0-9a-fA-F]+$/.test(arg.text)) return err("non-hex character in \\x{} (closing brace missing?)", pos);
    return codePoint(parseInt(arg.text, 16), arg.end);
  }
  let end = pos;
  while (end < pos + 2 && isHex(src[end])) end++;
  return { esc: { k: "char", cp: end > pos ? parseInt(src.slice(pos, end), 16) : 0 }, end };
}

function readDigits(src: string, pos: number, inClass: boolean, groupsSoFar: number): EscapeRead {
  const first = src[pos] ?? "0";
  if (first !== "0" && !inClass) {
    let end = pos;
    while (isDec(src[end])) end++;
    const num = parseInt(src.slice(pos, end), 10);
    if (num < 10 || first === "8" || first === "9" || num <= groupsSoFar) return { esc: { k: "bref", num }, end };
  }
  if (first === "8" || first === "9") return { esc: { k: "char", cp: first.charCodeAt(0) }, end: pos + 1 };
  // Octal: up to three digits (\0 takes at most two more).
  let end = pos + 1;
  while (end < pos + 3 && isOct(src[end])) end++;
  return { esc: { k: "char", cp: parseInt(src.slice(pos, end), 8) }, end };
}

function readG(src: string, pos: number): EscapeRead {
  const bad = "\\g is not followed by a braced, angle-bracketed, or quoted name/number or by a plain number";
  if (src[pos] === "<" || src[pos] === "'") return err("PCRE subroutine calls \\g<...> are not supported", pos);
  let text: string;
  let end: number;
  if (src[pos] === "{") {
    const arg = delimited(src, pos);
    if (!arg) return err(bad, pos);
    ({ text, end } = arg);
  } else {
    const m = /^[+-]?\d+/.exec(src.slice(pos));
    if (!m) return err(bad, pos);
    text = m[0];
    end = pos + text.length;
  }
  if (/^-\d+$/.test(text)) return { esc: { k: "bref", relative: -parseInt(text.slice(1), 10) }, end };
  if (/^\+?\d+$/.test(text)) {
    if (text.startsWith("+")) return err("relative forward references \\g{+n} are not supported", pos);
    return { esc: { k: "bref", num: parseInt(text, 10) }, end };
  }
  if (/^[A-Za-z_]\w*$/.test(text)) return { esc: { k: "bref", name: text }, end };
  return err(bad, pos);
}

export const negateIf = (ranges: Ranges, neg: boolean): Ranges => (neg ? complement(ranges) : ranges);
