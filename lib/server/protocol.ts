/**
 * Messages between the API's evaluation pool (main thread) and its worker threads.
 *
 * Progress is also shared through a SharedArrayBuffer (Int32Array, see SLOT), written by the
 * worker before each (event, analytic) pair, so the main thread knows which pair is running when
 * its watchdog (a crash guard) fires, and can ask a running job to stop.
 */
import type { LookupSource } from "../detection/lookups";
import type { MacroSource } from "../detection/matcher";
import type { EventInput } from "../detection/types";
import type { VerdictResult } from "../detection/verdicts";

/** What the pool needs of an analytic (a lib/content Analytic satisfies it). */
export interface AnalyticSource {
  id: string;
  slug: string;
  name: string;
  search: string;
  /** The rule language (SPL when absent). */
  language?: string;
}

/** What the pool needs of a catalog (a lib/content Catalog satisfies it). */
export interface VerdictCatalog {
  analytics: readonly AnalyticSource[];
  macros: readonly MacroSource[];
  /** Lookup definitions with their tables (a Catalog's load on first use; a caller's inline). */
  lookups?: readonly LookupSource[];
}

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

/** How much of each verdict the main thread needs: every pair's result, or only the matches'. */
export type Detail = "all" | "matches";

/**
 * A content version's rules, sent to a worker once (before its first job of that version): jobs
 * then name analytics by their index, so nothing per request is copied but the events.
 */
export interface ContentMessage {
  type: "content";
  version: string;
  macros: MacroSource[];
  /** Lookup definitions with their tables inline (the content's and the caller's). */
  lookups?: LookupSource[];
  analytics: { id: string; search: string; language?: string }[];
}

export interface JobMessage {
  type: "job";
  job: number;
  /** The catalog's content version (lib/engine versionOf); its ContentMessage came before. */
  catalog: string;
  /** Indices into the version's analytics, in the job's order; null: all of them, in order. */
  analytics: Int32Array | null;
  events: EventInput[];
  explain: boolean;
  /** "matches": the worker sends a VerdictResult for matches only (the codes carry the rest). */
  detail: Detail;
}

/** A pair's verdict as one byte (results travel as a Uint8Array). */
export const VERDICT_CODE = { match: 1, no_match: 2, not_testable: 3 } as const;
export const VERDICT_OF_CODE = [undefined, "match", "no_match", "not_testable"] as const;

/** The shared result of a pair whose detail was not asked for (detail "matches"): no reason. */
export const BARE: Readonly<Record<VerdictResult["verdict"], VerdictResult>> = {
  match: Object.freeze({ verdict: "match" }),
  no_match: Object.freeze({ verdict: "no_match" }),
  not_testable: Object.freeze({ verdict: "not_testable" }),
};

/**
 * The job ended: one code per pair evaluated (pairs 0 … next − 1; fewer when it was cancelled),
 * and the full VerdictResult of the pairs whose detail was asked for, as [pair, result].
 */
export interface DoneMessage {
  type: "done";
  job: number;
  next: number;
  cancelled: boolean;
  codes: Uint8Array;
  details: [number, VerdictResult][];
}

export type FromWorker = DoneMessage;
