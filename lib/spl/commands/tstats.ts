/**
 * `| tstats … from datamodel=<DM>.<Node> where … by …` over pasted events (spl-semantics §3).
 * Events of the named dataset become rows whose fields carry the `Node.` prefix; the where clause
 * is search language; only BY fields and aggregates survive; `fillnull_value` fills null BY values.
 */
import type { EventInput, FieldRecord } from "../../detection/types";
import { datasetFields, datasetKey, datasetRef, DEFAULT_FIELDS, eventGetter, eventTime, type DatasetRef, type FieldGetter } from "../dataset";
import type { Aggregation, FieldRef, Range, SearchExpr } from "../ast";
import { parseSearchTokens } from "../parse-search";
import type { Token } from "../lex";
import { is, isName, nameOf, readAggregations, readOptions } from "./parse-helpers";
import { addAggregates, searchFields } from "./reads";
import type { CommandSpec, ParseContext } from "./spec";
import { Unsupported } from "./spec";
import { EngineAbort, type RowData, type Runtime } from "../runtime";
import { compileExpr, QUIET, readsField, type CompiledExpr, type FieldRecord as Record_, type RawTrace } from "../search-compile";
import type { Scalar } from "../values";
import type { Lineage } from "../lineage";
import { aggregate, aggregationInput, assign, groupBy, inKeyOrder, spanSeconds } from "./group";

export interface TstatsNode {
  type: "tstats";
  at: Range;
  options: Record<string, string>;
  aggregations: Aggregation[];
  /** As written, e.g. `Endpoint.Processes` or `Web`. */
  datamodel: string;
  datamodelAt: Range;
  where: SearchExpr | null;
  by: FieldRef[];
  span?: string;
}
type Tstats = TstatsNode;

const TSTATS_OPTIONS = new Set(["summariesonly", "allow_old_summaries", "fillnull_value", "prestats", "append", "local", "chunk_size", "include_reduced_buckets"]);

function parseTstats({ text, seg, errors }: ParseContext): TstatsNode {
  const toks = seg.tokens;
  const options: Record<string, string> = {};
  // Options may also follow aggregations (`tstats count summariesonly=t values(x) …`, as an ESCU
  // subsearch writes it): read them wherever they stand before `from`.
  const isOption = (t: Token) => t.kind === "word" && TSTATS_OPTIONS.has(t.text.toLowerCase()) && toks[toks.indexOf(t) + 1]?.text === "=";
  let i = readOptions(toks, 1, TSTATS_OPTIONS, options);
  const aggs: Aggregation[] = [];
  for (;;) {
    const r = readAggregations(text, toks, i, errors, (t) => is(t, "from") || isOption(t));
    aggs.push(...r.aggs);
    const after = readOptions(toks, r.next, TSTATS_OPTIONS, options);
    if (after === r.next) {
      i = r.next;
      break;
    }
    i = after;
  }
  let datamodel = "";
  let datamodelAt: Range = [seg.at[0], seg.at[0]];
  if (is(toks[i], "from")) {
    i++;
    if (is(toks[i], "datamodel")) {
      i++;
      if (toks[i]?.kind === "operator" && toks[i]!.text === "=") i++;
      const dm = toks[i];
      if (isName(dm)) {
        datamodel = nameOf(dm);
        datamodelAt = [dm.start, dm.end];
        i++;
      }
    } else {
      const src = toks[i];
      errors.push({ message: `tstats over \`${src?.text ?? ""}\` (not a data model) is not supported`, at: src ? [src.start, src.end] : seg.at });
    }
  }
  let where = null;
  if (is(toks[i], "where")) {
    const start = i + 1;
    let depth = 0;
    let j = start;
    for (; j < toks.length; j++) {
      const t = toks[j]!;
      if (t.kind === "lparen") depth++;
      if (t.kind === "rparen") depth--;
      if (depth === 0 && is(t, "by")) break;
    }
    const parsed = parseSearchTokens(toks, start, j);
    where = parsed.expr;
    errors.push(...parsed.errors);
    i = j;
  }
  let by: FieldRef[] = [];
  let span: string | undefined;
  if (is(toks[i], "by")) {
    i++;
    while (i < toks.length) {
      const t = toks[i]!;
      if (is(t, "span") && toks[i + 1]?.text === "=" && toks[i + 2]) {
        span = toks[i + 2]!.text;
        i += 3;
        continue;
      }
      if (t.kind === "comma") { i++; continue; }
      if (!isName(t)) break;
      by.push({ name: nameOf(t), at: [t.start, t.end] });
      i++;
    }
  }
  if (i < toks.length) {
    const t = toks[i]!;
    errors.push({ message: `unexpected \`${t.text}\` in tstats`, at: [t.start, t.end] });
  }
  if (!datamodel) errors.push({ message: "tstats without `from datamodel=…`", at: seg.at });
  by = by.filter((f) => f.name !== "");
  return { type: "tstats", at: seg.at, options, aggregations: aggs, datamodel, datamodelAt, where, by, ...(span ? { span } : {}) };
}


