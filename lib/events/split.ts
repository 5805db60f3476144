/**
 * Input → one chunk per event, with the line and column where each starts. Windows XML events may
 * span lines (cut on `<Event`…`</Event>`); JSON may be pretty-printed over many lines (a stream of
 * values; a top-level array's elements are values); CSV with a known header is read as rows; other
 * text is one event per line. Bad input is a problem with its line and column, and the rest is
 * still read: an `<Event>` that never closes, JSON with trailing garbage, an event over
 * MAX_EVENT_CHARS, binary bytes, DOCTYPE / ENTITY declarations (never read: entities are never
 * expanded or fetched). Linear in the input; nothing here throws.
 */
import { afterBreak, csvHeader, readRecord } from "./csv";
import type { Chunk } from "./formats/types";
import { jsonValuesAt, parseChunk } from "./json";
import { Cursor, lineEnd, tooLong } from "./cursor";
import type { ProblemList } from "./problems";
import { binaryProblem } from "./text";
import { parseXml } from "./xml";

export { MAX_EVENT_CHARS } from "./cursor";

export interface Split {
  chunks: Chunk[];
  /** 1-based line where reading stopped because of maxEvents. */
  stoppedAt?: number;
}

const EVENT_START = /<(?:[\w.-]+:)?Event[\s>/]/g;
const EVENT_END = /<\/(?:[\w.-]+:)?Event\s*>/g;
const PREDEFINED = new Set(["amp", "lt", "gt", "quot", "apos"]);

/** One `<Event>` at `pos` (its start tag matched EVENT_START): a chunk or a problem; returns the end. */
function readXmlEvent(cur: Cursor, pos: number, out: Chunk[]): number {
  const text = cur.text;
  EVENT_END.lastIndex = pos;
  const close = EVENT_END.exec(text);
  EVENT_START.lastIndex = pos + 1;
  const next = EVENT_START.exec(text);
  const cut = !close || (next !== null && next.index < close.index);
  const end = cut ? (next ? next.index : text.length) : close!.index + close![0].length;
  if (cut) cur.problem(pos, `this <Event> never closes (no </Event> before ${next ? `the next <Event> at line ${cur.where(end).line}` : "the end of the input"}): read up to there; elements cut short are left out, as Splunk's extractions leave them out`);
  if (tooLong(cur, pos, end - pos)) return end;
  const slice = text.slice(pos, end);
  const entity = [...slice.matchAll(/&([A-Za-z_][\w.-]*);/g)].find((m) => !PREDEFINED.has(m[1]!));
  if (entity?.[1]) {
    cur.problem(pos + entity.index, `the event uses the entity &${entity[1]};, which is never expanded (entity declarations are not read); not read`);
    return end;
  }
  const parsed = parseXml(slice);
  const el = parsed.roots.find((r) => r.name === "Event");
  if (!el) {
    cur.problem(pos, "could not read this <Event> element");
    return end;
  }
  for (const p of parsed.problems) if (!cut || !p.message.startsWith("missing </")) cur.problem(pos + p.offset, `XML: ${p.message}`);
  out.push({ kind: "xml", text: slice, ...cur.where(pos), xml: el });
  return end;
}

/** `<?xml…?>`, `<Events>`, `</Events>`, comments, DOCTYPE: skipped (DOCTYPE reported). */
function skipXmlOther(cur: Cursor, pos: number): number | undefined {
  const text = cur.text;
  if (text.startsWith("<!--", pos)) {
    const e = text.indexOf("-->", pos + 4);
    return e < 0 ? text.length : e + 3;
  }
  if (/^<!DOCTYPE/i.test(text.slice(pos, pos + 9))) {
    cur.problem(pos, "a DOCTYPE is never read: its entities are not expanded and nothing is fetched");
    let depth = 0;
    for (let i = pos; i < text.length; i++) {
      const c = text[i];
      if (c === "[") depth++;
      else if (c === "]") depth--;
      else if (c === ">" && depth <= 0) return i + 1;
    }
    return text.length;
  }
  if (text.startsWith("<?", pos) || /^<\/?(?:[\w.-]+:)?Events[\s>/]/.test(text.slice(pos, pos + 40))) {
    const e = text.indexOf(">", pos);
    return e < 0 ? text.length : e + 1;
  }
  return undefined;
}

