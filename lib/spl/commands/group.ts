/**
 * Grouping and aggregation shared by tstats, stats and eventstats: one group per distinct BY tuple
 * (a multivalue BY field puts the item in one group per value); a null BY value either drops the
 * item or, with tstats' fillnull_value, becomes that string (spl-semantics §3.4).
 */
import type { Aggregation } from "../ast";
import { makeAggregator, type Aggregator } from "../aggregates";
import { evalExpr } from "../eval-lang";
import { EngineAbort, fieldOf, type RowData, type Runtime } from "../runtime";
import { isFailure, valuesOf, type EvalValue, type Scalar } from "../values";
import { compareValues } from "./order";

export interface Group<T> {
  key: Scalar[];
  items: T[];
}

export function groupBy<T>(
  items: T[],
  fields: string[],
  get: (item: T, field: string) => Scalar | Scalar[] | undefined,
  fill?: string,
): Group<T>[] {
  if (items.length === 1) {
    const only = singleGroup(items[0]!, fields, get, fill);
    if (only !== undefined) return only;
  }
  const groups = new Map<string, Group<T>>();
  for (const item of items) {
    let keys: Scalar[][] = [[]];
    let dropped = false;
    for (const f of fields) {
      let vs: Scalar[] = valuesOf(get(item, f) ?? null);
      if (vs.length === 0) {
        if (fill === undefined) { dropped = true; break; }
        vs = [fill];
      }
      const next: Scalar[][] = [];
      for (const k of keys) for (const v of vs) next.push([...k, v]);
      keys = next;
    }
    if (dropped) continue;
    for (const key of keys) {
      const id = JSON.stringify(key);
      let g = groups.get(id);
      if (!g) { g = { key, items: [] }; groups.set(id, g); }
      g.items.push(item);
    }
  }
  return [...groups.values()];
}

/**
 * The groups of a lone item when none of its BY values is a multivalue (the per-event case):
 * no group key needs building. Undefined when a multivalue asks for the general path.
 */
function singleGroup<T>(item: T, fields: string[], get: (item: T, field: string) => Scalar | Scalar[] | undefined, fill?: string): Group<T>[] | undefined {
  const key: Scalar[] = [];
  for (const f of fields) {
    let v: Scalar | Scalar[] | null | undefined = get(item, f);
    if (Array.isArray(v)) {
      if (v.length > 1) return undefined;
      v = v[0];
    }
    if (v === undefined || v === null) {
      if (fill === undefined) return [];
      v = fill;
    }
    key.push(v);
  }
  return [{ key, items: [item] }];
}

/**
 * Groups in the order stats and tstats return them: by their BY values, first field first, each
 * compared as `sort` compares (numbers as numbers, else lexicographic) [U: the stats and tstats
 * pages do not state the order; Splunk returns grouped results sorted by the BY fields].
 */
export function inKeyOrder<T>(groups: Group<T>[]): Group<T>[] {
  if (groups.length < 2) return groups;
  return groups.slice().sort((a, b) => {
    for (let i = 0; i < a.key.length; i++) {
      const c = compareValues(a.key[i]!, b.key[i]!);
      if (c !== 0) return c;
    }
    return 0;
  });
}

/** Aggregate one group: `value(item, agg)` gives the value an item contributes, `timeOf` its `_time`. */
export function aggregate<T>(
  aggs: Aggregation[],
  items: T[],
  value: (item: T, agg: Aggregation) => EvalValue | undefined,
  timeOf: (item: T) => EvalValue | undefined,
): Record<string, EvalValue> {
  const out: Record<string, EvalValue> = {};
  for (const agg of aggs) {
    const a = makeAggregator(agg.fn, agg.arg === undefined || agg.expr ? (agg.expr ? "expr" : undefined) : agg.arg);
    if (isFailure(a)) throw new EngineAbort(`aggregation ${agg.fn}(): ${a.failure}`);
    const acc = a as Aggregator;
    for (const item of items) acc.add(value(item, agg), timeOf(item));
    out[agg.as] = acc.result();
  }
  return out;
}

/** The value an aggregation reads from a row: its field, or its eval expression. */
export function aggregationInput(agg: Aggregation, row: RowData, rt: Runtime): EvalValue | undefined {
  if (agg.expr) return evalExpr(agg.expr, row, rt);
  if (agg.arg === undefined) return undefined;
  return fieldOf(row, agg.arg);
}

/** Put an evaluated value into a row (null removes the field). */
export function assign(row: RowData, field: string, v: EvalValue | undefined): void {
  if (v === null || v === undefined) { delete row[field]; return; }
  if (typeof v === "boolean") throw new EngineAbort(`cannot store a boolean in field ${field} (wrap it in if())`);
  row[field] = v;
}

export function spanSeconds(span: string): number | null {
  const m = /^(\d+)\s*(s|sec|secs|second|seconds|m|min|mins|minute|minutes|h|hr|hrs|hour|hours|d|day|days|w|week|weeks)?$/i.exec(span.trim());
  if (!m) return null;
  const n = Number(m[1]);
  const unit = (m[2] ?? "s").toLowerCase()[0];
  const mult = unit === "s" ? 1 : unit === "m" ? 60 : unit === "h" ? 3600 : unit === "d" ? 86400 : 604800;
  return n * mult;
}
