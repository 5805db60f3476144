/**
 * CLI input → engine events. `match` and `run` read JSON Lines: each line a JSON object of CIM
 * fields (plain or `Processes.`-prefixed, or a Sysmon 1 / Security 4688 event in JSON) or a JSON
 * string holding a raw command line. `explain` reads one event: a JSON object, a JSON string, or a
 * bare command line. Problems come back as values with 1-based line numbers.
 */
import { eventFromCim, eventFromCommandLine, unknownFields, type ParsedEvent } from "../lib/events/index";
import type { EventInput } from "../lib/spl/api";

export type LineItem = { line: number; event: EventInput } | { line: number; error: string };

/** What the engine needs of a parsed event; fields the input could not know are `unknown`. */
export function toEventInput(e: ParsedEvent): EventInput {
  return { dataset: e.dataset, fields: e.fields, unknown: unknownFields(e) };
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return `a ${typeof v}`;
}

/** One decoded JSON value → an event, or why not. */
export function eventFromJsonValue(value: unknown, line: number): { event: EventInput } | { error: string } {
  if (typeof value === "string") {
    if (value.trim() === "") return { error: "the command line is empty" };
    return { event: toEventInput(eventFromCommandLine(value, line)) };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { error: `expected a JSON object of CIM fields or a JSON string holding a command line, got ${describe(value)}` };
  }
  const parsed = eventFromCim(value as Record<string, unknown>, line);
  if ("problem" in parsed) return { error: parsed.problem };
  return { event: toEventInput(parsed) };
}

function jsonError(e: unknown): string {
  const msg = e instanceof Error ? e.message : String(e);
  return `not valid JSON (${msg.replace(/\s+/g, " ").slice(0, 120)})`;
}

/** JSON Lines → one item per non-blank line, in order. Blank lines are skipped but counted. */
export function readJsonLines(text: string): LineItem[] {
  const items: LineItem[] = [];
  const lines = text.split(/\r\n|\n|\r/);
  for (let i = 0; i < lines.length; i++) {
    const raw = lines[i] ?? "";
    if (raw.trim() === "") continue;
    const line = i + 1;
    let value: unknown;
    try {
      value = JSON.parse(raw);
    } catch (e) {
      items.push({ line, error: jsonError(e) });
      continue;
    }
    const r = eventFromJsonValue(value, line);
    items.push("event" in r ? { line, event: r.event } : { line, error: r.error });
  }
  return items;
}

/**
 * One event for `explain`: the whole text as JSON (object or string, possibly spread over several
 * lines); otherwise a single bare command line.
 */
export function readOneEvent(text: string): { event: EventInput } | { error: string } {
  const trimmed = text.trim();
  if (trimmed === "") return { error: "no event on standard input: give a JSON object, a JSON string or a command line" };
  try {
    return eventFromJsonValue(JSON.parse(trimmed), 1);
  } catch (e) {
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) return { error: `the event looks like JSON but is ${jsonError(e)}` };
  }
  const lines = trimmed.split(/\r\n|\n|\r/).filter((l) => l.trim() !== "");
  if (lines.length > 1) return { error: `explain takes one event, got ${lines.length} lines (use \`match\` for several)` };
  return { event: toEventInput(eventFromCommandLine(trimmed, 1)) };
}
