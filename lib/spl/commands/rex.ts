/**
 * `rex` (spl-semantics §5.5): named groups become fields; max_match; mode=sed "s/re/rep/flags".
 */
import type { Range } from "../ast";
import type { Token } from "../lex";
import { EngineAbort, type RowData, type Runtime } from "../runtime";
import { scalarToString, valuesOf, type Scalar } from "../values";
import { isName, nameOf } from "./parse-helpers";
import { Unsupported, type CommandSpec, type ParseContext } from "./spec";

export interface RexNode {
  type: "rex";
  at: Range;
  field: string;
  pattern: string;
  patternAt: Range;
  maxMatch: number;
  mode: "extract" | "sed";
}

function parseRex({ seg, errors }: ParseContext): RexNode {
  const opts: Record<string, string> = {};
  let pattern: Token | undefined;
  const toks = seg.tokens;
  for (let i = 1; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === "word" && toks[i + 1]?.text === "=" && isName(toks[i + 2])) {
      opts[t.text.toLowerCase()] = nameOf(toks[i + 2]!);
      i += 2;
    } else if (t.kind === "string" && !pattern) pattern = t;
    else errors.push({ message: `unexpected \`${t.text}\` in rex`, at: [t.start, t.end] });
  }
  if (!pattern) errors.push({ message: "rex needs a quoted regular expression", at: seg.at });
  const maxMatch = opts["max_match"] !== undefined ? Number(opts["max_match"]) : 1;
  return {
    type: "rex",
    at: seg.at,
    field: opts["field"] ?? "_raw",
    pattern: pattern?.value ?? "",
    patternAt: pattern ? [pattern.start, pattern.end] : seg.at,
    maxMatch: Number.isFinite(maxMatch) ? maxMatch : 1,
    mode: opts["mode"] === "sed" ? "sed" : "extract",
  };
}

export function runRex(cmd: RexNode, rows: RowData[], rt: Runtime): RowData[] {
  if (cmd.mode === "sed") return runSed(cmd, rows, rt);
  const re = rt.compiled(cmd.pattern);
  return rows.map((r) => {
    const v = r[cmd.field];
    if (v === undefined) return r;
    const text = scalarToString(valuesOf(v)[0]!);
    const matches = re.execAll(text, cmd.maxMatch);
    if (matches.length === 0) return r; // no match: fields are not created
    const out = { ...r };
    for (const name of re.groupNames) {
      const vals: Scalar[] = [];
      for (const m of matches) {
        const g = m.named[name];
        if (g !== undefined) vals.push(g);
      }
      if (vals.length === 1) out[name] = vals[0]!;
      else if (vals.length > 1) out[name] = vals;
    }
    return out;
  });
}

function runSed(cmd: RexNode, rows: RowData[], rt: Runtime): RowData[] {
  const m = /^s(.)([\s\S]*)$/.exec(cmd.pattern);
  if (!m) throw new EngineAbort(`rex mode=sed "${cmd.pattern}": only s/regex/replacement/flags is modelled`);
  const d = m[1]!;
  const parts = splitSed(m[2]!, d);
  if (parts.length !== 3) throw new EngineAbort(`rex mode=sed "${cmd.pattern}" is malformed`);
  const [pattern, replacement, flags] = parts as [string, string, string];
  const re = rt.compiled(pattern);
  const global = flags.includes("g");
  const nth = /^\d+$/.test(flags) ? Number(flags) : null;
  if (nth !== null && nth !== 1) throw new EngineAbort(`rex mode=sed with an occurrence number (${flags}) is not modelled`);
  return rows.map((r) => {
    const v = r[cmd.field];
    if (v === undefined) return r;
    const vals = valuesOf(v).map((x) => re.replace(scalarToString(x), replacement, global ? undefined : 1));
    return { ...r, [cmd.field]: vals.length === 1 ? vals[0]! : vals };
  });
}

function splitSed(s: string, d: string): string[] {
  const out: string[] = [];
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === "\\" && s[i + 1] === d) { cur += d; i++; continue; }
    if (c === d) { out.push(cur); cur = ""; continue; }
    cur += c;
  }
  out.push(cur);
  return out;
}

export const rex: CommandSpec<RexNode> = {
  names: ["rex"],
  parse: parseRex,
  check(c, ctx) {
    if (c.mode !== "sed") return ctx.regex(c.pattern, c.patternAt);
    const m = /^s(.)([\s\S]*)$/.exec(c.pattern);
    const d = m?.[1];
    if (!d) throw new Unsupported("unsupported_option", `rex mode=sed "${c.pattern}": only s/regex/replacement/flags is modelled`, c.patternAt, "none", "rex sed");
    ctx.regex(m![2]!.split(d)[0] ?? "", c.patternAt);
  },
  keepsEmpty: true,
  lineage: "map",
  run: (c, rows, ctx) => runRex(c, rows, ctx.rt),
};
