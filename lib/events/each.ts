/**
 * The splitter's chunks → events, one at a time, and the input's problems put in input order
 * among them: shared by parseEvents / iterateEvents (one text) and the streamed reader
 * (lib/events/stream.ts, one batch of lines at a time), so both read every chunk alike.
 */
import { unwrapEvents } from "./json";
import type { ProblemList } from "./problems";
import { readChunk, type ReadOptions } from "./read";
import type { PreparedSpec } from "./recognise";
import type { Chunk } from "./formats/types";
import type { InputProblem, ParsedEvent } from "./types";

/** One item of iterateEvents: an event, or a problem of the input. */
export type EventItem = { event: ParsedEvent } | { problem: InputProblem };

export function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v) ?? "";
  } catch {
    return "";
  }
}

/** JSON containers (Splunk's `{"result":…}` / `{"results":[…]}`, `{"Events":{"Event":[…]}}`) → one chunk per event. */
function expand(chunk: Chunk): Chunk[] {
  if (chunk.kind !== "json") return [chunk];
  const items = unwrapEvents(chunk.value);
  if (items.length === 1 && items[0] === chunk.value) return [chunk];
  return items.map((value) =>
    typeof value === "string" ? { ...chunk, kind: "line" as const, text: value, value } : { ...chunk, value, text: items.length === 1 ? chunk.text : safeJson(value) },
  );
}

/** How reading went: chunks split, the next event's index, and the line where maxEvents stopped it. */
export interface Reading {
  chunks: number;
  index: number;
  stoppedAt?: number;
}

export interface ReadSetup {
  opts: ReadOptions;
  picks?: Readonly<Record<string, string>> | undefined;
  prepared: readonly PreparedSpec[];
  maxEvents: number;
  problems: ProblemList;
}

/** Each chunk read into an event as the splitter reaches it (problems into `problems`): one at a time. */
export function* readChunks(split: Generator<Chunk, number | undefined>, s: ReadSetup, reading: Reading): Generator<ParsedEvent> {
  let r = split.next();
  for (; !r.done; r = split.next()) {
    reading.chunks++;
    for (const chunk of expand(r.value)) {
      if (reading.index >= s.maxEvents) {
        reading.stoppedAt ??= chunk.line;
        return;
      }
      if (chunk.kind === "line" && chunk.text.trim() === "") continue; // an empty JSON string
      const pick = s.picks?.[String(reading.index)];
      const e = readChunk(chunk, pick ? { ...s.opts, dataSource: pick } : s.opts, s.prepared);
      if ("problem" in e) s.problems.add(chunk.line, e.problem, chunk.column);
      else yield { ...e, index: reading.index++ };
    }
  }
  if (r.value !== undefined) reading.stoppedAt = r.value;
}

const before = (p: InputProblem, e: ParsedEvent) => p.line < e.line || (p.line === e.line && (p.column ?? 0) <= (e.column ?? 0));
const byPlace = (a: InputProblem, b: InputProblem) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0);

/** Problems held until the first event that starts at or after their place (input order). */
export class ProblemQueue {
  private pending: InputProblem[] = [];
  constructor(readonly problems: ProblemList) {}

  /** The problems that come before `event`. */
  *before(event: ParsedEvent): Generator<EventItem> {
    this.pending = this.pending.concat(this.problems.take()).sort(byPlace);
    let k = 0;
    while (k < this.pending.length && before(this.pending[k]!, event)) yield { problem: this.pending[k++]! };
    this.pending = this.pending.slice(k);
  }

  /** Every problem still held, in input order. */
  *flush(): Generator<EventItem> {
    const rest = this.pending.concat(this.problems.take()).sort(byPlace);
    this.pending = [];
    for (const problem of rest) yield { problem };
  }
}
