/**
 * `addtotals [row=bool] [col=bool] [labelfield=f] [label=s] [fieldname=f] [field-list]`
 * [V cmd:addtotals, https://help.splunk.com/splunk-cloud-platform/spl-search-reference/10.0.2503/search-commands/addtotals]:
 * for each result, the arithmetic sum of its numeric fields (the listed ones, wildcards allowed;
 * all numeric fields without a list) in a new field, `Total` unless `fieldname=` names it.
 * Values that look numeric count (extracted values are strings, spl-semantics §8). A result with
 * no numeric field to sum gets no total [U]. `col=true` (a summary row of column sums) is not
 * modelled: a named reason.
 */
import type { Range } from "../ast";
import type { RowData } from "../runtime";
import { toNumberLike } from "../values";
import { selectFields } from "./field-globs";
import { readFields, readOptions, truthy } from "./parse-helpers";
import { Unsupported, type CommandSpec } from "./spec";

export interface AddtotalsNode {
  type: "addtotals";
  at: Range;
  options: Record<string, string>;
  fields: string[];
}

const OPTIONS = new Set(["row", "col", "labelfield", "label", "fieldname"]);

export function runAddtotals(c: AddtotalsNode, rows: RowData[]): RowData[] {
  if (c.options["row"] !== undefined && !truthy(c.options["row"])) return rows;
  const target = c.options["fieldname"] ?? "Total";
  return rows.map((r) => {
    const names = c.fields.length ? selectFields(r, c.fields) : Object.keys(r).filter((k) => k !== target);
    let sum: number | null = null;
    for (const n of names) {
      const v = Object.prototype.hasOwnProperty.call(r, n) ? r[n] : undefined;
      if (v === undefined || Array.isArray(v)) continue;
      const x = toNumberLike(v);
      if (x !== null) sum = (sum ?? 0) + x;
    }
    return sum === null ? r : { ...r, [target]: sum };
  });
}

export const addtotals: CommandSpec<AddtotalsNode> = {
  names: ["addtotals"],
  parse({ seg }) {
    const options: Record<string, string> = {};
    let i = readOptions(seg.tokens, 1, OPTIONS, options);
    const { fields, next } = readFields(seg.tokens, i, (t) => t.kind === "word" && OPTIONS.has(t.text.toLowerCase()) && seg.tokens[seg.tokens.indexOf(t) + 1]?.text === "=");
    i = readOptions(seg.tokens, next, OPTIONS, options);
    return { type: "addtotals", at: seg.at, options, fields: fields.map((f) => f.name) };
  },
  check(c) {
    if (truthy(c.options["col"])) throw new Unsupported("unsupported_option", "addtotals col=true (a summary row) is not modelled", c.at, "none", "addtotals col");
  },
  batch(c, flow) {
    // The total reads only its own row; without a field list it reads every field of the row.
    const target = c.options["fieldname"] ?? "Total";
    const named = c.fields.length > 0 && !c.fields.some((f) => f.includes("*"));
    // Unnamed fields: any batch-dependent field, or any field at all after a command that made
    // every field depend on other events (a name no row has answers that).
    const dependent = named ? c.fields.some((f) => flow.has(f)) : flow.batch.size > 0 || flow.has("\u0000any field");
    flow.set(target, dependent);
  },
  keepsEmpty: true,
  lineage: "map",
  run: (c, rows) => runAddtotals(c, rows),
};
