/**
 * Static support check: can this pipeline run faithfully on pasted events? If not, the exact
 * construct, why, and a reason code (lib/detection/reasons.ts). Also classifies searches whose
 * verdict depends on other events (`batch`): a filter that reads an aggregate such as `count` or
 * `dc` over many events. Each command module says what it cannot run (check) and how it moves
 * batch-dependent fields (batch); this file walks the pipeline and holds the shared checks.
 */
import type { Aggregation, EvalExpr, Pipeline, Range, SearchExpr } from "./ast";
import { isPercentile, makeAggregator } from "./aggregates";
import { readerOf } from "./commands/unfilled";
import { specOf, type Command } from "./commands/index";
import { Unsupported, unsupportedLeaf, type BatchCode, type BatchFlow, type CheckContext, type CommandNode } from "./commands/spec";
import { knownFunction, walk } from "./eval-lang";
import { lex, significant } from "./lex";
import type { Expansion } from "./macros";
import { parseSearchTokens } from "./parse-search";
import { compilePcre } from "./regex";
import { isFailure } from "./values";

export type RawSupport =
  | { level: "event" }
  | { level: "batch" | "none"; reason: string; code: string; detail?: string; at?: Range; decide?: Decidable };

function checkSearchExpr(e: SearchExpr | null, where: string): void {
  if (!e) return;
  switch (e.kind) {
    case "and": case "or": e.children.forEach((c) => checkSearchExpr(c, where)); return;
    case "not": checkSearchExpr(e.child, where); return;
    case "term": throw new Unsupported("bare_term", `bare term "${e.text}" in ${where} matches raw event text, which data-model rows do not carry`, e.at);
    case "unsupported":
      throw unsupportedLeaf(e, where);
    default: return;
  }
}

function checkRegex(pattern: string, at: Range): void {
  const r = compilePcre(pattern);
  if (!r.ok) throw new Unsupported("regex", `regular expression /${pattern}/: ${r.reason}`, at);
}

function checkEvalExpr(e: EvalExpr): void {
  walk(e, (n) => {
    if (n.kind !== "call") return;
    if (!knownFunction(n.name)) throw new Unsupported("unsupported_function", `eval function ${n.name}() is not supported by the engine`, n.at, "none", n.name);
    const [, second] = n.args;
    if ((n.name === "match" || n.name === "replace") && second?.kind === "string") checkRegex(second.value, second.at);
    if (n.name === "searchmatch") {
      const q = n.args[0];
      if (q?.kind !== "string") throw new Unsupported("unsupported_function", "searchmatch() with a computed query", n.at, "none", "searchmatch");
      const parsed = parseSearchTokens(significant(lex(q.value)));
      checkSearchExpr(parsed.expr, "searchmatch()");
    }
  });
}

function checkAggregations(aggs: readonly Aggregation[], text: string, following: readonly Command[]): void {
  for (const a of aggs) {
    const reader = isPercentile(a.fn) ? readerOf([a.as], following, text) : null;
    if (reader) throw new Unsupported("unsupported_aggregation", `aggregation ${a.fn}() is approximated by Splunk in a way the engine does not reproduce, and \`${text.slice(reader.at[0], Math.min(reader.at[1], reader.at[0] + 60))}\` reads ${a.as}`, a.at, "none", a.fn);
    const agg = makeAggregator(a.fn, a.expr ? "expr" : a.arg);
    if (isFailure(agg)) throw new Unsupported("unsupported_aggregation", `aggregation ${a.fn}(): ${agg.failure}`, a.at, "none", a.fn);
    if (a.expr) checkEvalExpr(a.expr);
  }
}

/** The command as written, shortened for a reason sentence. */
function snippetOf(text: string, c: CommandNode): string {
  const snippet = text.slice(c.at[0], c.at[1]).replace(/\s+/g, " ");
  return snippet.length > 80 ? `${snippet.slice(0, 77)}…` : snippet;
}

/**
 * Follow batch-dependent fields through the pipeline; a filter on one makes the search
 * batch-only. After `all` (dedup, head, transaction…) every field not kept is batch-dependent.
 */
class Flow implements BatchFlow {
  readonly batch = new Set<string>();
  private readonly codes = new Map<string, BatchCode>();
  /** Set by `all`: its code and the command that made every field batch-dependent. */
  private every: { code: BatchCode; after: string } | null = null;
  /** Under `all`: fields known to hold the row's own value. */
  private clean = new Set<string>();

  constructor(private readonly text: string) {}

  has(field: string): boolean {
    return this.batch.has(field) || (this.every !== null && !this.clean.has(field));
  }

  set(field: string, dependent: boolean, code: BatchCode = "batch_aggregate"): void {
    if (dependent) {
      this.batch.add(field);
      this.codes.set(field, code);
      this.clean.delete(field);
    } else {
      this.batch.delete(field);
      this.clean.add(field);
    }
  }

  renameFields(to: (name: string) => string | null): void {
    for (const set of [this.batch, this.clean]) {
      for (const f of [...set]) {
        const n = to(f);
        if (n === null) continue;
        set.delete(f);
        set.add(n);
        const code = this.codes.get(f);
        if (code && set === this.batch) this.codes.set(n, code);
      }
    }
  }

