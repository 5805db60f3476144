/**
 * lib/events: what users paste, upload, or send to the API / CLI → events as the Splunk add-ons
 * would read them: the content's data source each one is, every field a raw-event search sees, the
 * CIM datasets it feeds, the fields it cannot know, and where each value came from. Pure
 * TypeScript: no Node, no DOM; never imports lib/content (data sources come in as plain data).
 * Nothing here throws on bad input; problems come back as values with 1-based lines and columns.
 */
import type { EventInput } from "../detection/types";
import { unwrapEvents } from "./json";
import { ProblemQueue, readChunks, safeJson, type EventItem, type Reading } from "./each";
import { ProblemList } from "./problems";
import { prepareSpecs, readChunk, type ReadOptions } from "./read";
import { splitChunks } from "./split";
import { formatById as FORMATS_BY_ID } from "./formats/index";
import { formatBytes, lineAt, lineStarts, looksLikeUtf16Bytes, utf8CutIndex, controlRatio } from "./text";
import type { InputFormat, ParseEventsResult, ParsedEvent } from "./types";

export type * from "./types";
export { withEdits } from "./edits";
/** Read the data sources' examples now, not at the first event (a worker warming up). */
export { prepareSpecs } from "./read";
export { groupedFields, type FieldGroup } from "./group";
export { FORMATS, formatLabel } from "./formats/index";
export { PROCESS_FIELDS } from "./cim";
export type { ReadOptions } from "./read";
export type { EventItem } from "./each";

export const DEFAULT_MAX_EVENTS = 10_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface ParseEventsOptions extends ReadOptions {
  /** Read every event with this format (`auto`: detect per event). */
  format?: InputFormat | "auto";
  /** Stop after this many events (default 10,000). */
  maxEvents?: number;
  /** Read at most this many bytes of UTF-8 (default 10 MB). */
  maxBytes?: number;
  /** Event index (as a string) → the data source the user picked for that event among its candidates. */
  picks?: Readonly<Record<string, string>>;
}

function positiveInt(v: unknown, fallback: number): number {
  return typeof v === "number" && Number.isFinite(v) && v >= 1 ? Math.floor(v) : fallback;
}

/** The format most events have (the first one on a tie). */
function dominantFormat(events: readonly ParsedEvent[]): InputFormat | undefined {
  const counts = new Map<InputFormat, number>();
  let best: InputFormat | undefined;
  for (const e of events) {
    const c = (counts.get(e.format) ?? 0) + 1;
    counts.set(e.format, c);
    if (best === undefined || c > (counts.get(best) ?? 0)) best = e.format;
  }
  return best;
}

function cut(input: string, maxBytes: number, notes: string[]): string {
  const at = utf8CutIndex(input, maxBytes);
  if (at >= input.length) return input;
  const atBreak = input[at] === "\n" || input[at] === "\r";
  const lastBreak = Math.max(input.lastIndexOf("\n", at - 1), input.lastIndexOf("\r", at - 1));
  const end = atBreak || lastBreak <= 0 ? at : lastBreak;
  notes.push(`the input is larger than ${formatBytes(maxBytes)}: only lines 1–${lineAt(lineStarts(input.slice(0, end)), end)} were read`);
  return input.slice(0, end);
}

interface Prepared {
  text: string;
  opts: ReadOptions;
  forceCsv: boolean;
}

