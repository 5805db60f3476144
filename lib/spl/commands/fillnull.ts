/** `fillnull [value=v] [fields]` (spl-semantics §6): default value 0; without a list, every field seen. */
import type { Range } from "../ast";
import type { RowData } from "../runtime";
import { readFields, readOptions } from "./parse-helpers";
import type { CommandSpec } from "./spec";

export interface FillnullNode {
  type: "fillnull";
  at: Range;
  value: string;
  fields: string[];
}
export function runFillnull(cmd: FillnullNode, rows: RowData[]): RowData[] {
  let fields = cmd.fields;
  if (fields.length === 0) {
    const all = new Set<string>();
    for (const r of rows) for (const k of Object.keys(r)) all.add(k);
    fields = [...all];
  }
  return rows.map((r) => {
    const out = { ...r };
    for (const f of fields) if (out[f] === undefined) out[f] = cmd.value;
    return out;
  });
}

export const fillnull: CommandSpec<FillnullNode> = {
  names: ["fillnull"],
  parse({ seg }) {
    const opts: Record<string, string> = {};
    const i = readOptions(seg.tokens, 1, new Set(["value"]), opts);
    const { fields } = readFields(seg.tokens, i);
    return { type: "fillnull", at: seg.at, value: opts["value"] ?? "0", fields: fields.map((f) => f.name) };
  },
  keepsEmpty: true,
  lineage: "map",
  run: (c, rows) => runFillnull(c, rows),
};
