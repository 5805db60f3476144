/**
 * `stats` (one row per BY tuple; only BY fields and aggregates remain) and `eventstats` (the same
 * aggregates added to every row of its group). Rows with a null BY value form no group
 * (spl-semantics §6 [U]: documented for tstats, the stats docs are silent).
 */
import type { Command } from "../ast";
import type { RowData, Runtime } from "../runtime";
import { aggregate, aggregationInput, assign, groupBy } from "./group";

const rowTime = (r: RowData) => r["_time"];

type Stats = Extract<Command, { type: "stats" }>;

export function runStats(cmd: Stats, rows: RowData[], rt: Runtime): RowData[] {
  const by = cmd.by.map((b) => b.name);
  const groups = groupBy(rows, by, (r, f) => r[f]);
  if (cmd.variant === "stats") {
    // `stats count` over no rows still returns one row with count 0.
    if (by.length === 0 && groups.length === 0) groups.push({ key: [], items: [] });
    return groups.map((g) => {
      const row: RowData = {};
      by.forEach((f, i) => { row[f] = g.key[i]!; });
      const values = aggregate(cmd.aggregations, g.items, (r, agg) => aggregationInput(agg, r, rt), rowTime);
      for (const k of Object.keys(values)) assign(row, k, values[k]);
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