/** The input cut to maxBytes, UTF-16 bytes and the BOM dropped, the read options fixed once (one read time). */
function prepare(input: string, options: ParseEventsOptions, problems: ProblemList, notes: string[]): Prepared {
  let text = cut(input, positiveInt(options.maxBytes, DEFAULT_MAX_BYTES), notes);
  if (looksLikeUtf16Bytes(text)) {
    text = text.replace(/\u0000/g, "").replace(/^[\uFFFD\uFEFF\u00FF\u00FE]+/, "");
    problems.add(1, "the input looks like UTF-16 text read as single bytes; its NUL bytes were removed");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  // One read time for the whole paste: its events without a timestamp share it.
  const opts: ReadOptions = { ...options, format: options.format === "auto" ? undefined : options.format, now: options.now ?? Math.round(Date.now()) / 1000 };
  const forceCsv = opts.format === "csv";
  if (forceCsv) opts.format = undefined;
  if (opts.format !== undefined && !FORMATS_BY_ID(opts.format)) {
    problems.add(1, `unknown format "${String(opts.format)}"; detecting the format instead`);
    opts.format = undefined;
  }
  return { text, opts, forceCsv };
}

/** The events of a prepared input, one at a time (problems into `problems`). */
function readEach(p: Prepared, options: ParseEventsOptions, maxEvents: number, problems: ProblemList, reading: Reading): Generator<ParsedEvent> {
  const split = splitChunks(p.text, lineStarts(p.text), maxEvents, problems, p.forceCsv);
  return readChunks(split, { opts: p.opts, picks: options.picks, prepared: prepareSpecs(options.dataSources), maxEvents, problems }, reading);
}

function parse(input: unknown, options: ParseEventsOptions): ParseEventsResult {
  const problems = new ProblemList();
  if (typeof input !== "string") return { format: "empty", events: [], problems: [{ line: 1, message: "the input is not text" }] };
  const maxEvents = positiveInt(options.maxEvents, DEFAULT_MAX_EVENTS);
  const notes: string[] = [];
  const p = prepare(input, options, problems, notes);
  const ending: Reading = { chunks: 0, index: 0 };
  const events = [...readEach(p, options, maxEvents, problems, ending)];
  if (ending.stoppedAt !== undefined) notes.push(`stopped after ${maxEvents} events: line ${ending.stoppedAt} and later were not read`);
  const empty = ending.chunks === 0 && problems.count === 0;
  const format = p.forceCsv ? "csv" : empty ? "empty" : events.some((e) => e.format === "csv") ? "csv" : dominantFormat(events) ?? "unknown";
  const result: ParseEventsResult = { format, events, problems: problems.list() };
  if (notes.length > 0) result.truncated = notes.join("; ");
  return result;
}

/**
 * The events of an input one at a time, read as parseEvents reads them (the same splitter and
 * readers, one read time), without holding them: each is split and read when the caller asks for
 * it, so a caller that lets each go (`cli match`) reads any input in the memory of one event
 * (plus the text). No limit on size or count (`maxBytes` and `maxEvents` are ignored). Problems
 * come in input order, each before the first event that starts at or after its place; at most
 * MAX_PROBLEMS, then one "N more" item. Never throws.
 */
export function* iterateEvents(input: string, options: Omit<ParseEventsOptions, "maxEvents" | "maxBytes"> = {}): Generator<EventItem> {
  if (typeof input !== "string") return void (yield { problem: { line: 1, message: "the input is not text" } });
  const problems = new ProblemList();
  const queue = new ProblemQueue(problems);
  const unbounded = { ...options, maxEvents: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER };
  try {
    const p = prepare(input, unbounded, problems, []);
    for (const event of readEach(p, unbounded, Number.MAX_SAFE_INTEGER, problems, { chunks: 0, index: 0 })) {
      yield* queue.before(event);
      yield { event };
    }
  } catch (e) {
    problems.add(1, `could not read the input: ${e instanceof Error ? e.message : String(e)}`);
  }
  yield* queue.flush();
  const more = problems.summary();
  if (more) yield { problem: more };
}

/** Turn pasted / uploaded / posted text into events. Never throws. */
export function parseEvents(text: string, options: ParseEventsOptions = {}): ParseEventsResult {
  try {
    return parse(text, options ?? {});
  } catch (e) {
    const message = e instanceof Error ? e.message : String(e);
    return { format: "unknown", events: [], problems: [{ line: 1, message: `could not read the input: ${message}` }] };
  }
}

/** Guess the format of an input (what parseEvents would read it as). */
export function detectFormat(text: string): InputFormat | "empty" | "unknown" {
  if (typeof text !== "string") return "unknown";
  if (controlRatio(text.replace(/^\s+/, "")) > 0.1) return "unknown";
  return parseEvents(text.slice(0, 1_048_576), { maxEvents: 20 }).format;
}

/**
 * One JSON value → one event: CIM fields, a Windows event in JSON, or a string (a raw command
 * line). Used by the CLI and API per line.
 */
export function eventFromCim(obj: Record<string, unknown>, line = 1, options: ReadOptions = {}): ParsedEvent | { problem: string } {
  try {
    const items = unwrapEvents(obj);
    if (items.length !== 1) return { problem: `the value holds ${items.length} events; send one event per value` };
    const item = items[0];
    const base = { line: positiveInt(line, 1), column: 1 };
    if (typeof item === "string") {
      if (item.trim() === "") return { problem: "the command line is empty" };
      return readChunk({ kind: "line", text: item, ...base }, options, prepareSpecs(options.dataSources));
    }
    if (typeof item !== "object" || item === null || Array.isArray(item)) return { problem: `expected an object of event fields, got ${Array.isArray(item) ? "an array" : item === null ? "null" : typeof item}` };
    return readChunk({ kind: "json", text: safeJson(item), value: item, ...base }, options, prepareSpecs(options.dataSources));
  } catch (e) {
    return { problem: `could not read the object: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** One raw command line → an event (`process` given; `process_name` / `process_path` derived). */
export function eventFromCommandLine(commandLine: string, line = 1): ParsedEvent {
  const text = typeof commandLine === "string" ? commandLine : String(commandLine ?? "");
  const e = readChunk({ kind: "line", text, line: positiveInt(line, 1), column: 1 }, { format: "command-line" }, []);
  if ("problem" in e) throw new Error(e.problem); // the command-line format reads any text
  return e;
}

/** What the engine reads of an event. */
export function toEventInput(e: ParsedEvent): EventInput {
  return { fields: e.fields, datasets: e.datasets, unknown: e.unknown };
}

/** Fields the input could not know (for the engine's `unknown`). */
export function unknownFields(e: ParsedEvent): string[] {
  return e.unknown;
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return `a ${typeof v}`;
}

/**
 * One decoded JSON value → an event, as the API, the CLI and the test cases read them: a string is
 * event text read like a paste (a command line, a Windows XML event, an auditd or key=value line…),
 * an object holds event fields (CIM, Windows, cloud JSON…). One value, one event.
 */
export function eventFromValue(value: unknown, line = 1, options: ReadOptions = {}): { event: EventInput } | { error: string } {
  if (typeof value === "string") {
    if (value.trim() === "") return { error: "the command line is empty" };
    const r = parseEvents(value, { ...options, maxEvents: 2 });
    if (r.events.length === 1) return { event: toEventInput(r.events[0]!) };
    if (r.events.length > 1) return { error: "the string holds several events; send one event per value" };
    return { error: r.problems[0]?.message ?? "no event could be read from the string" };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { error: `expected a JSON object of CIM fields or a JSON string holding a command line, got ${describe(value)}` };
  }
  const parsed = eventFromCim(value as Record<string, unknown>, line, options);
  if ("problem" in parsed) return { error: parsed.problem };
  return { event: toEventInput(parsed) };
}
