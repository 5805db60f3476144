/**
 * The detection seam's language-neutral types: what an event is to a rule, what a verdict is, why
 * a rule cannot be tested live (a reason code and its prose), and how a verdict is explained.
 * Every rule language (SPL today) answers in these terms; pages, the API, the CLI and the stored
 * test cases read only these. Pure types: no DOM, no Node.
 */

/** A field value as rules see it: a string, a number, or a multivalue list. */
export type FieldValue = string | number | string[];

/** A record of fields by name. Missing fields are absent (SPL null). */
export type FieldRecord = Record<string, FieldValue>;

/**
 * One event as a rule reads it.
 *
 * - `fields`: every field a raw-event search of this event sees — the event's own fields as the
 *   add-on extracts them (`EventCode`, `TargetObject`…), the add-on's aliases and evaluated fields
 *   (`dest`, `user`, `process_name`…), and the derived `_raw`, `_time` (epoch seconds), `source`,
 *   `sourcetype`, `host`, `eventtype`.
 * - `datasets`: the CIM datasets the event belongs to, by their full name (`Endpoint.Processes`,
 *   `Network_Traffic.All_Traffic`, `Authentication.Failed_Authentication`…), each with the values of
 *   that dataset's fields, named without the dataset prefix (`process_name`, not
 *   `Processes.process_name`). A data-model search sees only these.
 * - `unknown`: field names (bare, no prefix) the input could not know, e.g. `user` for a bare
 *   command line. They are absent, and a verdict that depends on one says so (`hingesOn`).
 */
export interface EventInput {
  fields: FieldRecord;
  datasets?: Readonly<Record<string, FieldRecord>>;
  unknown?: readonly string[];
}

export type Verdict = "match" | "no_match" | "not_testable";

/**
 * A source span. `start`/`end` are UTF-16 offsets into the rule's ORIGINAL text (as stored in the
 * content), end exclusive. For a node that came out of a macro expansion, `start/end` cover the
 * macro invocation (backticks included) and `macro` locates the node inside that macro's
 * definition text, so the UI can highlight both.
 */
export interface Span {
  start: number;
  end: number;
  macro?: { name: string; start: number; end: number };
}

/**
 * Why a rule cannot be tested live, as a stable code (the prose says it for people). The coverage
 * report groups by `code`; `detail` names the thing (a data model, a command, a lookup…).
 * See REASON_CODES in ./reasons.ts for the list and what each means.
 */
export interface Reason {
  code: string;
  detail?: string;
  /** The same in a sentence, for people. */
  text: string;
}

/**
 * Can this rule be run faithfully on pasted events?
 * - `event`: yes, one event at a time (a per-event verdict is exactly Splunk's).
 * - `batch`: only over a batch (aggregate thresholds, eventstats…): a per-event verdict is
 *   `not_testable`, but `run()` over the pasted batch is faithful.
 * - `none`: not testable live; the reason names the construct and why.
 */
export type Support =
  | { level: "event" }
  | { level: "batch" | "none"; reason: string; code: string; detail?: string; span?: Span; threshold?: BatchThreshold };

/**
 * A batch-only search whose deciding filter is a count any small batch meets: `dc_dest < 10`
 * on `dc(dest)` after stats, `count <= 4` on `count`. Derived from the parsed search (lib/spl
 * threshold.ts), never written per rule.
 */
export interface BatchThreshold {
  /** `count`: rows into the stats (one per event); `dc`: distinct values of `field`. */
  aggregate: "count" | "dc";
  /** The field counted by `dc`, as the rule names it (e.g. `Processes.dest`). */
  field?: string;
  /** Every group whose aggregate is below this meets the filter (`< 10` → 10, `<= 9` → 10). */
  below: number;
  /** The filter clause as written, e.g. `dc_dest < 10`. */
  clause: string;
  /** Nothing after the filter can drop every row: a batch meeting it fires (given rows reach the stats). */
  fires: boolean;
}

/** One row of a result table: field name → value. */
export type Row = FieldRecord;

export interface PredicateTrace {
  /** The clause's text, as written (in the original rule or, for macro bodies, the definition). */
  text: string;
  span: Span;
  /** true / false / null (null: unknown or missing operand in an eval-like language). */
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
  /** For not_testable: the reason's code (see ./reasons.ts). */
  code?: string;
  /** Rows the rule returns for this event alone (for a match). */
  rows?: Row[];
  /** Unknown fields the verdict depends on. */
  hingesOn?: string[];
}

export interface Explanation extends EventVerdict {
  stages: StageTrace[];
}

/** A batch run's stage summary. */
export interface BatchStage {
  command: string;
  span: Span;
  rowsIn: number;
  rowsOut: number;
}

export type BatchResult =
  | {
      ok: true;
      rows: Row[];
      /**
       * For each row, the indexes (into the events given to run, increasing) of the events it
       * stands for: a stats row, its group's events; an event enriched by eventstats or
       * streamstats, that event. null when a command could not say (it never guesses).
       */
      lineage?: (number[] | null)[];
      stages: BatchStage[];
      /** Notes on how the batch was read, e.g. "the join's subsearch read the same pasted batch". */
      notes?: string[];
    }
  | { ok: false; reason: string; code?: string };
