/**
 * CLI input → engine events. `match` and `run` read JSON Lines: each line a JSON object of CIM
 * fields (plain or `Processes.`-prefixed, or a Sysmon 1 / Security 4688 event in JSON) or a JSON
 * string holding a raw command line. `explain` reads one event: a JSON object, a JSON string, or a
 * bare command line. Problems come back as values with 1-based line numbers. Each decoded value
 * becomes an event through lib/verdicts `eventFromValue`, as in the HTTP API.
 */
import type { EventInput } from "../lib/spl/api";
import { eventFromValue } from "../lib/verdicts/index";

export type LineItem = { line: number; event: EventInput } | { line: number; error: string };

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
    const r = eventFromValue(value, line);
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
    return eventFromValue(JSON.parse(trimmed), 1);
  } catch (e) {
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) return { error: `the event looks like JSON but is ${jsonError(e)}` };
  }
  const lines = trimmed.split(/\r\n|\n|\r/).filter((l) => l.trim() !== "");
  if (lines.length > 1) return { error: `explain takes one event, got ${lines.length} lines (use \`match\` for several)` };
  return eventFromValue(trimmed, 1);
}
