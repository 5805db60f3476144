/**
 * `search` (spl-semantics §2, §6): search-language predicates over rows. Leading a search (the
 * implied first command) it reads raw events (raw-search.ts).
 */
import type { Range, SearchExpr } from "../ast";
import { parseSearchTokens } from "../parse-search";
import { rowExpr, QUIET } from "../search-compile";
import { checkLeading, leadingExpr, rowOfEvent } from "../raw-search";
import { searchFields } from "./reads";
import type { RowData } from "../runtime";
import type { CommandSpec, RunContext } from "./spec";

export interface SearchNode {
  type: "search";
  at: Range;
  /** The implied or explicit first command: it reads raw events. */
  leading: boolean;
  expr: SearchExpr | null;
}

export const search: CommandSpec<SearchNode> = {
  names: ["search"],
  leads: true,
  parse({ seg, first, errors }) {
    const parsed = parseSearchTokens(seg.tokens, 1, seg.tokens.length);
    errors.push(...parsed.errors);
    return { type: "search", at: seg.at, leading: first, expr: parsed.expr };
  },
  check(c, ctx) {
    if (ctx.index === 0) checkLeading(c.expr);
    else if (c.expr?.kind !== "all") ctx.searchExpr(c.expr, "search");
  },
  batch: (c, flow) => flow.filterOn(c, searchFields(c.expr)),
  reads: (c) => searchFields(c.expr),
  keepsEmpty: true,
  run(c, rows, ctx) {
    if (c.leading) return readEvents(c, ctx);
    if (!c.expr) return rows;
    const expr = c.expr;
    const first = rows[0];
    const compiled = rowExpr(expr);
    if (ctx.trace && first) ctx.predicates.push(compiled.trace(first, QUIET));
    return rows.filter((r) => compiled.test(r, ctx.rt));
  },
};

/** A leading search: the events it keeps, each as a row of its fields. */
function readEvents(c: SearchNode, ctx: RunContext): RowData[] {
  const now = ctx.rt.now;
  if (!c.expr) return ctx.events.map((e) => rowOfEvent(e, now));
  const compiled = leadingExpr(c.expr);
  const first = ctx.events[0];
  if (ctx.trace && first) ctx.predicates.push(compiled.trace(rowOfEvent(first, now), QUIET));
  const out: RowData[] = [];
  ctx.events.forEach((e, i) => {
    if (!compiled.test(e.fields, ctx.rt)) return;
    const row = rowOfEvent(e, now);
    ctx.lineage?.event(row, i);
    out.push(row);
  });
  return out;
}

/** The implied search that starts a pipeline without a command word. */
export function impliedSearch(seg: { at: Range; tokens: import("../lex").Token[] }, errors: { message: string; at: Range }[]): SearchNode {
  const parsed = parseSearchTokens(seg.tokens, 0, seg.tokens.length);
  errors.push(...parsed.errors);
  return { type: "search", at: seg.at, leading: true, expr: parsed.expr };
}
