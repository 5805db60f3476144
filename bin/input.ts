/**
 * CLI input → engine events, read by lib/events with the content's data sources exactly as
 * `cli events` and `POST /api/events` read them: Windows event XML (events may span lines), JSON
 * values (one per line or pretty-printed; CIM fields, Windows events as JSON, cloud JSON, a JSON
 * string holding event text), CSV with a header, or one event per line (command lines, auditd,
 * key=value…). Problems come back as values with 1-based lines (and columns), in input order.
 */
import type { EventInput } from "../lib/detection/types";
import type { DataSourceSpec, ParsedEvent } from "../lib/events/types";
import { iterateEvents, toEventInput, type EventItem } from "../lib/events/index";

export type LineItem = { line: number; column?: number; event: EventInput } | { line: number; column?: number; error: string };

/**
 * Every event of the input and every input problem, in input order (a problem first at the same
 * place), read one at a time as the caller asks (lib/events iterateEvents): no cap on events or
 * size, and an event the caller has evaluated is let go, so `cli match` streams in the memory of
 * one event (plus the input text).
 */
export function* readEvents(text: string, dataSources?: readonly DataSourceSpec[], now?: number): Generator<LineItem> {
  for (const item of iterateEvents(text, { ...(dataSources ? { dataSources } : {}), ...(now !== undefined ? { now } : {}) })) yield lineItem(item);
}

/** lib/events' item → the CLI's: an event for the engine, or a problem as an error, with its place. */
export function lineItem(item: EventItem): LineItem {
  if ("problem" in item) {
    const p = item.problem;
    return { line: p.line, ...(p.column !== undefined ? { column: p.column } : {}), error: p.message };
  }
  const e = item.event;
  return { line: e.line, ...(e.column !== undefined ? { column: e.column } : {}), event: toEventInput(e) };
}

/** `readEvents` collected (tests, and commands that need every event at once). */
export function readAllEvents(text: string, dataSources?: readonly DataSourceSpec[]): LineItem[] {
  return [...readEvents(text, dataSources)];
}

/** One event for `explain`: the input must hold exactly one. */
export function readOneEvent(text: string, dataSources?: readonly DataSourceSpec[]): { event: EventInput } | { error: string } {
  if (text.trim() === "") return { error: "no event on standard input: give an event (Windows XML, JSON, a command line, …)" };
  const items = readAllEvents(text, dataSources);
  const problem = items.find((x) => "error" in x);
  if (problem && "error" in problem) return { error: `line ${problem.line}${problem.column ? `:${problem.column}` : ""}: ${problem.error}` };
  const events = items.filter((x): x is Extract<LineItem, { event: EventInput }> => "event" in x);
  if (events.length !== 1) return { error: `explain takes one event, got ${events.length} (use \`match\` for several)` };
  return { event: events[0]!.event };
}

/** Every event as lib/events read it (text, data source, source, sourcetype kept) and the problems, for `export`. */
export function readParsedEvents(text: string, dataSources?: readonly DataSourceSpec[]): { events: ParsedEvent[]; problems: { line: number; column?: number; message: string }[] } {
  const events: ParsedEvent[] = [];
  const problems: { line: number; column?: number; message: string }[] = [];
  for (const item of iterateEvents(text, dataSources ? { dataSources } : {})) {
    if ("problem" in item) problems.push(item.problem);
    else events.push(item.event);
  }
  return { events, problems };
}
