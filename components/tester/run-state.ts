/** What one evaluation run has produced so far (progressive), folded from worker messages. */
import type { BatchResult } from "@/lib/detection/types";
import type { AnalyticOutcome } from "@/lib/tester/group";
import type { CompiledInfo, EventSummary, ExplainedEvent, FromWorker, ParsedInfo, VerdictRow } from "@/lib/tester/protocol";

export interface RunState {
  req: number;
  running: boolean;
  /** Length of the input this run evaluates (the bench compares it with the textarea). */
  inputLength: number;
  parsed?: ParsedInfo;
  compiled?: CompiledInfo;
  explained: ExplainedEvent[];
  rows: VerdictRow[];
  outcomes: Map<string, AnalyticOutcome>;
  batches: Map<string, { result: BatchResult; totalRows: number }>;
  events: EventSummary[];
  error?: string;
  ms?: number;
  /** Catalog mode: (event, analytic) pairs evaluated so far, of `pairTotal`. */
  pairs?: number;
  pairTotal?: number;
}

export const emptyRun = (): RunState => ({ req: 0, running: false, inputLength: 0, explained: [], rows: [], events: [], outcomes: new Map(), batches: new Map() });

export function startRun(req: number, inputLength: number): RunState {
  return { ...emptyRun(), req, running: true, inputLength };
}

function upsertRows(rows: VerdictRow[], items: VerdictRow[]): VerdictRow[] {
  const out = rows.slice();
  for (const r of items) {
    const at = out.findIndex((x) => x.index === r.index);
    if (at >= 0) out[at] = r;
    else out.push(r);
  }
  return out.length > 1 && out[out.length - 2]!.index > out[out.length - 1]!.index ? out.sort((a, b) => a.index - b.index) : out;
}

export function applyMessage(s: RunState, m: FromWorker): RunState {
  if (m.req !== s.req) return s;
  switch (m.type) {
    case "parsed":
      return { ...s, parsed: m };
    case "compiled":
      return { ...s, compiled: m };
    case "explained": {
      const byIndex = new Map(s.explained.map((e) => [e.index, e]));
      for (const e of m.items) byIndex.set(e.index, e);
      return { ...s, explained: [...byIndex.values()].sort((a, b) => a.index - b.index) };
    }
    case "verdicts":
      return { ...s, rows: s.rows.length === 0 ? m.items : upsertRows(s.rows, m.items) };
    case "outcomes": {
      if (m.items.length === 0) return s;
      const outcomes = new Map(s.outcomes);
      for (const o of m.items) outcomes.set(o.id, o);
      return { ...s, outcomes };
    }
    case "batch": {
      const batches = new Map(s.batches);
      batches.set(m.id, { result: m.result, totalRows: m.totalRows });
      return { ...s, batches };
    }
    case "events":
      return { ...s, events: m.items };
    case "progress":
      return { ...s, pairs: m.pos, pairTotal: m.total };
    case "done":
      return { ...s, running: false, ms: m.ms };
    case "error":
      return { ...s, running: false, error: m.message };
    case "running":
    case "evasion": // the evasion lab keeps its own state
      return s;
  }
}