/** The dataset a tstats command reads; aborts when the CIM has no such dataset. */
export function tstatsDataset(cmd: Tstats): DatasetRef {
  const ref = datasetRef(cmd.datamodel);
  if (!ref) throw new EngineAbort(`data model ${cmd.datamodel || "(none)"} is not a CIM dataset`, "reads_datamodel");
  return ref;
}

export interface TstatsRun {
  rows: RowData[];
  /** Trace of the where clause for the first event (explain only). */
  trace?: RawTrace;
  /** Why no row came out although events came in: not in the dataset, or a null BY field. */
  empty?: string;
}

/** The first BY field that is null for the item (when no fillnull_value fills it). */
function nullBy(item: Passing, by: readonly { name: string }[], span: number | null): string | undefined {
  for (const b of by) {
    const v = item.by(b.name, span);
    if (v === undefined || (Array.isArray(v) && v.length === 0)) return b.name;
  }
  return undefined;
}

/** An event that passed the where clause, with the reads tstats makes of it. */
class Passing {
  constructor(
    readonly event: EventInput,
    readonly get: FieldGetter,
    private readonly record: FieldRecord,
    private readonly prefix: string,
    private readonly now: number,
    /** The event's position in the events the pipeline reads (lineage). */
    readonly index: number,
  ) {}

  time(): number {
    return eventTime(this.event, this.now);
  }

