/**
 * Small-batch thresholds: a batch-only search whose deciding filter (the one support.ts names)
 * compares a row count or a distinct count from the last stats/tstats with `<` / `<=` a number.
 * Any batch small enough meets it: `| tstats dc(Processes.dest) as dc_dest … | search dc_dest < 10`
 * passes every group of a batch that holds fewer than 10 distinct dest values. Derived from the
 * parsed pipeline only; anything the walk cannot follow exactly gives no threshold.
 */
import type { BatchThreshold } from "../detection/types";
import type { EvalExpr, Pipeline, Range } from "./ast";
import { specOf, type Command } from "./commands/index";
import { renamedField } from "./commands/rename";
import type { BatchFlow } from "./commands/spec";

/** Stages before the stats that never make more rows than events (count counts events). */
const ROW_PRESERVING = new Set(["search", "where", "eval", "rename", "fields", "table", "convert", "fillnull", "rex", "regex", "spath", "lookup", "dedup", "head", "sort", "bin"]);
/** Stages after the filter that can never turn rows into no row. */
const KEEPS_A_ROW = new Set(["rename", "convert", "eval", "fields", "table", "fillnull", "sort"]);

class Lost extends Error {}

/** Records which fields a stage writes (its `batch` hook); gives up on row-wide changes. */
class WriteFlow implements BatchFlow {
  readonly batch = new Set<string>();
  constructor(private readonly name: string, private readonly written: Set<string>) {}
  has(): boolean {
    return false;
  }
  set(field: string): void {
    if (field === this.name) throw new Lost();
    this.written.add(field);
  }
  renameFields(): void {
    throw new Lost();
  }
  all(): void {
    throw new Lost();
  }
  rows(): never {
    throw new Lost();
  }
  filterOn(): void {}
}

/**
 * The aggregate's name at the filter, or undefined when a stage in between changes or hides it.
 * `fields`: every field the stats outputs; stages add what they write. A rename that lands another
 * field on the name (or a missing one: Splunk then nulls the target) loses it.
 */
function nameAt(start: string, fields: readonly string[], between: readonly Command[]): string | undefined {
  let name = start;
  const present = new Set(fields);
  try {
    for (const c of between) {
      if (c.type !== "rename") {
        specOf(c).batch?.(c, new WriteFlow(name, present));
        continue;
      }
      for (const p of c.pairs) {
        if (!p.to.includes("*") && p.to === name && p.from !== name) return undefined;
        const moved = [...present].map((f) => renamedField(p.from, p.to, f) ?? f);
        const next = renamedField(p.from, p.to, name) ?? name;
        if (moved.filter((f) => f === next).length !== 1) return undefined;
        name = next;
        present.clear();
        moved.forEach((f) => present.add(f));
      }
    }
    return name;
  } catch (e) {
    if (e instanceof Lost) return undefined;
    throw e;
  }
}

/** `field < N`, `field <= N`, `N > field`, `N >= field` → the first count that fails. */
function limitOf(op: string, n: number, fieldLeft: boolean): number | undefined {
  if (!Number.isFinite(n)) return undefined;
  const o = fieldLeft ? op : ({ ">": "<", ">=": "<=" } as Record<string, string>)[op];
  if (o === "<") return Math.ceil(n);
  if (o === "<=") return Math.floor(n) + 1;
  return undefined;
}

function whereLimit(e: EvalExpr, field: string): number | undefined {
  if (e.kind !== "binary") return undefined;
  if (e.left.kind === "field" && e.left.name === field && e.right.kind === "number") return limitOf(e.op, e.right.value, true);
  if (e.right.kind === "field" && e.right.name === field && e.left.kind === "number") return limitOf(e.op, e.left.value, false);
  return undefined;
}

/** The filter's limit when it is exactly one such comparison on `field`. */
function filterLimit(c: Command, field: string): number | undefined {
  if (c.type === "where") return whereLimit(c.expr, field);
  if (c.type !== "search" || c.leading || c.expr?.kind !== "compare") return undefined;
  const e = c.expr;
  const n = Number(e.value.value);
  return e.field === field && e.value.value.trim() !== "" ? limitOf(e.op, n, true) : undefined;
}

function keepsARow(c: Command): boolean {
  if (c.type === "search") return !c.leading && (c.expr === null || c.expr.kind === "all");
  return KEEPS_A_ROW.has(c.type);
}

/**
 * The threshold of the batch filter at `filterAt` reading `field` (support.ts: the range and
 * detail of a `batch` support), or undefined when it is not a small-batch threshold.
 */
export function smallBatchThreshold(p: Pipeline, text: string, filterAt: Range, field: string): BatchThreshold | undefined {
  const f = p.commands.findIndex((c) => c.at[0] === filterAt[0] && c.at[1] === filterAt[1]);
  if (f < 1) return undefined;
  let s = f - 1;
  while (s >= 0 && p.commands[s]!.type !== "stats" && p.commands[s]!.type !== "tstats") s--;
  const stats = p.commands[s];
  if (!stats || (stats.type !== "stats" && stats.type !== "tstats")) return undefined;
  if (!p.commands.slice(0, s).every((c) => ROW_PRESERVING.has(c.type))) return undefined;
  const limit = filterLimit(p.commands[f]!, field);
  if (limit === undefined || limit < 1) return undefined;
  for (const a of stats.aggregations) {
    const fn = a.fn === "c" ? "count" : a.fn === "distinct_count" ? "dc" : a.fn;
    if ((fn !== "count" && fn !== "dc") || a.expr) continue;
    if (fn === "count" && a.arg !== undefined) continue; // count(field) counts rows with the field, still ≤ events
    if (fn === "dc" && a.arg === undefined) continue;
    const outputs = [...stats.by.map((b) => b.name), ...stats.aggregations.map((x) => x.as)];
    if (nameAt(a.as, outputs, p.commands.slice(s + 1, f)) !== field) continue;
    const at = p.commands[f]!.at;
    const clause = text.slice(at[0], at[1]).replace(/^\s*(search|where)\s+/i, "").replace(/\s+/g, " ").trim();
    return { aggregate: fn, ...(a.arg !== undefined ? { field: a.arg } : {}), below: limit, clause, fires: [...p.commands.slice(s + 1, f), ...p.commands.slice(f + 1)].every(keepsARow) };
  }
  return undefined;
}
