/** `makemv [delim=" "] f`: split a value into a multivalue (a tokenizer is not modelled). */
import type { Range } from "../ast";
import type { RowData } from "../runtime";
import { scalarToString } from "../values";
import { isName, nameOf, readOptions } from "./parse-helpers";
import { Unsupported, type CommandSpec } from "./spec";

export interface MakemvNode {
  type: "makemv";
  at: Range;
  field: string;
  delim: string;
  /** Set when the command uses what is not modelled (a tokenizer). */
  unsupported?: string;
}
export function runMakemv(cmd: MakemvNode, rows: RowData[]): RowData[] {
  return rows.map((r) => {
    const v = r[cmd.field];
    if (v === undefined || Array.isArray(v)) return r;
    const parts = scalarToString(v).split(cmd.delim).filter((p) => p !== "");
    const out = { ...r };
    if (parts.length === 0) delete out[cmd.field];
    else out[cmd.field] = parts.length === 1 ? parts[0]! : parts;
    return out;
  });
}

export const makemv: CommandSpec<MakemvNode> = {
  names: ["makemv"],
  parse({ seg }) {
    const opts: Record<string, string> = {};
    const i = readOptions(seg.tokens, 1, new Set(["delim", "tokenizer", "allowempty", "setsv"]), opts);
    const f = seg.tokens[i];
    const node: MakemvNode = { type: "makemv", at: seg.at, field: isName(f) ? nameOf(f) : "", delim: opts["delim"] ?? " " };
    if (opts["tokenizer"] || !isName(f)) node.unsupported = "makemv with a tokenizer is not modelled";
    return node;
  },
  check(c) {
    if (c.unsupported) throw new Unsupported("unsupported_option", c.unsupported, c.at, "none", "makemv tokenizer");
  },
  keepsEmpty: true,
  lineage: "map",
  run: (c, rows) => runMakemv(c, rows),
};
