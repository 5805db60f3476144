/**
 * `| tstats … from datamodel=<DM>.<Node> where … by …` over pasted events (spl-semantics §3).
 * Events of the named dataset become rows whose fields carry the `Node.` prefix; the where clause
 * is search language; only BY fields and aggregates survive; `fillnull_value` fills null BY values.
 */
import type { EventInput } from "../api";
import type { Command } from "../ast";
import { EngineAbort, fieldOf, quietRuntime, type RowData, type Runtime } from "../runtime";
import { evalSearch, traceSearch, type FieldGetter, type RawTrace } from "../search-lang";
import { parseNumeric, type Scalar } from "../values";
import { aggregate, aggregationInput, assign, groupBy, spanSeconds } from "./group";

type Tstats = Extract<Command, { type: "tstats" }>;

/** `Endpoint.Processes` → `Processes`; `Web` → `Web`. */
export function nodeName(datamodel: string): string {
  return datamodel.slice(datamodel.lastIndexOf(".") + 1);
}

export function eventTime(event: EventInput, now: number): number {
  const t = event.fields["_time"];
  const n = typeof t === "number" ? t : typeof t === "string" ? parseNumeric(t) : null;
  return n ?? now;
}

/**
 * Field names with their prefix stripped, cached by name: the same (already hashed) string is used
 * for every lookup, instead of a fresh slice per access.
 */
const stripped = new Map<string, { prefix: string; bare: string | null }>();
function stripPrefix(name: string, prefix: string): string | null {
  let e = stripped.get(name);
  if (e === undefined || e.prefix !== prefix) {
    e = { prefix, bare: name.startsWith(prefix) ? name.slice(prefix.length) : null };
    if (stripped.size < 20000) stripped.set(name, e);
  }
  return e.bare;
}

export function eventGetter(event: EventInput, prefix: string, now: number): (name: string) => Scalar | Scalar[] | undefined {
  const fields = event.fields;
  return (name) => {
    const bare = stripPrefix(name, prefix);
    if (bare !== null) return fieldOf(fields, bare);
    if (name === "_time") return eventTime(event, now);
    return undefined;
  };
}

export function sameDataset(a: string, b: string): boolean {
  return a === b || a.toLowerCase() === b.toLowerCase();
}

export interface TstatsRun {
  rows: RowData[];
  /** Trace of the where clause for the first event (explain only). */
  trace?: RawTrace;
}

/** An event that passed the where clause, with the reads tstats makes of it. */
class Passing {
  constructor(
    readonly event: EventInput,
    readonly get: FieldGetter,
    private readonly prefix: string,
    private readonly now: number,
  ) {}

  time(): number {
    return eventTime(this.event, this.now);
  }

  /** The whole event as a data-model row (only for aggregations over eval expressions). */
  row(): RowData {
    const row: RowData = {};
    for (const [k, v] of Object.entries(this.event.fields)) row[this.prefix + k] = v;
    row["_time"] = this.time();
    return row;
  }

  /** A BY value: `_time` is bucketed by span when one is given. */
  by(field: string, span: number | null): Scalar | Scalar[] | undefined {
    const v = this.get(field);
    if (field === "_time" && span && typeof v === "number") return Math.floor(v / span) * span;
    return v;
  }
}

export function runTstats(cmd: Tstats, events: EventInput[], rt: Runtime, wantTrace: boolean): TstatsRun {
  const prefix = `${nodeName(cmd.datamodel)}.`;
  const fill = cmd.options["fillnull_value"];
  const passing: Passing[] = [];
  let trace: RawTrace | undefined;
  for (const event of events) {
    if (!sameDataset(event.dataset, cmd.datamodel)) continue;
    const get = eventGetter(event, prefix, rt.now);
    let ok: boolean;
    if (cmd.where && wantTrace && !trace) trace = traceSearch(cmd.where, get, quietRuntime(rt));
    ok = cmd.where ? evalSearch(cmd.where, get, rt) : true;
    if (ok) passing.push(new Passing(event, get, prefix, rt.now));
  }
  const span = cmd.span ? spanSeconds(cmd.span) : null;
  if (cmd.span && span === null) throw new EngineAbort(`tstats span=${cmd.span} is not understood`);
  const groups = groupBy(passing, cmd.by.map((b) => b.name), (item, f) => item.by(f, span), fill);
  const rows = groups.map((g) => {
    const row: RowData = {};
    cmd.by.forEach((b, i) => { row[b.name] = g.key[i]!; });
    const values = aggregate(
      cmd.aggregations,
      g.items,
      (item, agg) => (agg.expr ? aggregationInput(agg, item.row(), rt) : agg.arg === undefined ? undefined : item.get(agg.arg)),
      (item) => item.time(),
    );
    for (const k of Object.keys(values)) assign(row, k, values[k]);
    return row;
  });
  return trace ? { rows, trace } : { rows };
}
