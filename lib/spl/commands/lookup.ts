/**
 * `lookup [local=b] [update=b] <table> (<lookup-field> [AS <event-field>])… [OUTPUT|OUTPUTNEW
 * (<lookup-destfield> [AS <event-destfield>])…]`
 * [V cmd:lookup: https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/lookup]
 * with the definition's matching rules (lookup-match.ts, [V lookup-rules]):
 * - no OUTPUT clause: every field of the table except the match fields is output;
 * - OUTPUT overwrites the event's fields; OUTPUTNEW is not performed on an event that has the
 *   output fields (and one that has some of them is not guessed);
 * - several matching rows give multivalue fields (table order; empty cells give no value);
 * - fewer matches than `min_matches` (default 0): `default_match` (default "") fills the output.
 * What the pages leave open is not guessed: the run stops with a reason (multivalue input, OUTPUT
 * over an existing field with no match, an absent input field under min_matches).
 * The table comes from the content context (bindLookups); a table nobody supplied is `needs_lookup`.
 */
import { hasTable, tableOf, type LookupSource, type LookupTable } from "../../detection/lookups";
import type { Pipeline, Range } from "../ast";
import { columnOf, rowMatcher } from "../lookup-match";
import { EngineAbort, fieldOf, type RowData } from "../runtime";
import { scalarToString, type Scalar } from "../values";
import { is, isName, nameOf } from "./parse-helpers";
import { Unsupported, type CommandSpec, type ParseContext } from "./spec";

export interface FieldPair {
  /** The table's field. */
  table: string;
  /** The event's field (the same name unless `AS`). */
  event: string;
  at: Range;
}

export interface LookupNode {
  type: "lookup";
  at: Range;
  table: string;
  tableAt: Range;
  match: FieldPair[];
  mode: "OUTPUT" | "OUTPUTNEW" | "all";
  outputs: FieldPair[];
  /** Bound at compile time from the content context (absent: nobody supplied the table). */
  source?: LookupSource;
}

/** `a [AS b]` pairs separated by spaces or commas, until a stop word. */
export function readPairs(ctx: ParseContext, i: number, stop: (w: string) => boolean, out: FieldPair[]): number {
  const toks = ctx.seg.tokens;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.kind === "comma") { i++; continue; }
    if (!isName(t) || (t.kind === "word" && stop(t.text.toLowerCase()))) break;
    if (is(toks[i + 1], "as") && isName(toks[i + 2])) {
      out.push({ table: nameOf(t), event: nameOf(toks[i + 2]!), at: [t.start, toks[i + 2]!.end] });
      i += 3;
    } else {
      out.push({ table: nameOf(t), event: nameOf(t), at: [t.start, t.end] });
      i++;
    }
  }
  return i;
}

function parseLookup(ctx: ParseContext): LookupNode {
  const { seg, errors } = ctx;
  const toks = seg.tokens;
  let i = 1;
  while (toks[i]?.kind === "word" && /^(local|update)$/i.test(toks[i]!.text) && toks[i + 1]?.text === "=") i += 3;
  const name = toks[i];
  const node: LookupNode = { type: "lookup", at: seg.at, table: name && isName(name) ? nameOf(name) : "", tableAt: name ? [name.start, name.end] : seg.at, match: [], mode: "all", outputs: [] };
  if (!name || !isName(name)) {
    errors.push({ message: "lookup expects a lookup table name", at: seg.at });
    return node;
  }
  const isOutput = (w: string) => w === "output" || w === "outputnew";
  i = readPairs(ctx, i + 1, isOutput, node.match);
  if (node.match.length === 0) errors.push({ message: "lookup expects at least one lookup field", at: seg.at });
  const t = toks[i];
  if (t && t.kind === "word" && isOutput(t.text.toLowerCase())) {
    node.mode = t.text.toLowerCase() === "output" ? "OUTPUT" : "OUTPUTNEW";
    i = readPairs(ctx, i + 1, () => false, node.outputs);
    if (node.outputs.length === 0) errors.push({ message: `${t.text} expects at least one field`, at: [t.start, t.end] });
  }
  if (i < toks.length) errors.push({ message: `unexpected \`${toks[i]!.text}\` in lookup`, at: [toks[i]!.start, toks[i]!.end] });
  return node;
}

const isPipeline = (v: unknown): v is Pipeline => typeof v === "object" && v !== null && Array.isArray((v as Pipeline).commands) && Array.isArray((v as Pipeline).errors);

/**
 * Give every lookup of the pipeline its source from the content context (by name or file name),
 * in subsearches too (a command's node holding a pipeline: join, append…).
 */
export function bindLookups(p: Pipeline, lookups: ReadonlyMap<string, LookupSource> | undefined): void {
  if (!lookups) return;
  for (const c of p.commands) {
    if (c.type === "lookup" || c.type === "inputlookup") {
      const s = lookups.get(c.table);
      if (s) c.source = s;
    }
    for (const v of Object.values(c)) if (isPipeline(v)) bindLookups(v, lookups);
  }
}

