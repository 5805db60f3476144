/**
 * Text helpers shared by the event parsers: line numbers, size limits, control-character checks.
 * Pure functions; no Node or DOM imports.
 */

/** Longest source text kept on one event (UTF-16 units, about 64 KB). */
export const MAX_EVENT_TEXT = 65536;

/** Offsets where each line starts. Line breaks: `\r\n`, `\n`, or a lone `\r`. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/** 1-based line of `offset`, given the result of `lineStarts`. */
export function lineAt(starts: readonly number[], offset: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return lo + 1;
}

export interface Line {
  /** 1-based line number. */
  line: number;
  start: number;
  /** Text of the line without its line break. */
  text: string;
}

/** Iterate the lines of `text` (line breaks as in `lineStarts`), lazily. */
export function* iterateLines(text: string): Generator<Line> {
  let start = 0;
  let line = 1;
  const n = text.length;
  while (start <= n) {
    let end = start;
    while (end < n) {
      const c = text.charCodeAt(end);
      if (c === 10 || c === 13) break;
      end++;
    }
    yield { line, start, text: text.slice(start, end) };
    if (end >= n) return;
    end += text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1;
    start = end;
    line++;
    if (start === n) return;
  }
}

/** Cut `text` to at most `max` UTF-16 units without splitting a surrogate pair. */
export function capText(text: string, max: number = MAX_EVENT_TEXT): string {
  if (text.length <= max) return text;
  let end = max;
  const c = text.charCodeAt(end - 1);
  if (c >= 0xd800 && c <= 0xdbff) end--;
  return text.slice(0, end);
}

/**
 * Character index at which `text` exceeds `maxBytes` when encoded as UTF-8 (or `text.length` when it
 * fits). Never splits a surrogate pair.
 */
export function utf8CutIndex(text: string, maxBytes: number): number {
  if (text.length * 3 <= maxBytes) return text.length;
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let size = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    let width = 1;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) {
        size = 4;
        width = 2;
      }
    }
    if (bytes + size > maxBytes) return i;
    bytes += size;
    i += width - 1;
  }
  return text.length;
}

/** Approximate UTF-8 size of `text`, for messages. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MB`;
  if (n >= 1024) return `${(n / 1024).toFixed(1)} KB`;
  return `${n} bytes`;
}

const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Why a line cannot be read as text (NUL, control characters, broken UTF-16), or undefined. */
export function binaryProblem(line: string): string | undefined {
  const control = CONTROL.exec(line);
  if (control) {
    const code = control[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    return code === "0000"
      ? "contains NUL bytes (binary data?)"
      : `contains a control character (U+${code})`;
  }
  if (LONE_SURROGATE.test(line)) return "contains invalid UTF-16 (a lone surrogate)";
  return undefined;
}

/**
 * A UTF-16 file read as 8-bit text has a NUL after (or before) every ASCII character. Returns true
 * when the first few KB look like that.
 */
export function looksLikeUtf16Bytes(text: string): boolean {
  const sample = text.slice(0, 4096);
  if (sample.length < 8) return false;
  let nuls = 0;
  let even = 0;
  let alnum = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 0) {
      nuls++;
      if (i % 2 === 0) even++;
    } else if ((c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)) alnum++;
  }
  if (nuls / sample.length < 0.3) return false;
  const alternating = Math.max(even, nuls - even) / nuls > 0.9;
  return alternating && alnum / (sample.length - nuls) > 0.3;
}

/** Share of control characters (NUL included, tab/CR/LF excluded) in the first few KB. */
export function controlRatio(text: string): number {
  const sample = text.slice(0, 4096);
  if (sample.length === 0) return 0;
  let bad = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0x7f || c === 0xfffd) bad++;
  }
  return bad / sample.length;
}
