/** `mvexpand f`: one row per value of f, other fields copied; rows without f are dropped. */
import type { Range } from "../ast";
import type { Lineage } from "../lineage";
import type { RowData } from "../runtime";
import { valuesOf } from "../values";
import { isName, nameOf } from "./parse-helpers";
import { Unsupported, type CommandSpec } from "./spec";

export interface MvexpandNode {
  type: "mvexpand";
  at: Range;
  field: string;
}
export function runMvexpand(cmd: MvexpandNode, rows: RowData[], lineage?: Lineage): RowData[] {
  const out: RowData[] = [];
  for (const r of rows) {
    const v = r[cmd.field];
    if (v === undefined) continue;
    for (const x of valuesOf(v)) {
      const row = { ...r, [cmd.field]: x };
      lineage?.copy(row, r);
      out.push(row);
    }
  }
  return out;
}

export const mvexpand: CommandSpec<MvexpandNode> = {
  names: ["mvexpand"],
  parse: ({ seg }) => ({ type: "mvexpand", at: seg.at, field: isName(seg.tokens[1]) ? nameOf(seg.tokens[1]!) : "" }),
  check(c) {
    if (!c.field) throw new Unsupported("unsupported_option", "mvexpand without a field name", c.at, "none", "mvexpand");
  },
  keepsEmpty: true,
  run: (c, rows, ctx) => runMvexpand(c, rows, ctx.lineage),
};
