/**
 * JSON input: one object, an array of objects, JSON Lines, or pretty-printed objects one after
 * another. A small bracket-aware scanner splits the text into top-level values (the elements of a
 * top-level array count as values), so each value parses on its own: a malformed line is one
 * problem with its line number and the other lines still parse.
 */
import { lineAt } from "./text";

export interface JsonChunk {
  start: number;
  end: number;
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff;
}

function isBreak(c: number): boolean {
  return c === 10 || c === 13;
}

/**
 * After a line break at `i` inside an unfinished object, does the next line start something new?
 * Pretty-printers indent everything inside an object except its closing bracket, so text in column
 * 0 other than `}` / `]` means the object was broken (a JSON Lines line missing its end).
 */
function nextLineStartsNew(text: string, i: number): boolean {
  let j = i + 1;
  if (text.charCodeAt(i) === 13 && text.charCodeAt(j) === 10) j++;
  if (j >= text.length) return false;
  const c = text.charCodeAt(j);
  return !(isWs(c) || c === 125 || c === 93 || c === 44);
}

/** End of the value starting at `pos` (exclusive). Stops early, at a line break, on broken input. */
function scanValue(text: string, pos: number, inArray: boolean): number {
  const n = text.length;
  const c = text.charCodeAt(pos);
  if (c === 123 || c === 91) {
    let depth = 0;
    let inString = false;
    for (let i = pos; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (inString) {
        if (ch === 92) i++;
        else if (ch === 34) inString = false;
        else if (isBreak(ch)) return i; // JSON strings hold no raw line breaks: broken line
        continue;
      }
      if (ch === 34) inString = true;
      else if (ch === 123 || ch === 91) depth++;
      else if (ch === 125 || ch === 93) {
        depth--;
        if (depth === 0) return i + 1;
      } else if (isBreak(ch) && depth > 0 && nextLineStartsNew(text, i)) return i;
    }
    return n;
  }
  if (c === 34) {
    for (let i = pos + 1; i < n; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 92) i++;
      else if (ch === 34) return i + 1;
      else if (isBreak(ch)) return i;
    }
    return n;
  }
  // A number, a literal, or junk: up to the end of the line (or the next , ] in an array).
  let i = pos;
  while (i < n) {
    const ch = text.charCodeAt(i);
    if (isBreak(ch) || (inArray && (ch === 44 || ch === 93))) break;
    i++;
  }
  return Math.max(i, pos + 1);
}

/**
 * The top-level value(s) starting at `pos`: one value, or the elements of a top-level array; `end`
 * is where scanning stopped.
 */
export function jsonValuesAt(text: string, pos: number): { chunks: JsonChunk[]; end: number } {
  const n = text.length;
  const chunks: JsonChunk[] = [];
  if (text.charCodeAt(pos) !== 91 /* [ */) {
    const end = scanValue(text, pos, false);
    return { chunks: [{ start: pos, end }], end };
  }
  pos++;
  for (;;) {
    while (pos < n && (isWs(text.charCodeAt(pos)) || text.charCodeAt(pos) === 44)) pos++;
    if (pos >= n) return { chunks, end: n };
    if (text.charCodeAt(pos) === 93 /* ] */) return { chunks, end: pos + 1 };
    const end = scanValue(text, pos, true);
    chunks.push({ start: pos, end });
    pos = end;
  }
}

/** Split JSON text into top-level values (elements of top-level arrays are values). */
export function* jsonChunks(text: string): Generator<JsonChunk> {
  const n = text.length;
  let pos = 0;
  while (pos < n) {
    while (pos < n && (isWs(text.charCodeAt(pos)) || text.charCodeAt(pos) === 44)) pos++;
    if (pos >= n) return;
    const { chunks, end } = jsonValuesAt(text, pos);
    yield* chunks;
    pos = end;
  }
}

export type JsonParsed = { ok: true; value: unknown } | { ok: false; line: number; offset: number; message: string };

/** JSON.parse one chunk; a failure says where (1-based line) and why, briefly. */
export function parseChunk(text: string, chunk: JsonChunk, starts: readonly number[]): JsonParsed {
  const slice = text.slice(chunk.start, chunk.end);
  try {
    return { ok: true, value: JSON.parse(slice) };
  } catch (e) {
    const raw = e instanceof Error ? e.message : String(e);
    const at = /position (\d+)/.exec(raw);
    const offset = at ? chunk.start + Math.min(Number(at[1]), slice.length) : chunk.start;
    let message = raw.replace(/\s*in JSON at position \d+.*$/s, "").replace(/,\s*".*" is not valid JSON$/s, "");
    if (message.length > 160) message = `${message.slice(0, 157)}...`;
    return { ok: false, line: lineAt(starts, offset), offset, message: `invalid JSON: ${message}` };
  }
}

/**
 * Containers around events: Splunk's `{"result": {...}}` (export) and `{"results": [...]}` (REST),
 * `{"Events": {"Event": [...]}}` (XML converted to JSON), `{"Event": [...]}`.
 */
export function unwrapEvents(value: unknown): unknown[] {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return [value];
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj);
  if (Array.isArray(obj["results"])) return obj["results"];
  if (typeof obj["result"] === "object" && obj["result"] !== null && keys.every((k) => ["result", "preview", "offset", "lastrow"].includes(k))) {
    return [obj["result"]];
  }
  const events = obj["Events"];
  if (keys.length === 1 && typeof events === "object" && events !== null) {
    const inner = Array.isArray(events) ? events : (events as Record<string, unknown>)["Event"];
    if (Array.isArray(inner)) return inner.map((e) => ({ Event: e }));
    if (inner !== undefined) return [{ Event: inner }];
  }
  if (keys.length === 1 && Array.isArray(obj["Event"])) return obj["Event"].map((e: unknown) => ({ Event: e }));
  return [value];
}
