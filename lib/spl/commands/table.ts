/** `table f…`: only the listed fields, in order (globs allowed). */
import type { Range } from "../ast";
import type { RowData } from "../runtime";
import { selectFields } from "./field-globs";
import { readFields } from "./parse-helpers";
import type { CommandSpec } from "./spec";

export interface TableNode {
  type: "table";
  at: Range;
  fields: string[];
}
export function runTable(cmd: TableNode, rows: RowData[]): RowData[] {
  return rows.map((r) => {
    const out: RowData = {};
    for (const f of selectFields(r, cmd.fields)) if (r[f] !== undefined) out[f] = r[f]!;
    return out;
  });
}

export const table: CommandSpec<TableNode> = {
  names: ["table"],
  parse: ({ seg }) => ({ type: "table", at: seg.at, fields: readFields(seg.tokens, 1).fields.map((f) => f.name) }),
  keepsEmpty: true,
  lineage: "map",
  run: (c, rows) => runTable(c, rows),
};
