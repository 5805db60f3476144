/** `convert [timeformat=f] ctime(x) [AS y]`: epoch → string (spl-semantics §6); other conversions are not modelled. */
import type { Range } from "../ast";
import { EngineAbort, type RowData } from "../runtime";
import { strftime } from "../time";
import { parseNumeric, valuesOf } from "../values";
import { is, isName, nameOf, readOptions } from "./parse-helpers";
import { Unsupported, type CommandSpec, type ParseContext } from "./spec";

export interface ConvertNode {
  type: "convert";
  at: Range;
  timeformat: string;
  conversions: { fn: string; field: string; as?: string; at: Range }[];
}
function parseConvert({ seg, errors }: ParseContext): ConvertNode {
  const toks = seg.tokens;
  const opts: Record<string, string> = {};
  let i = readOptions(toks, 1, new Set(["timeformat"]), opts);
  const conversions: { fn: string; field: string; as?: string; at: Range }[] = [];
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.kind === "comma") { i++; continue; }
    if (t.kind === "word" && toks[i + 1]?.kind === "lparen" && isName(toks[i + 2]) && toks[i + 3]?.kind === "rparen") {
      const conv = { fn: t.text.toLowerCase(), field: nameOf(toks[i + 2]!), at: [t.start, toks[i + 3]!.end] as Range };
      i += 4;
      if (is(toks[i], "as") && isName(toks[i + 1])) {
        conversions.push({ ...conv, as: nameOf(toks[i + 1]!), at: [conv.at[0], toks[i + 1]!.end] });
        i += 2;
      } else conversions.push(conv);
      continue;
    }
    errors.push({ message: `unexpected \`${t.text}\` in convert`, at: [t.start, t.end] });
    i++;
  }
  return { type: "convert", at: seg.at, timeformat: opts["timeformat"] ?? "%m/%d/%Y %H:%M:%S", conversions };
}

export function runConvert(cmd: ConvertNode, rows: RowData[]): RowData[] {
  for (const c of cmd.conversions) {
    if (c.fn !== "ctime") throw new EngineAbort(`convert ${c.fn}() is not modelled`);
  }
  return rows.map((r) => {
    const out = { ...r };
    for (const c of cmd.conversions) {
      const v = r[c.field];
      if (v === undefined) continue;
      const converted = valuesOf(v).map((x) => {
        const n = typeof x === "number" ? x : parseNumeric(x);
        // Values that are not epoch numbers are left as they are.
        return n === null ? x : strftime(n, cmd.timeformat);
      });
      out[c.as ?? c.field] = converted.length === 1 ? converted[0]! : converted;
    }
    return out;
  });
}

export const convert: CommandSpec<ConvertNode> = {
  names: ["convert"],
  parse: parseConvert,
  check(c) {
    for (const conv of c.conversions) if (conv.fn !== "ctime") throw new Unsupported("unsupported_option", `convert ${conv.fn}() is not modelled`, conv.at, "none", `convert ${conv.fn}`);
  },
  keepsEmpty: true,
  lineage: "map",
  run: (c, rows) => runConvert(c, rows),
};