function readJson(cur: Cursor, pos: number, out: Chunk[]): number {
  const { chunks, end } = jsonValuesAt(cur.text, pos);
  for (const chunk of chunks) {
    if (tooLong(cur, chunk.start, chunk.end - chunk.start)) continue;
    const parsed = parseChunk(cur.text, chunk, cur.starts);
    if (!parsed.ok) {
      cur.problem(parsed.offset, parsed.message);
      continue;
    }
    const text = cur.text.slice(chunk.start, chunk.end);
    if (typeof parsed.value === "string") out.push({ kind: "line", text: parsed.value, ...cur.where(chunk.start), value: parsed.value });
    else out.push({ kind: "json", text, ...cur.where(chunk.start), value: parsed.value });
  }
  return Math.max(end, pos + 1);
}

/** Text after a JSON value on the same line is trailing garbage: a problem, and skipped. */
function afterJson(cur: Cursor, pos: number): number {
  const end = lineEnd(cur.text, pos);
  const rest = cur.text.slice(pos, end);
  const at = rest.search(/[^\s,\]]/);
  if (at < 0) return pos;
  cur.problem(pos + at, "trailing text after the JSON value; ignored");
  return end;
}

/** The value of a line that is exactly one JSON string literal (`"C:\\x.exe" /y` is not). */
function jsonString(line: string): string | undefined {
  if (line.length < 2 || line[0] !== '"' || line[line.length - 1] !== '"') return undefined;
  try {
    const v: unknown = JSON.parse(line);
    return typeof v === "string" && v.trim() !== "" ? v : undefined;
  } catch {
    return undefined;
  }
}

function readLine(cur: Cursor, pos: number, out: Chunk[]): number {
  const end = lineEnd(cur.text, pos);
  if (tooLong(cur, pos, end - pos)) return end;
  const line = cur.text.slice(pos, end);
  const bad = binaryProblem(line);
  if (bad) return cur.problem(pos, `the line ${bad}; not read`), end;
  const text = line.replace(/\s+$/, "");
  const decoded = jsonString(text);
  // A line that is one JSON string is that string's text, as in a stream of JSON values (the
  // other lines of the input need not be JSON).
  if (decoded !== undefined) out.push({ kind: "line", text: decoded, ...cur.where(pos), value: decoded });
  else out.push({ kind: "line", text, ...cur.where(pos) });
  return end;
}

/** `[` starting a JSON array (`[Convert]::…` is PowerShell, not JSON). */
function jsonArrayAt(text: string, pos: number): boolean {
  const d = /[^\s]/.exec(text.slice(pos + 1, pos + 200))?.[0];
  return d === "{" || d === '"' || d === "]" || d === "[" || d === undefined;
}

/** True when every one of the first non-blank lines (up to 20) is a JSON value on its own. */
function allLinesJson(text: string): boolean {
  let seen = 0;
  for (const raw of text.slice(0, 200_000).split(/\r\n|\n|\r/)) {
    const line = raw.trim();
    if (!line) continue;
    try {
      JSON.parse(line);
    } catch {
      return false;
    }
    if (++seen >= 20) break;
  }
  return seen > 0;
}

/** The header when CSV is forced: the first row, whatever its names. */
function forcedHeader(text: string, pos: number) {
  const rec = readRecord(text, pos, ",");
  return { delim: ",", names: rec.cells.map((c) => c.trim()), bodyStart: afterBreak(text, rec.end) };
}

type Header = ReturnType<typeof forcedHeader>;

function* csvRows(cur: Cursor, header: Header, maxEvents: number): Generator<Chunk, number | undefined> {
  const { names, delim } = header;
  let at = header.bodyStart;
  let count = 0;
  while (at < cur.text.length) {
    const rec = readRecord(cur.text, at, delim);
    const next = Math.max(afterBreak(cur.text, rec.end), at + 1);
    if (rec.cells.every((c) => c.trim() === "")) {
      at = next;
      continue;
    }
    if (count >= maxEvents) return cur.where(at).line;
    if (rec.unterminated) cur.problem(at, "CSV: a quoted field is not closed before the end of the input");
    if (rec.cells.length > names.length) cur.problem(at, `CSV: the row has ${rec.cells.length} cells but the header has ${names.length}; extra cells ignored`);
    const obj: Record<string, string> = {};
    names.forEach((name, k) => {
      const cell = rec.cells[k];
      if (name && name !== "__proto__" && cell !== undefined && cell !== "") obj[name] = cell;
    });
    count++;
    yield { kind: "json", text: cur.text.slice(rec.start, rec.end), ...cur.where(at), value: obj, csvRow: true };
    at = next;
  }
  return undefined;
}

