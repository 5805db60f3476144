/**
 * Messages between the tester UI and its engine Web Worker (components/tester/engine.worker.ts).
 * Plain data only (structured clone). One request runs at a time; a newer one supersedes it.
 */
import type { MacroSource } from "../detection/matcher";
import type { DataSourceSpec, InputFormat, InputProblem, ParsedEvent } from "../events/types";
import type { BatchResult, EventVerdict, Explanation, Row, Support } from "../detection/types";
import type { AnalyticOutcome } from "./group";
import type { Candidate, EvasionReport } from "../evasion/run";

export interface AnalyticSource {
  id: string;
  search: string;
  /** The rule language (SPL when absent). */
  language?: string;
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
  /** Event index (as a string) → the data source the user picked among that event's candidates. */
  picks?: Record<string, string>;
  /** catalog mode: run only these loaded analytics (a /test scope), in catalog order; all when absent. */
  only?: string[];
  /** analytic mode: which loaded analytic (default: the first). */
  analyticId?: string;
  /** analytic mode: explain (full trace) only the first N events; the rest get verdicts only. */
  explainLimit: number;
  /**
   * Name each unit before running it (`running` messages): the client re-runs a request this way
   * after its watchdog fired, so the error names exactly the analytic and event that stopped.
   */
  pinpoint?: boolean;
  maxEvents?: number;
}

/** The evasion lab: variants of the first event that fires among `candidates`, each with its verdict. */
export interface EvadeRequest {
  type: "evade";
  req: number;
  /** Which loaded analytic (default: the first). */
  analyticId?: string;
  /** Where to start: the tester's input, then the analytic's samples. */
  candidates: Candidate[];
}

export type ToWorker =
  | {
      type: "load";
      analytics: AnalyticSource[];
      macros: MacroSource[];
      /** Content version (lib/engine versionOf); computed when absent. */
      version?: string;
      /** The content's data sources (for recognising pasted events), when the page has them. */
      dataSources?: DataSourceSpec[];
      /** Or where the worker fetches them (`/test/data-sources/<version>`): evaluation waits for them. */
      dataSourcesUrl?: string;
      /** Where the worker fetches the lookup tables the analytics read (`{ lookups }`): evaluation waits for them. */
      lookupsUrl?: string;
    }
  /** Load a precompiled catalog (lib/engine EnginePayload) from this URL: the worker fetches it itself. */
  | { type: "load"; url: string }
  | EvaluateRequest
  | EvadeRequest;

/** A `load` message (what a page's worker judges with). */
export type LoadMessage = Extract<ToWorker, { type: "load" }>;

export interface ParsedInfo {
  type: "parsed";
  req: number;
  format: InputFormat | "empty" | "unknown";
  /** The input's format for people ("command lines", "Windows event XML"), named by lib/events here so the page need not load its readers. */
  formatLabel: string;
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
  /** The event's format for people (lib/events formatLabel). */
  formatLabel: string;
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
  /** Catalog mode: pairs done so far (event-major: pair p = event floor(p / n), analytic p mod n). */
  | { type: "progress"; req: number; pos: number; total: number }
  /** Pinpoint runs only: the analytic (and event index; none over a batch) about to run. */
  | { type: "running"; req: number; id: string; event?: number }
  | { type: "batch"; req: number; id: string; result: BatchResult; totalRows: number }
  | { type: "events"; req: number; items: EventSummary[] }
  | { type: "evasion"; req: number; report: EvasionReport }
  | { type: "done"; req: number; ms: number }
  | { type: "error"; req: number; message: string };

/** The first `n` rows of a batch result, with their lineage. */
export function firstRows(r: Extract<BatchResult, { ok: true }>, n: number): BatchResult {
  if (r.rows.length <= n) return r;
  return { ...r, rows: r.rows.slice(0, n), ...(r.lineage ? { lineage: r.lineage.slice(0, n) } : {}) };
}

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
