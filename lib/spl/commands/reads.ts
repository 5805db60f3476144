/**
 * Which fields an expression or an aggregation reads, and how aggregates make fields
 * batch-dependent: shared by the command modules' `batch` and `reads`.
 */
import type { Aggregation, EvalExpr, SearchExpr } from "../ast";
import { walk } from "../eval-lang";
import type { BatchFlow } from "./spec";

/** Aggregates whose value depends on how many events share a group. */
export const BATCH_AGGREGATES: ReadonlySet<string> = new Set([
  "count", "dc", "distinct_count", "estdc", "estdc_error", "sum", "sumsq", "avg", "mean", "median", "mode",
  "stdev", "stdevp", "var", "varp", "range", "perc", "p", "upperperc", "exactperc", "rate", "per_second",
]);

/** Field names a search-language expression compares (left to right). */
export function searchFields(e: SearchExpr | null, out: string[] = []): string[] {
  if (!e) return out;
  if (e.kind === "and" || e.kind === "or") e.children.forEach((c) => searchFields(c, out));
  else if (e.kind === "not") searchFields(e.child, out);
  else if (e.kind === "compare" || e.kind === "in") out.push(e.field);
  return out;
}

/** Field names an eval expression reads. */
export function evalReads(e: EvalExpr): string[] {
  const names: string[] = [];
  walk(e, (n) => { if (n.kind === "field") names.push(n.name); });
  return names;
}

/**
 * An aggregate is batch-dependent when its function counts rows (count, dc, avg, …), when every
 * aggregate is (`all`: eventstats), or when it aggregates a field that is itself batch-dependent
 * (`stats values(stdev) as stdevperhost` after `eventstats stdev(…) as stdev`).
 */
export function addAggregates(flow: BatchFlow, aggs: readonly Aggregation[], all: boolean): void {
  for (const a of aggs) {
    const readsBatch = (a.arg !== undefined && flow.has(a.arg)) || (a.expr !== undefined && evalReads(a.expr).some((r) => flow.has(r)));
    flow.set(a.as, all || readsBatch || BATCH_AGGREGATES.has(a.fn));
  }
}
