/**
 * `rex` (named groups become fields; max_match; mode=sed) and the `regex` command (keep rows whose
 * field matches; `!=` keeps non-matches AND rows without the field) — spl-semantics §5.5, §5.6.
 */
import type { Command } from "../ast";
import { EngineAbort, type RowData, type Runtime } from "../runtime";
import { scalarToString, valuesOf, type Scalar } from "../values";

type Cmd<T extends Command["type"]> = Extract<Command, { type: T }>;

export function runRex(cmd: Cmd<"rex">, rows: RowData[], rt: Runtime): RowData[] {
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

function runSed(cmd: Cmd<"rex">, rows: RowData[], rt: Runtime): RowData[] {
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

export function runRegexCommand(cmd: Cmd<"regex">, rows: RowData[], rt: Runtime): RowData[] {
  const re = rt.compiled(cmd.pattern);
  return rows.filter((r) => {
    rt.read(cmd.field);
    const v = r[cmd.field];
    if (v === undefined) return cmd.negate;
    const hit = valuesOf(v).some((x) => re.test(scalarToString(x)));
    return cmd.negate ? !hit : hit;
  });
}