/** The tables a pipeline's lookup and inputlookup commands name (subsearches included), once each. */
export function tablesIn(p: Pipeline, out = new Set<string>()): string[] {
  for (const c of p.commands) {
    if (c.type === "lookup" || c.type === "inputlookup") out.add(c.table);
    for (const v of Object.values(c)) if (isPipeline(v)) tablesIn(v, out);
  }
  return [...out];
}

/** The sentence for a table that is not available, naming it. */
export function missingTable(name: string, s: LookupSource | undefined, command = "lookup"): string {
  const what = s?.collection ? `is a KV store collection (\`${s.collection}\`) that Splunk fills at run time` : s ? "has no table in the content" : "is not defined in the content (an add-on or Enterprise Security ships it)";
  return `\`${command}\`: lookup table \`${name}\` ${what}: supply it as a CSV file to test`;
}

function checkLookup(c: LookupNode): void {
  if (!c.source || !hasTable(c.source)) throw new Unsupported("needs_lookup", missingTable(c.table, c.source), c.tableAt, "none", c.table);
}

/** The table, checked against the command's fields (an empty table is a table: nothing matches). */
function loadTable(c: LookupNode): LookupTable {
  const t = c.source ? tableOf(c.source) : null;
  if (!t) throw new EngineAbort(missingTable(c.table, c.source), "needs_lookup");
  for (const f of [...c.match, ...c.outputs]) {
    if (columnOf(t, f.table) < 0) throw new EngineAbort(`lookup table \`${c.table}\` has no field \`${f.table}\``, "needs_lookup");
  }
  return t;
}

function outputsOf(c: LookupNode, t: LookupTable): FieldPair[] {
  if (c.mode !== "all") return c.outputs;
  const matched = new Set(c.match.map((m) => m.table));
  return t.fields.filter((f) => f !== "" && !matched.has(f)).map((f) => ({ table: f, event: f, at: c.at }));
}

const present = (v: Scalar | Scalar[] | undefined) => v !== undefined && !(Array.isArray(v) && v.length === 0);

export function runLookup(c: LookupNode, rows: RowData[], read?: (f: string) => void): RowData[] {
  if (rows.length === 0) return rows;
  const t = loadTable(c);
  const def = c.source!;
  const outs = outputsOf(c, t).map((o) => ({ ...o, col: columnOf(t, o.table) }));
  const matcher = rowMatcher(t, def, c.match.map((m) => m.table));
  const min = def.minMatches ?? 0;
  return rows.map((row) => {
    const values: string[] = [];
    for (const m of c.match) {
      read?.(m.event);
      const v = fieldOf(row, m.event);
      if (Array.isArray(v) && v.length > 1) throw new EngineAbort(`lookup \`${c.table}\`: \`${m.event}\` is multivalue, and how Splunk looks up several values is not documented`, "unsupported_option");
      if (!present(v)) {
        if (min > 0) throw new EngineAbort(`lookup \`${c.table}\`: \`${m.event}\` is absent, and whether Splunk applies default_match then is not documented`, "unsupported_option");
        return row;
      }
      const one = Array.isArray(v) ? v[0] : v;
      values.push(one === undefined ? "" : scalarToString(one));
    }
    if (c.mode === "OUTPUTNEW") {
      const has = outs.filter((o) => present(fieldOf(row, o.event))).length;
      if (has === outs.length) return row;
      if (has > 0) throw new EngineAbort(`lookup \`${c.table}\` OUTPUTNEW: the event has some of the output fields but not all; the documentation does not say whether Splunk then performs the lookup`, "unsupported_option");
    }
    const hits = matcher.rows(values);
    const out: RowData = { ...row };
    for (const o of outs) {
      const got = hits.map((r) => t.rows[r]![o.col] ?? "").filter((x) => x !== "");
      while (hits.length < min && got.length < min) got.push(def.defaultMatch ?? "");
      if (got.length === 0) {
        if (present(fieldOf(row, o.event))) throw new EngineAbort(`lookup \`${c.table}\` OUTPUT \`${o.event}\`: no row matches and the event already has the field; the documentation does not say whether Splunk keeps or clears it`, "unsupported_option");
        continue;
      }
      out[o.event] = got.length === 1 ? got[0]! : got;
    }
    return out;
  });
}

export const lookup: CommandSpec<LookupNode> = {
  names: ["lookup"],
  parse: parseLookup,
  check: checkLookup,
  batch(c, flow) {
    // A row's outputs come from its own match values: they depend on other events exactly when
    // a match field does (OUTPUTNEW may keep an existing value, and its dependence).
    const dependent = c.match.some((m) => flow.has(m.event));
    if (c.mode === "all") {
      if (dependent) flow.all(c, "batch_aggregate", []);
      return;
    }
    for (const o of c.outputs) flow.set(o.event, dependent || (c.mode === "OUTPUTNEW" && flow.has(o.event)));
  },
  keepsEmpty: true,
  lineage: "map",
  run: (c, rows, ctx) => runLookup(c, rows, (f) => ctx.rt.read(f)),
};
