/** `eval f=expr, g=expr…`: left to right, later assignments see earlier ones (spl-semantics §4.7). */
import type { EvalExpr, Range } from "../ast";
import { evalExpr } from "../eval-lang";
import { parseEvalExpr } from "../parse-eval";
import { assign } from "./group";
import { evalReads } from "./reads";
import type { CommandSpec, ParseContext } from "./spec";

export interface EvalNode {
  type: "eval";
  at: Range;
  assignments: { field: string; fieldAt: Range; expr: EvalExpr }[];
}

function parseEval({ text, seg, errors }: ParseContext): EvalNode {
  const assignments: { field: string; fieldAt: Range; expr: EvalExpr }[] = [];
  let pos = seg.tokens[0]!.end;
  const end = seg.at[1];
  while (pos < end) {
    while (pos < end && /[\s,]/.test(text[pos]!)) pos++;
    if (pos >= end) break;
    const m = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s=,]+))\s*=(?!=)/.exec(text.slice(pos, end));
    if (!m) {
      errors.push({ message: "eval expects `field = expression`", at: [pos, end] });
      break;
    }
    const field = m[1] ?? m[2] ?? m[3] ?? "";
    const fieldAt: Range = [pos, pos + m[0].length - 1];
    const parsed = parseEvalExpr(text, pos + m[0].length, end, true);
    errors.push(...parsed.errors);
    assignments.push({ field, fieldAt, expr: parsed.expr });
    pos = parsed.stoppedAt + 1;
  }
  return { type: "eval", at: seg.at, assignments };
}

export const evalCommand: CommandSpec<EvalNode> = {
  names: ["eval"],
  parse: parseEval,
  check: (c, ctx) => c.assignments.forEach((a) => ctx.evalExpr(a.expr)),
  batch(c, flow) {
    for (const a of c.assignments) flow.set(a.field, evalReads(a.expr).some((r) => flow.has(r)));
  },
  keepsEmpty: true,
  lineage: "map",
  run: (c, rows, ctx) =>
    rows.map((input) => {
      const row = { ...input };
      for (const a of c.assignments) assign(row, a.field, evalExpr(a.expr, row, ctx.rt));
      return row;
    }),
};
