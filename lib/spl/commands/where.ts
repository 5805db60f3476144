/** `where`: keep rows whose eval expression is TRUE (spl-semantics §4, §6). */
import type { EvalExpr, Range } from "../ast";
import { evalExpr, traceEval } from "../eval-lang";
import { parseEvalExpr } from "../parse-eval";
import { quietRuntime } from "../runtime";
import { evalReads } from "./reads";
import type { CommandSpec } from "./spec";

export interface WhereNode {
  type: "where";
  at: Range;
  expr: EvalExpr;
}

export const where: CommandSpec<WhereNode> = {
  names: ["where"],
  parse({ text, seg, errors }) {
    const parsed = parseEvalExpr(text, seg.tokens[0]!.end, seg.at[1]);
    errors.push(...parsed.errors);
    return { type: "where", at: seg.at, expr: parsed.expr };
  },
  check: (c, ctx) => ctx.evalExpr(c.expr),
  batch: (c, flow) => flow.filterOn(c, evalReads(c.expr)),
  keepsEmpty: true,
  run(c, rows, ctx) {
    if (ctx.trace && rows[0]) ctx.predicates.push(traceEval(c.expr, rows[0], quietRuntime(ctx.rt)));
    return rows.filter((r) => evalExpr(c.expr, r, ctx.rt) === true);
  },
};
