/**
 * lib/events: what users paste, upload, or send to the API / CLI → events with CIM
 * Endpoint.Processes fields and where each value came from. Pure TypeScript: no Node, no DOM.
 * Nothing here throws on bad input; problems come back as values with 1-based line numbers.
 */
import { commandLineEvent } from "./build";
import { PROCESS_FIELDS, unknownFields } from "./cim";
import { INPUT_FORMATS, chooseReader, detectFormat, readerFor, type Reader } from "./detect";
import { withEdits } from "./edits";
import { unwrapEvents } from "./json";
import { eventsFromLines, type Parsed } from "./lines";
import { eventFromObject } from "./object";
import { ProblemList } from "./problems";
import { eventsFromCsv, eventsFromJson } from "./structured";
import { formatBytes, lineAt, lineStarts, looksLikeUtf16Bytes, utf8CutIndex } from "./text";
import type { InputFormat, ParseEventsResult, ParsedEvent } from "./types";
import { eventsFromXml } from "./winxml";

export type * from "./types";
export { PROCESS_FIELDS, unknownFields, detectFormat, withEdits };

export const DEFAULT_MAX_EVENTS = 10_000;
export const DEFAULT_MAX_BYTES = 10 * 1024 * 1024;

export interface ParseEventsOptions {
  format?: InputFormat | "auto";
  /** Stop after this many events (default 10,000). */
  maxEvents?: number;
  /** Read at most this many bytes of UTF-8 (default 10 MB). */
  maxBytes?: number;
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

function read(reader: Reader, text: string, maxEvents: number, problems: ProblemList, forced: boolean): Parsed {
  if (reader === "lines") return eventsFromLines(text, maxEvents, problems);
  const starts = lineStarts(text);
  if (reader === "json") return eventsFromJson(text, starts, maxEvents, problems);
  if (reader === "csv") return eventsFromCsv(text, starts, maxEvents, problems, forced);
  const xml = eventsFromXml(text, starts, maxEvents);
  problems.addAll(xml.problems);
  return { events: xml.events, stoppedAt: xml.stoppedAt };
}

function parse(input: unknown, options: ParseEventsOptions): ParseEventsResult {
  const problems = new ProblemList();
  if (typeof input !== "string") {
    return { format: "empty", events: [], problems: [{ line: 1, message: "the input is not text" }] };
  }
  const maxEvents = positiveInt(options.maxEvents, DEFAULT_MAX_EVENTS);
  const maxBytes = positiveInt(options.maxBytes, DEFAULT_MAX_BYTES);
  const notes: string[] = [];

  let text = input;
  const cut = utf8CutIndex(text, maxBytes);
  if (cut < text.length) {
    const atBreak = text[cut] === "\n" || text[cut] === "\r";
    const lastBreak = Math.max(text.lastIndexOf("\n", cut - 1), text.lastIndexOf("\r", cut - 1));
    const end = atBreak || lastBreak <= 0 ? cut : lastBreak;
    const lines = lineAt(lineStarts(text.slice(0, end)), end);
    text = text.slice(0, end);
    notes.push(`the input is larger than ${formatBytes(maxBytes)}: only lines 1–${lines} were read`);
  }
  if (looksLikeUtf16Bytes(text)) {
    text = text.replace(/\u0000/g, "").replace(/^[\uFFFD\uFEFF\u00FF\u00FE]+/, "");
    problems.add(1, "the input looks like UTF-16 text read as single bytes; its NUL bytes were removed");
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);

  let forced: InputFormat | undefined;
  const requested = options.format;
  if (requested !== undefined && requested !== "auto") {
    if ((INPUT_FORMATS as readonly string[]).includes(requested)) forced = requested;
    else problems.add(1, `unknown format "${String(requested)}"; detecting the format instead`);
  }
  const chosen = forced ? readerFor(forced) : chooseReader(text);
  if (chosen === "empty") {
    return { format: "empty", events: [], problems: problems.list(), ...(notes.length ? { truncated: notes.join("; ") } : {}) };
  }
  const parsed = read(chosen, text, maxEvents, problems, forced !== undefined);
  if (parsed.stoppedAt !== undefined) {
    notes.push(`stopped after ${maxEvents} events: line ${parsed.stoppedAt} and later were not read`);
  }
  const events = parsed.events.map((e, index) => (e.index === index ? e : { ...e, index }));
  let format: ParseEventsResult["format"];
  if (forced) format = forced;
  else if (chosen === "csv") format = "csv";
  else format = dominantFormat(events) ?? detectFormat(text);
  const result: ParseEventsResult = { format, events, problems: problems.list() };
  if (notes.length > 0) result.truncated = notes.join("; ");
  return result;
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

/**
 * One JSON value → one event: CIM fields (plain or `Processes.`-prefixed), a Sysmon 1 / Security
 * 4688 event in JSON, or a string (a raw command line). Used by the CLI and API per line.
 */
export function eventFromCim(obj: Record<string, unknown>, line = 1): ParsedEvent | { problem: string } {
  try {
    const items = unwrapEvents(obj);
    if (items.length !== 1) {
      return { problem: `the value holds ${items.length} events; send one event per value` };
    }
    const item = items[0];
    if (typeof item === "string") {
      if (item.trim() === "") return { problem: "the command line is empty" };
      return commandLineEvent(item, positiveInt(line, 1));
    }
    return eventFromObject(item, positiveInt(line, 1));
  } catch (e) {
    return { problem: `could not read the object: ${e instanceof Error ? e.message : String(e)}` };
  }
}

/** One raw command line → an event (`process` given; `process_name` / `process_path` derived). */
export function eventFromCommandLine(commandLine: string, line = 1): ParsedEvent {
  return commandLineEvent(typeof commandLine === "string" ? commandLine : String(commandLine ?? ""), positiveInt(line, 1));
}
