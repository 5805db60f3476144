/**
 * Events and input problems as the plain records the CLI (`cli events`) prints and `POST
 * /api/events` answers: one per event read (or per problem), in input order.
 */
import type { FieldRecord, ParseEventsResult } from "./types";

export interface EventRecord {
  line: number;
  column?: number;
  data_source: string | null;
  candidates: string[];
  source: string | null;
  sourcetype: string | null;
  fields: FieldRecord;
  datasets: Record<string, FieldRecord>;
  unknown: string[];
  notes?: string[];
}

export interface ErrorRecord {
  line: number;
  column?: number;
  error: string;
}

export function eventRecords(result: ParseEventsResult): (EventRecord | ErrorRecord)[] {
  const out: (EventRecord | ErrorRecord)[] = result.events.map((e) => ({
    line: e.line,
    column: e.column,
    data_source: e.dataSource,
    candidates: e.candidates,
    source: e.source ?? null,
    sourcetype: e.sourcetype ?? null,
    fields: e.fields,
    datasets: e.datasets,
    unknown: e.unknown,
    ...(e.notes.length > 0 ? { notes: e.notes } : {}),
  }));
  for (const p of result.problems) out.push({ line: p.line, ...(p.column !== undefined ? { column: p.column } : {}), error: p.message });
  if (result.truncated) out.push({ line: result.events.at(-1)?.line ?? 1, error: result.truncated });
  // In input order; a problem before the event read at the same place (a cut-short event).
  return out.sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0) || Number("error" in b) - Number("error" in a));
}
