/**
 * The public contract of the shared SPL engine. The page (Web Worker), the HTTP API and the CLI
 * call only what this file declares; `lib/spl/index.ts` implements it. Pure TypeScript: no DOM,
 * no Node built-ins. Nothing here throws: every failure is a value.
 */
import type { FieldValue } from "../events/types";
import type { MacroDefinition } from "../content/types";

export type Verdict = "match" | "no_match" | "not_testable";

/**
 * A source span. `start`/`end` are UTF-16 offsets into the analytic's ORIGINAL search text (as
 * stored in the YAML), end exclusive. For a node that came out of a macro expansion, `start/end`
 * cover the macro invocation (the backticks included) and `macro` locates the node inside that
 * macro's definition text, so the UI can highlight both.
 */
export interface Span {
  start: number;
  end: number;
  macro?: { name: string; start: number; end: number };
}

/** One row of a result table: field name → value. Missing fields are absent (SPL null). */
export type Row = Record<string, FieldValue>;

/** What the engine needs of an event (a `ParsedEvent` from lib/events satisfies it). */
export interface EventInput {
  /** CIM dataset, e.g. `Endpoint.Processes`. */
  dataset: string;
  /** CIM field names without the dataset prefix. */
  fields: Record<string, FieldValue>;
  /** Fields the input could not know (e.g. `user` for a bare command line): treated as absent,
   * and reported in `hingesOn` when a verdict depends on them. */
  unknown?: string[];
}

/**
 * Can this search be run faithfully on pasted events?
 * - `event`: yes, one event at a time (a per-event verdict is exactly Splunk's).
 * - `batch`: only over a batch (aggregate thresholds, eventstats, dedup across events): a per-event
 *   verdict is `not_testable` with `reason`, but `run()` over a batch is faithful.
 * - `none`: not testable live; `reason` names the construct and why.
 */
export type Support =
  | { level: "event" }
  | { level: "batch"; reason: string; span?: Span }
  | { level: "none"; reason: string; span?: Span };

export interface MacroUse {
  name: string;
  args: string[];
  /** The invocation in the original search. */
  span: Span;
  /** Definition text used (built-in defaults included), and where it came from. */
  definition: string;
  origin: "content" | "builtin-cim" | "builtin-filter";
  /** The text the invocation expanded to (after argument substitution and nested expansion). */
  expansion: string;
}

export interface PredicateTrace {
  /** The clause's text, as written (in the original search or, for macro bodies, the definition). */
  text: string;
  span: Span;
  /** true / false / null (SPL null: unknown or missing operand in the eval language). */
  value: boolean | null;
  /** `search` (case-insensitive, wildcards) or `eval` (case-sensitive) semantics. */
  language: "search" | "eval";
  /** The field(s) this predicate read, with the values seen. */
  fields?: { name: string; value: FieldValue | null }[];
  /** Matched substrings (regex or wildcard) as offsets into the field's value. */
  matches?: { field: string; start: number; end: number }[];
  /** Sub-clauses of AND / OR / NOT. */
  children?: PredicateTrace[];
  /** Short human explanation, e.g. `"cmd.exe" matches cmd.exe (case-insensitive)`. */
  note?: string;
}

export interface StageTrace {
  /** Command name, e.g. `tstats`, `where`, `rename`. */
  command: string;
  span: Span;
  rowsIn: number;
  rowsOut: number;
  predicates: PredicateTrace[];
  note?: string;
}

export interface EventVerdict {
  verdict: Verdict;
  /** Why not testable; or, for no_match, the first stage that dropped the event. */
  reason?: string;
  /** Rows the search returns for this event alone (for a match). */
  rows?: Row[];
  /** Unknown fields the verdict depends on. */
  hingesOn?: string[];
}

export interface Explanation extends EventVerdict {
  stages: StageTrace[];
}

export type BatchResult =
  | { ok: true; rows: Row[]; stages: { command: string; span: Span; rowsIn: number; rowsOut: number }[] }
  | { ok: false; reason: string };

export interface CompiledSearch {
  /** The original search. */
  search: string;
  /** After macro expansion (comments stripped). */
  expanded: string;
  parseError?: { message: string; span: Span };
  support: Support;
  /** Data model datasets the search reads, e.g. [`Endpoint.Processes`]. */
  datamodels: string[];
  /** CIM field names (no prefix) the search reads from events: the derived required fields. */
  fieldsRead: string[];
  macros: MacroUse[];
  /** Per-event verdict (the event evaluated on its own). */
  evaluate(event: EventInput): EventVerdict;
  /** Same as evaluate, plus the clause-by-clause trace. */
  explain(event: EventInput): Explanation;
  /** Run over a batch of events: the rows the search would return. */
  run(events: EventInput[]): BatchResult;
}

export interface CompileOptions {
  macros: MacroDefinition[];
}

/** Implemented in ./index.ts: `compileSearch(search, options): CompiledSearch` (never throws). */
export type CompileSearch = (search: string, options: CompileOptions) => CompiledSearch;
