/**
 * Messages between the API's evaluation pool (main thread) and its worker threads.
 *
 * Progress is also shared through a SharedArrayBuffer (Int32Array, see SLOT), written by the
 * worker before each (event, analytic) pair, so the main thread knows which pair is running when
 * it decides that pair has exceeded its time budget, and can ask a running job to stop.
 */
import type { MacroDefinition } from "../content/types";
import type { EventInput } from "../spl/api";
import type { AnalyticSource, VerdictResult } from "../verdicts/index";

/** Int32 slots of the shared progress buffer. */
export const SLOT = {
  /** Job id the worker is running (0: idle). */
  job: 0,
  /** Index of the pair being evaluated. */
  pair: 1,
  /** When that pair started, in ms since the worker's `epoch`. */
  startedAt: 2,
  /** Job id the main thread wants stopped (checked between pairs). */
  cancel: 3,
} as const;
export const SLOT_COUNT = 4;

export interface WorkerData {
  progress: SharedArrayBuffer;
  /** Date.now() at the worker's creation; `startedAt` is relative to it (fits in an Int32). */
  epoch: number;
}

export interface JobMessage {
  type: "job";
  job: number;
  /** Identifies the catalog object on the main thread; macros are sent the first time only. */
  catalog: number;
  macros?: MacroDefinition[];
  analytics: AnalyticSource[];
  events: EventInput[];
  explain: boolean;
  /** First pair to evaluate (pair p = event ⌊p / analytics⌋, analytic p mod analytics). */
  from: number;
  /** Pairs to leave out (they timed out before): the worker sends `null` for them. */
  skip: number[];
}

export type FromWorker =
  /** Results for pairs from, from+1, … (null for a skipped pair). */
  | { type: "results"; job: number; from: number; results: (VerdictResult | null)[] }
  /** The job ended: all pairs sent, or stopped at `next` because it was cancelled. */
  | { type: "done"; job: number; next: number; cancelled: boolean };
