/**
 * `top [N] [options] f… [BY g…]` and `rare [options] f… [BY g…]` [V cmd:top,
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/top; cmd:rare]:
 * the most (least) common combinations of the fields' values, with a count (`countfield`, default
 * `count`; `showcount=false` drops it) and a percentage of the frequency (`percentfield`, default
 * `percent`; `showperc=false`), N = `limit` results (10 by default, 0 = all) per BY group;
 * `useother=true` adds a row (`otherstr`, default `OTHER`) counting the rest.
 * [U]: the percentage is of the rows that have every listed field (the combinations' counts add up
 * to 100), rounded to 6 decimals; a multivalue field counts each value; groups come out in BY-value
 * order; equal counts keep the order their values were first seen (a note says when such a tie
 * decides which values make the cut).
 */
import type { Range } from "../ast";
import type { Lineage } from "../lineage";
import type { RowData } from "../runtime";
import type { Scalar } from "../values";
import { groupBy, inKeyOrder } from "./group";
import { is, nameOf, truthy } from "./parse-helpers";
import { Unsupported, type CommandSpec, type ParseContext } from "./spec";

export interface TopNode {
  type: "top" | "rare";
  at: Range;
  fields: string[];
  by: string[];
  limit: number;
  countfield: string;
  percentfield: string;
  showcount: boolean;
  showperc: boolean;
  useother: boolean;
  otherstr: string;
}

const OPTIONS = new Set(["countfield", "limit", "otherstr", "percentfield", "showcount", "showperc", "useother"]);

function parseTop({ seg, errors }: ParseContext, type: "top" | "rare"): TopNode {
  const toks = seg.tokens;
  const opts: Record<string, string> = {};
  let limit = 10;
  const fields: string[] = [];
  const by: string[] = [];
  let inBy = false;
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (type === "top" && i === 1 && t.kind === "word" && /^\d+$/.test(t.text)) limit = Number(t.text);
    else if (t.kind === "word" && OPTIONS.has(t.text.toLowerCase()) && toks[i + 1]?.text === "=" && toks[i + 2]) {
      opts[t.text.toLowerCase()] = nameOf(toks[i + 2]!);
      i += 2;
    } else if (is(t, "by") && !inBy) inBy = true;
    else if (t.kind === "comma") continue;
    else if (t.kind === "word" || t.kind === "string") (inBy ? by : fields).push(nameOf(t));
    else errors.push({ message: `unexpected \`${t.text}\` in ${type}`, at: [t.start, t.end] });
  }
  if (opts["limit"] !== undefined && /^\d+$/.test(opts["limit"])) limit = Number(opts["limit"]);
  if (fields.length === 0) errors.push({ message: `${type} needs a field`, at: seg.at });
  return {
    type, at: seg.at, fields, by, limit,
    countfield: opts["countfield"] ?? "count", percentfield: opts["percentfield"] ?? "percent",
    showcount: opts["showcount"] === undefined || truthy(opts["showcount"]), showperc: opts["showperc"] === undefined || truthy(opts["showperc"]),
    useother: truthy(opts["useother"]), otherstr: opts["otherstr"] ?? "OTHER",
  };
}

const percent = (n: number, total: number) => Math.round((n / total) * 100 * 1e6) / 1e6;

export function runTop(cmd: TopNode, rows: RowData[], lineage?: Lineage, notes?: string[]): RowData[] {
  const out: RowData[] = [];
  const groups = inKeyOrder(groupBy(rows, cmd.by, (r, f) => r[f]));
  for (const g of groups) {
    const values = groupBy(g.items, cmd.fields, (r, f) => r[f]);
    const total = values.reduce((n, v) => n + v.items.length, 0);
    const ranked = values.slice().sort((a, b) => (cmd.type === "top" ? b.items.length - a.items.length : a.items.length - b.items.length));
    const n = cmd.limit === 0 ? ranked.length : Math.min(cmd.limit, ranked.length);
    if (n < ranked.length && ranked[n - 1]!.items.length === ranked[n]!.items.length) {
      notes?.push(`${cmd.type}: values with equal counts tie at the limit of ${cmd.limit}; Splunk's choice among them is not documented (the engine keeps the first seen)`);
    }
    const row = (key: readonly Scalar[], count: number): RowData => {
      const r: RowData = {};
      cmd.by.forEach((f, i) => { r[f] = g.key[i]!; });
      cmd.fields.forEach((f, i) => { r[f] = key[i]!; });
      if (cmd.showcount) r[cmd.countfield] = count;
      if (cmd.showperc) r[cmd.percentfield] = percent(count, total);
      return r;
    };
    for (const v of ranked.slice(0, n)) {
      const r = row(v.key, v.items.length);
      lineage?.merge(r, v.items);
      out.push(r);
    }
    if (cmd.useother && n < ranked.length) {
      const rest = ranked.slice(n);
      const r = row(cmd.fields.map(() => cmd.otherstr), rest.reduce((s, v) => s + v.items.length, 0));
      lineage?.merge(r, rest.flatMap((v) => v.items));
      out.push(r);
    }
  }
  return out;
}

function spec(type: "top" | "rare"): CommandSpec<TopNode> {
  return {
    names: [type],
    parse: (ctx) => parseTop(ctx, type),
    check(c) {
      if (c.useother && c.fields.length > 1) throw new Unsupported("unsupported_option", `${type} useother=true over several fields is not modelled`, c.at, "none", `${type} useother`);
    },
    // Counts, percentages and which values make the cut all depend on the other events.
    batch: (c, flow) => flow.all(c, "batch_aggregate", c.by),
    keepsEmpty: true,
    run: (c, rows, ctx) => runTop(c, rows, ctx.lineage, ctx.notes),
  };
}

export const top = spec("top");
export const rare = spec("rare");