  all(node: CommandNode, code: BatchCode, keep: readonly string[] = []): void {
    this.clean = new Set(keep.filter((k) => !this.has(k)));
    this.every = { code, after: snippetOf(this.text, node) };
  }

  rows(node: CommandNode, code: BatchCode, why: string): never {
    throw new Unsupported(code, `\`${snippetOf(this.text, node)}\` ${why}: its verdict depends on the other events in the batch`, node.at, "batch", node.type);
  }

  filterOn(node: CommandNode, reads: readonly string[]): void {
    const hit = reads.find((r) => this.has(r));
    if (hit === undefined) return;
    const shown = snippetOf(this.text, node);
    if (this.batch.has(hit) || this.every === null) {
      const code = this.codes.get(hit) ?? "batch_aggregate";
      const what = code === "batch_order" ? "a value that depends on the other events (order, windows)" : "an aggregate over many events";
      throw new Unsupported(code, `\`${shown}\` reads ${hit}, ${what}: its verdict depends on the other events in the batch`, node.at, "batch", hit);
    }
    throw new Unsupported(this.every.code, `\`${shown}\` reads ${hit}, which after \`${this.every.after}\` depends on the other events: its verdict depends on the other events in the batch`, node.at, "batch", hit);
  }
}

/** Does this stage turn an empty input into an empty output? */
export function keepsEmpty(c: Command): boolean {
  const k = specOf(c).keepsEmpty;
  return typeof k === "function" ? k(c) : k === true;
}

/**
 * A search with a stage that cannot run may still have a known verdict: when the stages before it
 * leave no row, and no stage from it on can make a row out of nothing, the search returns nothing
 * whatever that stage would do. `until` is that stage; `perEvent`: the stages before it are
 * faithful per event (no batch-dependent filter among them).
 */
export interface Decidable {
  until: number;
  perEvent: boolean;
}

function decidable(p: Pipeline, until: number, text: string): Decidable | undefined {
  if (until < 1) return undefined;
  for (let i = until; i < p.commands.length; i++) if (!keepsEmpty(p.commands[i]!)) return undefined;
  const flow = new Flow(text);
  try {
    for (let i = 0; i < until; i++) specOf(p.commands[i]!).batch?.(p.commands[i]!, flow);
    return { until, perEvent: true };
  } catch {
    return { until, perEvent: false };
  }
}

function supportOf(e: unknown): RawSupport {
  if (e instanceof Unsupported) return { level: e.level, reason: e.reason, code: e.code, ...(e.detail ? { detail: e.detail } : {}), ...(e.at ? { at: e.at } : {}) };
  return { level: "none", reason: `internal error while checking the search: ${String(e)}`, code: "internal_error" };
}

/** `following`: the commands after this one, then those after the command whose subsearch holds it. */
function checkContext(index: number, text: string, following: readonly Command[]): CheckContext {
  return { index, text, following, regex: checkRegex, evalExpr: checkEvalExpr, searchExpr: checkSearchExpr, aggregations: (aggs) => checkAggregations(aggs, text, following), subsearch: (p, rows) => checkSubsearch(p, rows, text, following) };
}

/** A subsearch's commands, checked as a search of their own (over the current rows: from index 1). */
function checkSubsearch(p: Pipeline, rows: boolean, text: string, after: readonly Command[]): void {
  p.commands.forEach((c, i) => specOf(c).check?.(c, checkContext(rows ? i + 1 : i, text, [...p.commands.slice(i + 1), ...after])));
}

export function checkSupport(p: Pipeline, expansion: Expansion): RawSupport {
  const macroError = expansion.errors[0];
  if (macroError) return supportOf(new Unsupported("undefined_macro", macroError.message, macroError.at));
  const parseError = p.errors[0];
  if (parseError) return supportOf(new Unsupported("parse_error", `the search could not be parsed: ${parseError.message}`, parseError.at));
  const text = expansion.text;
  for (let index = 0; index < p.commands.length; index++) {
    const c = p.commands[index]!;
    try {
      specOf(c).check?.(c, checkContext(index, text, p.commands.slice(index + 1)));
    } catch (e) {
      const s = supportOf(e);
      if (s.level !== "none") return s;
      const decide = decidable(p, index, text);
      return decide ? { ...s, decide } : s;
    }
  }
  try {
    const flow = new Flow(text);
    for (const c of p.commands) specOf(c).batch?.(c, flow);
    return { level: "event" };
  } catch (e) {
    return supportOf(e);
  }
}

const HIDDEN = /^(source|sourcetype|index|eventtype|host)$/;

/** The fields the search reads from events (data-model prefix removed), for "required fields". */
export function fieldsRead(p: Pipeline): string[] {
  const first = p.commands[0];
  if (!first) return [];
  const out = specOf(first).reads?.(first) ?? [];
  if (first.type === "tstats") return unique(out);
  if (first.type === "search") {
    const stats = p.commands.find((c) => c.type === "stats");
    if (stats?.type === "stats") {
      stats.by.forEach((b) => out.push(b.name));
      stats.aggregations.forEach((a) => a.arg !== undefined && !a.expr && out.push(a.arg));
    }
  }
  return unique(out.filter((f) => f !== "_time" && f !== "_raw" && !HIDDEN.test(f)));
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
