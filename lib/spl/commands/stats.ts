/**
 * `stats` (one row per BY tuple; only BY fields and aggregates remain) and `eventstats` (the same
 * aggregates added to every row of its group). Rows with a null BY value form no group
 * (spl-semantics §6 [U]: documented for tstats, the stats docs are silent).
 */
import type { Aggregation, FieldRef, Range } from "../ast";
import type { RowData, Runtime } from "../runtime";
import { noteUnfilled } from "./unfilled";
import type { Lineage } from "../lineage";
import { aggregate, aggregationInput, assign, groupBy, inKeyOrder } from "./group";
import { is, readAggregations, readFields } from "./parse-helpers";
import { addAggregates } from "./reads";
import type { CommandSpec, ParseContext } from "./spec";

export interface StatsNode {
  /** `stats` or `eventstats`. */
  type: "stats" | "eventstats";
  at: Range;
  aggregations: Aggregation[];
  by: FieldRef[];
}

const rowTime = (r: RowData) => r["_time"];

function parseStats({ text, seg, errors }: ParseContext, variant: "stats" | "eventstats"): StatsNode {
  const toks = seg.tokens;
  const { aggs, next } = readAggregations(text, toks, 1, errors, (t) => is(t, "by"));
  let by: FieldRef[] = [];
  let i = next;
  if (is(toks[i], "by")) {
    const r = readFields(toks, i + 1);
    by = r.fields;
    i = r.next;
  }
  if (i < toks.length) errors.push({ message: `unexpected \`${toks[i]!.text}\` in ${variant}`, at: [toks[i]!.start, toks[i]!.end] });
  return { type: variant, at: seg.at, aggregations: aggs, by };
}

/**
 * A row with a null BY value forms no group: when that field is one the event cannot know (an
 * add-on field the console does not compute), the empty result hinges on it, as for tstats.
 */
function readNullBy(rows: readonly RowData[], by: readonly string[], rt: Runtime): void {
  if (rt.unknown.size === 0) return;
  for (const r of rows) {
    for (const f of by) {
      const v = r[f];
      if (v === undefined || v === null || (Array.isArray(v) && v.length === 0)) rt.read(f);
    }
  }
}

export function runStats(cmd: StatsNode, rows: RowData[], rt: Runtime, lineage?: Lineage): RowData[] {
  const by = cmd.by.map((b) => b.name);
  readNullBy(rows, by, rt);
  const groups = groupBy(rows, by, (r, f) => r[f]);
  if (cmd.type === "stats") {
    // `stats count` over no rows still returns one row with count 0.
    if (by.length === 0 && groups.length === 0) groups.push({ key: [], items: [] });
    return inKeyOrder(groups).map((g) => {
      const row: RowData = {};
      by.forEach((f, i) => { row[f] = g.key[i]!; });
      const values = aggregate(cmd.aggregations, g.items, (r, agg) => aggregationInput(agg, r, rt), rowTime);
      for (const k of Object.keys(values)) assign(row, k, values[k]);
      lineage?.merge(row, g.items);
      return row;
    });
  }
  const out = rows.map((r) => ({ ...r }));
  const index = new Map<RowData, RowData>();
  rows.forEach((r, i) => index.set(r, out[i]!));
  for (const g of groups) {
    const values = aggregate(cmd.aggregations, g.items, (r, agg) => aggregationInput(agg, r, rt), rowTime);
    for (const item of g.items) {
      const target = index.get(item)!;
      for (const k of Object.keys(values)) assign(target, k, values[k]);
    }
  }
  return out;
}

export const stats: CommandSpec<StatsNode> = {
  names: ["stats"],
  parse: (ctx) => parseStats(ctx, "stats"),
  check: (c, ctx) => ctx.aggregations(c.aggregations),
  batch: (c, flow) => addAggregates(flow, c.aggregations, false),
  // Without BY, stats makes one row even from no rows (`count` = 0).
  keepsEmpty: (c) => c.by.length > 0,
  run(c, rows, ctx) {
    noteUnfilled(c.aggregations, ctx);
    return runStats(c, rows, ctx.rt, ctx.lineage);
  },
};

/** `eventstats` is stats whose aggregates are added to each row of the group (all batch-dependent). */
export const eventstats: CommandSpec<StatsNode> = {
  names: ["eventstats"],
  parse: (ctx) => parseStats(ctx, "eventstats"),
  check: (c, ctx) => ctx.aggregations(c.aggregations),
  batch: (c, flow) => addAggregates(flow, c.aggregations, true),
  keepsEmpty: true,
  lineage: "map",
  run(c, rows, ctx) {
    noteUnfilled(c.aggregations, ctx);
    return runStats(c, rows, ctx.rt);
  },
};