  /** The whole event as a data-model row (only for aggregations over eval expressions). */
  row(): RowData {
    const row: RowData = {};
    for (const [k, v] of Object.entries(this.record)) row[this.prefix + k] = v;
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

/** Default fields in the where clause are read from the event under these record keys. */
const DEFAULT_KEY = "\u0000";

interface CompiledWhere {
  expr: CompiledExpr;
  /** Does the clause read a default field (then the record is extended per event)? */
  defaults: boolean;
}
const wheres = new WeakMap<SearchExpr, CompiledWhere>();

/** The where clause compiled over the dataset record (prefix stripped), default fields beside it. */
function whereOf(where: SearchExpr, ref: DatasetRef): CompiledWhere {
  let w = wheres.get(where);
  if (!w) {
    const keyOf = (f: string) => datasetKey(f, ref) ?? (DEFAULT_FIELDS.has(f) ? DEFAULT_KEY + f : null);
    w = { expr: compileExpr(where, keyOf), defaults: [...DEFAULT_FIELDS].some((f) => readsField(where, f)) };
    wheres.set(where, w);
  }
  return w;
}

/** The record the where clause reads: the dataset's fields, and the event's default fields. */
function whereRecord(w: CompiledWhere, event: EventInput, record: FieldRecord, now: number): Record_ {
  if (!w.defaults) return record;
  const out: Record<string, unknown> = Object.assign(Object.create(null) as object, record);
  for (const f of DEFAULT_FIELDS) out[DEFAULT_KEY + f] = f === "_time" ? eventTime(event, now) : Object.prototype.hasOwnProperty.call(event.fields, f) ? event.fields[f] : undefined;
  return out as Record_;
}

export function runTstats(cmd: Tstats, events: readonly EventInput[], rt: Runtime, wantTrace: boolean, lineage?: Lineage): TstatsRun {
  const ref = tstatsDataset(cmd);
  const where = cmd.where ? whereOf(cmd.where, ref) : null;
  const prefix = ref.prefixes[ref.prefixes.length - 1]!;
  const fill = cmd.options["fillnull_value"];
  const passing: Passing[] = [];
  let trace: RawTrace | undefined;
  let inDataset = 0;
  for (let index = 0; index < events.length; index++) {
    const event = events[index]!;
    const record = datasetFields(event, ref);
    if (record === undefined) continue;
    inDataset++;
    let ok = true;
    if (where) {
      const input = whereRecord(where, event, record, rt.now);
      if (wantTrace && !trace) trace = where.expr.trace(input, QUIET);
      ok = where.expr.test(input, rt);
    }
    if (ok) passing.push(new Passing(event, eventGetter(event, record, ref, rt.now), record, prefix, rt.now, index));
  }
  const span = cmd.span ? spanSeconds(cmd.span) : null;
  if (cmd.span && span === null) throw new EngineAbort(`tstats span=${cmd.span} is not understood`);
  const groups = groupBy(passing, cmd.by.map((b) => b.name), (item, f) => item.by(f, span), fill);
  let empty: string | undefined;
  if (events.length > 0 && inDataset === 0) empty = `the event is not in the ${cmd.datamodel} dataset`;
  else if (groups.length === 0 && passing.length > 0 && fill === undefined) {
    const field = nullBy(passing[0]!, cmd.by, span);
    if (field !== undefined) {
      rt.read(field);
      empty = `the event passes the where clause, but its BY field ${field} is null, and tstats makes no row for a null BY value (no fillnull_value)`;
    }
  }
  const rows = inKeyOrder(groups).map((g) => {
    const row: RowData = {};
    cmd.by.forEach((b, i) => { row[b.name] = g.key[i]!; });
    const values = aggregate(
      cmd.aggregations,
      g.items,
      (item, agg) => (agg.expr ? aggregationInput(agg, item.row(), rt) : agg.arg === undefined ? undefined : item.get(agg.arg)),
      (item) => item.time(),
    );
    for (const k of Object.keys(values)) assign(row, k, values[k]);
    lineage?.events(row, g.items.map((item) => item.index));
    return row;
  });
  return { rows, ...(trace ? { trace } : {}), ...(empty ? { empty } : {}) };
}

export const tstats: CommandSpec<TstatsNode> = {
  names: ["tstats"],
  leads: true,
  parse: parseTstats,
  check(c, ctx) {
    if (ctx.index > 0) throw new Unsupported("unsupported_command", "tstats after the first command", c.at, "none", "tstats");
    if (!datasetRef(c.datamodel)) {
      throw new Unsupported("reads_datamodel", `reads data model ${c.datamodel || "(none)"}, which is not a CIM dataset the console knows`, c.datamodelAt, "none", c.datamodel);
    }
    for (const opt of ["prestats", "append"]) {
      if (/^(t|true|1)$/i.test(c.options[opt] ?? "")) throw new Unsupported("unsupported_option", `tstats ${opt}=${c.options[opt]} is not modelled`, c.at, "none", `tstats ${opt}`);
    }
    ctx.searchExpr(c.where, "the tstats where clause");
    ctx.aggregations(c.aggregations);
  },
  batch: (c, flow) => addAggregates(flow, c.aggregations, false),
  reads(c) {
    const ref = datasetRef(c.datamodel);
    const out = searchFields(c.where);
    c.by.forEach((b) => out.push(b.name));
    c.aggregations.forEach((a) => a.arg !== undefined && !a.expr && out.push(a.arg));
    return out.map((f) => (ref ? datasetKey(f, ref) : null) ?? f).filter((f) => f !== "_time" && !f.includes("("));
  },
  run(c, _rows, ctx) {
    const r = runTstats(c, ctx.events, ctx.rt, ctx.trace, ctx.lineage);
    if (r.trace) ctx.predicates.push(r.trace);
    if (r.empty) ctx.note = r.empty;
    return r.rows;
  },
};