/** Every chunk of the input (see splitInput). */
export function splitInput(text: string, starts: readonly number[], maxEvents: number, problems: ProblemList, forceCsv = false): Split {
  const chunks: Chunk[] = [];
  const it = splitChunks(text, starts, maxEvents, problems, forceCsv);
  for (let r = it.next(); ; r = it.next()) {
    if (r.done) return r.value === undefined ? { chunks } : { chunks, stoppedAt: r.value };
    chunks.push(r.value);
  }
}

/** How the splitter reads an input: CSV rows (with their header), Windows XML, JSON values, or lines. */
export type SplitMode = "csv" | "xml" | "json" | "lines";

/** Where reading starts (the first non-blank character) and the mode, as the input's start decides it. */
export function startOf(text: string, forceCsv = false): { pos: number; mode: SplitMode; header?: Header } {
  let pos = 0;
  while (pos < text.length && /\s/.test(text[pos]!)) pos++;
  const first = text[pos];
  if (forceCsv || (first !== undefined && first !== "<" && first !== "{" && first !== "[")) {
    const at = text.lastIndexOf("\n", pos) + 1;
    const header = csvHeader(text, at) ?? (forceCsv ? forcedHeader(text, at) : undefined);
    if (header) return { pos, mode: "csv", header };
  }
  const xmlHead = first === "<" && /^<\?xml|<(?:[\w.-]+:)?Events?[\s>/]/.test(text.slice(pos, pos + 65536));
  const mode = xmlHead ? "xml" : first === "{" || (first === "[" && jsonArrayAt(text, pos)) || (first === '"' && allLinesJson(text)) ? "json" : "lines";
  return { pos, mode };
}

/** A later part of an input whose start decided the mode: read from `pos` in that mode, lines counted from `line`. */
export interface Resume {
  mode: "json" | "lines";
  line: number;
  pos: number;
}

/**
 * The input's chunks one at a time, in input order, as the splitter reaches them (an event is
 * read while the next is not yet split: lib/events' iterateEvents streams on this). Returns the
 * 1-based line where maxEvents stopped it, if it did. With `resume`, `text` is a part of an input
 * (see lib/events/stream.ts) and the mode is not detected again.
 */
export function* splitChunks(text: string, starts: readonly number[], maxEvents: number, problems: ProblemList, forceCsv = false, resume?: Resume): Generator<Chunk, number | undefined> {
  const cur = new Cursor(text, starts, problems, resume?.line);
  const n = text.length;
  const start = resume ?? startOf(text, forceCsv);
  if ("header" in start && start.header) return yield* csvRows(cur, start.header, maxEvents);
  const mode = start.mode;
  let pos = start.pos;
  const out: Chunk[] = [];
  let count = 0;
  while (pos < n) {
    for (const chunk of out) yield chunk;
    count += out.length;
    out.length = 0;
    const c = text.charCodeAt(pos);
    if (c === 32 || c === 9 || c === 10 || c === 13 || c === 0xfeff) {
      pos++;
      continue;
    }
    if (count >= maxEvents) return cur.where(pos).line;
    if (c === 60 /* < */) {
      EVENT_START.lastIndex = pos;
      const m = EVENT_START.exec(text);
      if (m && m.index === pos) {
        pos = readXmlEvent(cur, pos, out);
        continue;
      }
      const skipped = skipXmlOther(cur, pos);
      if (skipped !== undefined) {
        pos = skipped;
        continue;
      }
    }
    if (c === 123 /* { */ || mode === "json") {
      pos = afterJson(cur, readJson(cur, pos, out));
      continue;
    }
    if (c === 91 /* [ */) {
      if (jsonArrayAt(text, pos)) {
        pos = afterJson(cur, readJson(cur, pos, out));
        continue;
      }
    }
    if (mode === "xml") {
      const end = lineEnd(text, pos);
      cur.problem(pos, "text outside any <Event> element; ignored");
      pos = end;
      continue;
    }
    pos = readLine(cur, pos, out);
  }
  for (const chunk of out) yield chunk;
  return undefined;
}
