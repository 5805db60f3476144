/**
 * `head [N | (<eval-expression>)] [limit=N] [null=b] [keeplast=b]` [V cmd:head,
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.3/search-commands/head]: the
 * first N results (10 by default) in search order; with an expression, results until it is false
 * (or NULL, unless null=true treats NULL as true), at most the limit (10 by default, as the
 * documented `head (timerange<100)` example says); keeplast=true keeps the result that ended it.
 */
import type { EvalExpr, Range } from "../ast";
import { evalExpr } from "../eval-lang";
import { parseEvalExpr } from "../parse-eval";
import type { RowData, Runtime } from "../runtime";
import { is, truthy } from "./parse-helpers";
import { evalReads } from "./reads";
import type { CommandSpec, ParseContext } from "./spec";

export interface HeadNode {
  type: "head";
  at: Range;
  count: number;
  expr?: EvalExpr;
  /** null=true: a NULL value of the expression counts as true. */
  nullTrue: boolean;
  keeplast: boolean;
}

function parseHead({ text, seg, errors }: ParseContext): HeadNode {
  const toks = seg.tokens;
  const node: HeadNode = { type: "head", at: seg.at, count: 10, nullTrue: false, keeplast: false };
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === "word" && /^\d+$/.test(t.text)) node.count = Number(t.text);
    else if (t.kind === "word" && toks[i + 1]?.text === "=" && toks[i + 2]) {
      const v = toks[i + 2]!.text;
      if (is(t, "limit") && /^\d+$/.test(v)) node.count = Number(v);
      else if (is(t, "null")) node.nullTrue = truthy(v);
      else if (is(t, "keeplast")) node.keeplast = truthy(v);
      else errors.push({ message: `unexpected \`${t.text}=\` in head`, at: [t.start, t.end] });
      i += 2;
    } else if (t.kind === "lparen" && !node.expr) {
      let depth = 0;
      let j = i;
      for (; j < toks.length; j++) {
        if (toks[j]!.kind === "lparen") depth++;
        if (toks[j]!.kind === "rparen" && --depth === 0) break;
      }
      const close = toks[j];
      const parsed = parseEvalExpr(text, t.end, close ? close.start : seg.at[1]);
      errors.push(...parsed.errors);
      node.expr = parsed.expr;
      i = j;
    } else errors.push({ message: `unexpected \`${t.text}\` in head`, at: [t.start, t.end] });
  }
  return node;
}

export function runHead(cmd: HeadNode, rows: RowData[], rt: Runtime): RowData[] {
  if (!cmd.expr) return rows.slice(0, cmd.count);
  const out: RowData[] = [];
  for (const r of rows) {
    if (out.length >= cmd.count) break;
    const v = evalExpr(cmd.expr, r, rt);
    const holds = v === true || (cmd.nullTrue && (v === null || v === undefined));
    if (!holds) {
      if (cmd.keeplast) out.push(r);
      break;
    }
    out.push(r);
  }
  return out.slice(0, cmd.count);
}

export const head: CommandSpec<HeadNode> = {
  names: ["head"],
  parse: parseHead,
  check: (c, ctx) => c.expr && ctx.evalExpr(c.expr),
  batch(c, flow) {
    // An expression over batch-dependent fields decides how many rows survive.
    if (c.expr) flow.filterOn(c, evalReads(c.expr));
    flow.all(c, "batch_order");
  },
  keepsEmpty: true,
  run: (c, rows, ctx) => runHead(c, rows, ctx.rt),
};
