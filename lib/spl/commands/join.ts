/**
 * `join [type=inner|outer|left] [max=N] [overwrite=bool] [usetime=bool] [earlier=bool] [field-list]
 * [subsearch]` [V cmd:join, https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/join]:
 * each main result is combined with the subsearch results whose field-list values equal its own.
 * - type: `inner` (default) drops main results without a match; `left` and `outer` (the same)
 *   keep them unchanged.
 * - max: how many subsearch results each main result joins with, in subsearch order (default 1,
 *   0 = no limit); each match makes one output row.
 * - overwrite (default true): a subsearch field overwrites the main result's field of that name.
 * - field-list: the fields compared; none = the fields common to both result sets [A: taken as
 *   the names present in some main row and some subsearch row].
 * - usetime/earlier (time-ordered matching) and the SPL2-style `left=L right=R where …` are not
 *   modelled: a named reason.
 * The subsearch reads the same pasted events (a batch result says so in its notes). Values match
 * exactly, case-sensitively, compared as strings [U]; a row missing a join field matches nothing.
 */
import type { Pipeline, Range } from "../ast";
import { EngineAbort, type RowData } from "../runtime";
import { scalarToString } from "../values";
import { isName, nameOf } from "./parse-helpers";
import { checkSubsearch, noteSubsearch, readBracketed } from "./subsearch";
import { Unsupported, type CommandSpec, type ParseContext } from "./spec";

export interface JoinNode {
  type: "join";
  at: Range;
  kind: "inner" | "left";
  max: number;
  overwrite: boolean;
  fields: string[];
  /** Options as written that the engine does not model (`usetime=true`, `left=L` …). */
  unmodelled: string[];
  sub: Pipeline | null;
}

const BOOL = /^(t|true|1|f|false|0)$/i;
const TRUE = /^(t|true|1)$/i;

function parseJoin(ctx: ParseContext): JoinNode {
  const { before, sub } = readBracketed(ctx, true);
  const node: JoinNode = { type: "join", at: ctx.seg.at, kind: "inner", max: 1, overwrite: true, fields: [], unmodelled: [], sub };
  for (let i = 0; i < before.length; i++) {
    const t = before[i]!;
    if (t.kind === "comma") continue;
    const eq = before[i + 1];
    const v = before[i + 2];
    if (t.kind === "word" && eq?.kind === "operator" && eq.text === "=" && isName(v)) {
      option(node, t.text.toLowerCase(), nameOf(v));
      i += 2;
    } else if (isName(t) && !(t.kind === "word" && t.text.toLowerCase() === "where")) node.fields.push(nameOf(t));
    else {
      node.unmodelled.push(ctx.text.slice(t.start, before[before.length - 1]!.end));
      break;
    }
  }
  return node;
}

function option(node: JoinNode, key: string, value: string): void {
  const v = value.toLowerCase();
  if (key === "type" && (v === "inner" || v === "left" || v === "outer")) node.kind = v === "inner" ? "inner" : "left";
  else if (key === "max" && /^\d+$/.test(v)) node.max = Number(v);
  else if (key === "overwrite" && BOOL.test(v)) node.overwrite = TRUE.test(v);
  else if ((key === "usetime" || key === "earlier") && BOOL.test(v)) {
    // earlier only matters with usetime=true (the default is false).
    if (key === "usetime" && TRUE.test(v)) node.unmodelled.push(`usetime=${value}`);
  } else node.unmodelled.push(`${key}=${value}`);
}

/** The join key of a row: null when a field is missing; aborts on a multivalue field. */
function keyOf(row: RowData, fields: readonly string[]): string | null {
  const parts: string[] = [];
  for (const f of fields) {
    const v = Object.prototype.hasOwnProperty.call(row, f) ? row[f] : undefined;
    if (v === undefined) return null;
    if (Array.isArray(v)) {
      if (v.length === 0) return null;
      throw new EngineAbort(`join on the multivalue field ${f} is not modelled`, "unsupported_option");
    }
    parts.push(scalarToString(v));
  }
  return parts.join("\u0000");
}

/** No field list: the names found in some main row and some subsearch row. */
function commonFields(left: readonly RowData[], right: readonly RowData[]): string[] {
  const inRight = new Set<string>();
  for (const r of right) for (const k of Object.keys(r)) inRight.add(k);
  const out = new Set<string>();
  for (const r of left) for (const k of Object.keys(r)) if (inRight.has(k)) out.add(k);
  return [...out];
}

export function runJoin(c: JoinNode, left: RowData[], right: RowData[], merged: (to: RowData, from: RowData[]) => void): RowData[] {
  const fields = c.fields.length ? c.fields : commonFields(left, right);
  const byKey = new Map<string, RowData[]>();
  for (const r of right) {
    const k = keyOf(r, fields);
    if (k === null) continue;
    const list = byKey.get(k);
    if (list) list.push(r);
    else byKey.set(k, [r]);
  }
  const out: RowData[] = [];
  for (const l of left) {
    const k = fields.length ? keyOf(l, fields) : null;
    const matches = k === null ? [] : byKey.get(k) ?? [];
    if (matches.length === 0) {
      if (c.kind === "left") out.push(l);
      continue;
    }
    for (const r of c.max === 0 ? matches : matches.slice(0, c.max)) {
      const row = c.overwrite ? { ...l, ...r } : { ...r, ...l };
      merged(row, [l, r]);
      out.push(row);
    }
  }
  return out;
}

export const join: CommandSpec<JoinNode> = {
  names: ["join"],
  parse: parseJoin,
  check(c, ctx) {
    if (c.unmodelled.length) throw new Unsupported("unsupported_option", `join ${c.unmodelled.join(" ")} is not modelled`, c.at, "none", "join option");
    checkSubsearch("join", c.sub, c.at, ctx);
  },
  batch(c, flow) {
    if (c.kind === "inner") flow.rows(c, "batch_subsearch", "keeps only the rows that match a row of its subsearch, which reads the other pasted events");
    // A left join keeps every row; the fields it adds come from other events.
    flow.all(c, "batch_subsearch", c.fields);
  },
  keepsEmpty: true,
  run(c, rows, ctx) {
    const right = ctx.subsearch(c.sub!);
    noteSubsearch("join", ctx);
    return runJoin(c, rows, right, (to, from) => ctx.lineage?.merge(to, from));
  },
};
