/**
 * What every SPL command module provides. A command is one file exporting a CommandSpec, listed in
 * the table in ./index.ts: how to parse its segment, what cannot run faithfully (check), how it
 * moves batch-dependent values (batch), which event fields it reads when it leads a search, and
 * how it runs over rows. Parse, check, run and trace are separate steps over the same node.
 */
import type { EventInput } from "../../detection/types";
import type { Range } from "../ast";
import type { Token } from "../lex";
import type { RowData, Runtime } from "../runtime";
import type { Lineage } from "../lineage";
import type { RawTrace } from "../search-lang";

/** Every command node: its canonical name (`type`) and its source range in the expanded search. */
export interface CommandNode {
  readonly type: string;
  readonly at: Range;
}

export type ParseErrors = { message: string; at: Range }[];

/** One pipeline segment to parse: the expanded text, the segment's range and significant tokens. */
export interface Segment {
  at: Range;
  tokens: Token[];
}

export interface ParseContext {
  /** The whole expanded search text (spans are offsets into it). */
  text: string;
  seg: Segment;
  /** Is this the search's first command? */
  first: boolean;
  errors: ParseErrors;
  /**
   * Parse the tokens inside a subsearch's brackets as a pipeline (its own errors go to `errors`).
   * `implied`: a first segment without a command word is a search (join, append); appendpipe's
   * subpipeline starts with a command.
   */
  subsearch(tokens: Token[], implied: boolean): import("../ast").Pipeline;
}

/** Thrown by `check` (and the support walk): the reason a construct cannot run faithfully. */
export class Unsupported extends Error {
  constructor(
    readonly code: string,
    readonly reason: string,
    readonly at?: Range,
    readonly level: "none" | "batch" = "none",
    readonly detail?: string,
  ) {
    super(reason);
  }
}

/** The Unsupported for a search-language leaf the parser could not model (a subsearch, an unexpanded macro…). */
export function unsupportedLeaf(e: { what: string; at: Range }, where: string): Unsupported {
  const code = e.what === "subsearch" ? "subsearch" : e.what.startsWith("unexpanded macro") ? "undefined_macro" : "unsupported_command";
  return new Unsupported(code, `${e.what} in ${where} is not run on pasted events`, e.at);
}

export interface CheckContext {
  /** Position of the command in the pipeline (0 = leads the search). */
  index: number;
  /** The expanded search text. */
  text: string;
  /** The commands after this one in its pipeline (a command whose output the engine cannot fill asks whether any reads it). */
  following: readonly CommandNode[];
  /** Check a PCRE pattern (throws Unsupported with code `regex`). */
  regex(pattern: string, at: Range): void;
  /** Check an eval expression's functions and regexes. */
  evalExpr(e: import("../ast").EvalExpr): void;
  /** Check a search-language expression (bare terms, subsearches). */
  searchExpr(e: import("../ast").SearchExpr | null, where: string): void;
  /** Check stats-style aggregations (functions the engine has, their eval expressions). */
  aggregations(aggs: readonly import("../ast").Aggregation[]): void;
  /**
   * Check a subsearch's pipeline as a search of its own (`rows`: it runs over the current rows,
   * as appendpipe's does, so its first command need not lead). Throws what its commands throw.
   */
  subsearch(p: import("../ast").Pipeline, rows: boolean): void;
}

/** Why a search is batch-only: an aggregate over many events, or which rows other events leave. */
export type BatchCode = "batch_aggregate" | "batch_order" | "batch_subsearch";

/**
 * Batch dependence as it flows through the pipeline: the fields whose values depend on other
 * events (count, dc, eventstats…). A command that filters on one makes the search batch-only.
 * The per-event verdict (rows > 0 for the event alone) is faithful when the batch's verdict is
 * the OR of its events' verdicts: every command that could break that says so here.
 */
export interface BatchFlow {
  /** Fields explicitly known to depend on the other events (prefer `has`/`set`). */
  readonly batch: Set<string>;
  /** Does the field's value depend on the other events of the batch? */
  has(field: string): boolean;
  /** The field now holds a value that does (true) or does not (false) depend on other events. */
  set(field: string, dependent: boolean, code?: BatchCode): void;
  /** Fields are renamed (rename): `to(name)` is a field's new name, or null when it keeps it. */
  renameFields(to: (name: string) => string | null): void;
  /**
   * From here on which row a value comes from depends on the other rows (dedup keeps the first
   * of each key, head the first N, a transaction merges events): every field except `keep` is
   * batch-dependent, including fields the check cannot name.
   */
  all(node: CommandNode, code: BatchCode, keep?: readonly string[]): void;
  /** Whether any row comes out at all depends on other events: the search is batch-only. */
  rows(node: CommandNode, code: BatchCode, why: string): never;
  /** The command filters rows reading these fields: throws when one is batch-dependent. */
  filterOn(node: CommandNode, reads: readonly string[]): void;
}

export interface RunContext {
  rt: Runtime;
  /** The events the search runs over (a leading command reads them; subsearches too). */
  events: readonly EventInput[];
  /** Record clause values for explain. */
  trace: boolean;
  /** Clause traces of this stage (explain). */
  predicates: RawTrace[];
  /** A note on the stage (explain), e.g. why a leading command returned nothing. */
  note?: string;
  /** Batch runs only: which events each row stands for (see lineage.ts). */
  lineage?: Lineage;
  /** Batch runs only: notes on how the batch was read (BatchResult.notes). */
  notes?: string[];
  /**
   * Run a subsearch: over the events the search reads (join, append), or over `rows` (appendpipe).
   * Its rows carry lineage like the main pipeline's.
   */
  subsearch(p: import("../ast").Pipeline, rows?: RowData[]): RowData[];
}

export interface CommandSpec<N extends CommandNode = CommandNode> {
  /** The names the command answers to; the first is its canonical name (`node.type`). */
  readonly names: readonly string[];
  /** Can this command lead a search (it reads events rather than rows)? */
  readonly leads?: boolean;
  parse(ctx: ParseContext): N;
  check?(node: N, ctx: CheckContext): void;
  batch?(node: N, flow: BatchFlow): void;
  /** Event fields read when the command leads the search (the derived required fields). */
  reads?(node: N): string[];
  /**
   * No row in, no row out (a streaming or grouping-by command). The runner stops a per-event run
   * at an empty stage, and decides a verdict before a stage it cannot run, only when every later
   * stage keeps an empty input empty. Absent = false (`stats count` without BY makes a row from
   * nothing).
   */
  keepsEmpty?: boolean | ((node: N) => boolean);
  /**
   * `map`: the command returns one row per input row, in order, each made from that row (the
   * runner copies lineage). Otherwise rows passed through keep theirs, and new rows have none
   * unless the command records it (ctx.lineage).
   */
  lineage?: "map";
  run(node: N, rows: RowData[], ctx: RunContext): RowData[];
}

/** A spec with its node type erased, as the table holds it. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnySpec = CommandSpec<any>;
