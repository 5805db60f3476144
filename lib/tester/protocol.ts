/**
 * Messages between the tester UI and its engine Web Worker (components/tester/engine.worker.ts).
 * Plain data only (structured clone). One request runs at a time; a newer one supersedes it.
 */
import type { MacroDefinition } from "../content/types";
import type { InputFormat, InputProblem, ParsedEvent } from "../events/types";
import type { BatchResult, EventVerdict, Explanation, Row, Support } from "../spl/api";
import type { AnalyticOutcome } from "./group";

export interface AnalyticSource {
  id: string;
  search: string;
}

/** event index (as a string) → field → value typed in the tester. */
export type Edits = Record<string, Record<string, string>>;

export interface EvaluateRequest {
  type: "evaluate";
  req: number;
  /** `analytic`: every event against one analytic (explained); `catalog`: against all loaded. */
  mode: "analytic" | "catalog";
  input: string;
  edits: Edits;
  /** analytic mode: which loaded analytic (default: the first). */
  analyticId?: string;
  /** analytic mode: explain (full trace) only the first N events; the rest get verdicts only. */
  explainLimit: number;
  /** Resume after a timeout: start at this unit (event index in analytic mode, analytic index in catalog mode). */
  startAt?: number;
  /** Units that timed out before: analytic ids (catalog) or event indices (analytic mode). */
  skip?: (string | number)[];
  maxEvents?: number;
}

export type ToWorker =
  | { type: "load"; analytics: AnalyticSource[]; macros: MacroDefinition[] }
  | EvaluateRequest;

export interface ParsedInfo {
  type: "parsed";
  req: number;
  format: InputFormat | "empty" | "unknown";
  eventCount: number;
  problems: InputProblem[];
  problemCount: number;
  truncated?: string;
  ms: number;
}

/** One event with its full explanation (analytic mode, first `explainLimit` events). */
export interface ExplainedEvent {
  index: number;
  event: ParsedEvent;
  unknown: string[];
  explanation: Explanation;
}

/** A verdict-only row (analytic mode): for the batch table. */
export interface VerdictRow extends EventVerdict {
  index: number;
  line: number;
  /** The command line (capped), for the table. */
  process?: string;
}

/** An event in catalog mode (for the events × analytics table). */
export interface EventSummary {
  index: number;
  line: number;
  /** The command line, or the event's text (capped). */
  text: string;
}

export interface CompiledInfo {
  type: "compiled";
  req: number;
  id: string;
  support: Support;
  fieldsRead: string[];
  parseError?: string;
}

export type FromWorker =
  | ParsedInfo
  | CompiledInfo
  | { type: "explained"; req: number; items: ExplainedEvent[]; pos: number }
  | { type: "verdicts"; req: number; items: VerdictRow[]; pos: number }
  | { type: "outcomes"; req: number; items: AnalyticOutcome[]; pos: number; total: number }
  | { type: "batch"; req: number; id: string; result: BatchResult; totalRows: number }
  | { type: "events"; req: number; items: EventSummary[] }
  | { type: "done"; req: number; ms: number }
  | { type: "error"; req: number; message: string };

/** Caps shared by the worker and the UI (what is sent, what is drawn). */
export const LIMITS = {
  /** Problems sent back (the count is exact). */
  problems: 200,
  /** Rows of a batch result sent back. */
  batchRows: 500,
  /** Characters of a command line in verdict rows. */
  processChars: 300,
  /** Explained events in analytic mode. */
  explain: 20,
  /** Events read from one input. */
  maxEvents: 10_000,
} as const;

export type { Row };
