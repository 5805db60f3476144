/**
 * The search language over rows (spl-semantics §2), for the interpreter: `evalSearch` answers,
 * `traceSearch` records every clause's value. Both run the one compiled form (search-compile.ts),
 * so the interpreter, the per-event gates and the screens share every rule.
 */
import type { SearchExpr } from "./ast";
import type { RowData, Runtime } from "./runtime";
import { QUIET, rowExpr, type RawTrace } from "./search-compile";

export type { RawTrace } from "./search-compile";

/** Evaluate over a row (the fast path): missing fields are reported to `rt` (hinges). */
export function evalSearch(expr: SearchExpr, row: RowData, rt: Runtime): boolean {
  return rowExpr(expr).test(row, rt);
}

/** Evaluate every clause (no short circuit) and record each one's value; reads are not hinges. */
export function traceSearch(expr: SearchExpr, row: RowData): RawTrace {
  return rowExpr(expr).trace(row, QUIET);
}
