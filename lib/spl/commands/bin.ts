/**
 * `bin` / `bucket` [bin-options…] <field> [AS <newfield>] [V cmd:bin,
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/bin]: puts
 * the field's values into bins "by adjusting the value of <field> so that all of the items in a
 * particular set have the same value". Modelled: `span=<int><s|m|h|d>` (span.ts) on `_time` or any
 * field holding epoch seconds (the bin's start replaces the value, or goes to newfield). Not
 * modelled: `bins=`, `minspan=`, `start=`/`end=`, `aligntime=` (they depend on the data's range or
 * on calendar alignment), numeric spans without a time unit (Splunk writes ranges such as
 * `10-20`), log spans. A row without the field passes unchanged [U]; a value that is not a number
 * stops the run (not testable) rather than guess.
 */
import type { Range } from "../ast";
import { EngineAbort, type RowData } from "../runtime";
import { parseNumeric, valuesOf } from "../values";
import { is, isName, nameOf } from "./parse-helpers";
import { binStart, timeSpan } from "./span";
import { Unsupported, type CommandSpec, type ParseContext } from "./spec";

export interface BinNode {
  type: "bin";
  at: Range;
  field: string;
  as?: string;
  span?: string;
  /** Options given that are not modelled (bins, minspan, start, end, aligntime). */
  others: string[];
}

const OPTIONS = new Set(["span", "bins", "minspan", "start", "end", "aligntime"]);

function parseBin({ seg, errors }: ParseContext): BinNode {
  const toks = seg.tokens;
  const node: BinNode = { type: "bin", at: seg.at, field: "", others: [] };
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === "word" && OPTIONS.has(t.text.toLowerCase()) && toks[i + 1]?.text === "=" && toks[i + 2]) {
      const key = t.text.toLowerCase();
      const value = toks[i + 2]!.text;
      if (key === "span") node.span = value;
      else node.others.push(`${key}=${value}`);
      i += 2;
    } else if (is(t, "as") && isName(toks[i + 1])) {
      node.as = nameOf(toks[i + 1]!);
      i++;
    } else if (isName(t) && !node.field) node.field = nameOf(t);
    else errors.push({ message: `unexpected \`${t.text}\` in bin`, at: [t.start, t.end] });
  }
  if (!node.field) errors.push({ message: "bin needs a field", at: seg.at });
  return node;
}

export function runBin(cmd: BinNode, rows: RowData[]): RowData[] {
  const span = timeSpan(cmd.span ?? "");
  if ("unsupported" in span) throw new EngineAbort(`bin ${span.unsupported}`, "unsupported_option");
  const target = cmd.as ?? cmd.field;
  return rows.map((r) => {
    const v = r[cmd.field];
    if (v === undefined) return r;
    const values = valuesOf(v);
    const t = values.length === 1 ? (typeof values[0] === "number" ? values[0] : parseNumeric(values[0]!)) : null;
    if (t === null || !Number.isFinite(t)) throw new EngineAbort(`bin ${cmd.field}: the value ${JSON.stringify(v)} is not a single epoch time`, "unsupported_option");
    return { ...r, [target]: binStart(t, span.seconds) };
  });
}

export const bin: CommandSpec<BinNode> = {
  names: ["bin", "bucket"],
  parse: parseBin,
  check(c) {
    if (c.others.length) throw new Unsupported("unsupported_option", `bin ${c.others.join(" ")} is not modelled (it depends on the data's range or calendar alignment)`, c.at, "none", `bin ${c.others[0]!.split("=")[0]}`);
    if (c.span === undefined) throw new Unsupported("unsupported_option", "bin without span= picks its bins from the data's range: not modelled", c.at, "none", "bin bins");
    const span = timeSpan(c.span);
    if ("unsupported" in span) throw new Unsupported("unsupported_option", `bin ${span.unsupported}`, c.at, "none", "bin span");
  },
  // The bin of a value is a function of that value alone.
  batch: (c, flow) => flow.set(c.as ?? c.field, flow.has(c.field)),
  keepsEmpty: true,
  lineage: "map",
  run: (c, rows) => runBin(c, rows),
};
