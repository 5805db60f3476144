/** `fields [+|-] f…`: keep (or remove) the listed fields; `fields f` also keeps internal `_` fields. */
import type { Range } from "../ast";
import type { RowData } from "../runtime";
import { selectFields } from "./field-globs";
import { readFields } from "./parse-helpers";
import type { CommandSpec } from "./spec";

export interface FieldsNode {
  type: "fields";
  at: Range;
  remove: boolean;
  fields: string[];
}
export function runFields(cmd: FieldsNode, rows: RowData[]): RowData[] {
  return rows.map((r) => {
    const chosen = new Set(selectFields(r, cmd.fields));
    const out: RowData = {};
    for (const [k, v] of Object.entries(r)) {
      const keep = cmd.remove ? !chosen.has(k) : chosen.has(k) || (k.startsWith("_") && !cmd.fields.includes(k));
      if (keep) out[k] = v;
    }
    return out;
  });
}

export const fields: CommandSpec<FieldsNode> = {
  names: ["fields"],
  parse({ seg }) {
    const sign = seg.tokens[1]?.text;
    const remove = sign === "-";
    const from = sign === "-" || sign === "+" ? 2 : 1;
    return { type: "fields", at: seg.at, remove, fields: readFields(seg.tokens, from).fields.map((f) => f.name) };
  },
  keepsEmpty: true,
  lineage: "map",
  run: (c, rows) => runFields(c, rows),
};
