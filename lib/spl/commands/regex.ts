/**
 * The `regex` command (spl-semantics §5.6): keep rows whose field matches; `!=` keeps non-matches
 * AND rows without the field (the opposite of search's `!=`); the default field is `_raw`.
 */
import type { Range } from "../ast";
import type { RowData, Runtime } from "../runtime";
import { scalarToString, valuesOf } from "../values";
import { Unsupported, type CommandSpec, type ParseContext } from "./spec";

export interface RegexNode {
  type: "regex";
  at: Range;
  field: string;
  negate: boolean;
  pattern: string;
  patternAt: Range;
  /** Set when the arguments are not `field="re"`, `field!="re"` or `"re"`. */
  malformed?: boolean;
}

function parseRegex({ seg, errors }: ParseContext): RegexNode {
  const toks = seg.tokens;
  const [, a, b, c] = toks;
  if (a?.kind === "word" && b?.kind === "operator" && (b.text === "=" || b.text === "!=") && c?.kind === "string") {
    return { type: "regex", at: seg.at, field: a.text, negate: b.text === "!=", pattern: c.value ?? "", patternAt: [c.start, c.end] };
  }
  if (a?.kind === "string") return { type: "regex", at: seg.at, field: "_raw", negate: false, pattern: a.value ?? "", patternAt: [a.start, a.end] };
  errors.push({ message: "regex expects `field=\"regex\"` or `field!=\"regex\"`", at: seg.at });
  return { type: "regex", at: seg.at, field: "_raw", negate: false, pattern: "", patternAt: seg.at, malformed: true };
}

export function runRegexCommand(cmd: RegexNode, rows: RowData[], rt: Runtime): RowData[] {
  const re = rt.compiled(cmd.pattern);
  return rows.filter((r) => {
    rt.read(cmd.field);
    const v = r[cmd.field];
    if (v === undefined) return cmd.negate;
    const hit = valuesOf(v).some((x) => re.test(scalarToString(x)));
    return cmd.negate ? !hit : hit;
  });
}

export const regex: CommandSpec<RegexNode> = {
  names: ["regex"],
  parse: parseRegex,
  check(c, ctx) {
    if (c.malformed) throw new Unsupported("parse_error", "regex expects `field=\"regex\"` or `field!=\"regex\"`", c.at);
    ctx.regex(c.pattern, c.patternAt);
  },
  batch: (c, flow) => flow.filterOn(c, [c.field]),
  keepsEmpty: true,
  run(c, rows, ctx) {
    const out = runRegexCommand(c, rows, ctx.rt);
    const first = rows[0];
    if (ctx.trace && first) {
      ctx.predicates.push({ at: c.at, value: out[0] === first, language: "eval", fields: [{ name: c.field, value: first[c.field] ?? null }], note: c.negate ? "keeps rows that do not match (and rows without the field)" : "keeps rows whose field matches" });
    }
    return out;
  },
};
