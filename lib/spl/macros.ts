/**
 * Macro expansion with a source map back to the original search.
 *
 * Rules (spl-semantics §7): `name` or `name(a, b)` between backticks; arguments substitute `$arg$`
 * everywhere in the definition, quotes included; definitions may call macros (expanded
 * recursively); macros inside double-quoted values are not expanded; ```comments``` are removed
 * first. Two macros security_content does not define get built-in definitions:
 * `drop_dm_object_name(X)` = `rename X.* AS *` (Splunk_SA_CIM) and any `<name>_filter` =
 * `search *` (contentctl's default tuning hook).
 */
import type { SplMacro as MacroDefinition } from "./api";
import type { MacroUse } from "./api";
import type { Span } from "../detection/types";
import type { Range } from "./ast";
import { scanString } from "./lex";

const MAX_DEPTH = 16;
const MAX_OUTPUT = 1_000_000;

type Seg =
  | { kind: "copy"; outStart: number; outEnd: number; srcStart: number }
  | { kind: "macro"; outStart: number; outEnd: number; invStart: number; invEnd: number; name: string; inner: Seg[] };

export interface Expansion {
  text: string;
  map: SourceMap;
  uses: MacroUse[];
  errors: { message: string; at: Range }[];
}

export interface MacroCall {
  name: string;
  args: string[];
  /** Named arguments (`name(field=x)`), when written that way. */
  named?: Record<string, string>;
  start: number;
  end: number;
}

/** Index macro definitions by `name/arity`. Names written `foo(2)` are accepted too. */
export function indexMacros(macros: readonly MacroDefinition[]): Map<string, MacroDefinition> {
  const m = new Map<string, MacroDefinition>();
  for (const def of macros) {
    const bare = def.name.replace(/\(\d+\)$/, "").trim();
    m.set(`${bare}/${def.args.length}`, { ...def, name: bare });
  }
  return m;
}

/** Replace ```comments``` with spaces of the same length, so offsets stay put. */
export function blankComments(text: string): string {
  if (!text.includes("```")) return text;
  return text.replace(/```[\s\S]*?(```|$)/g, (c) => " ".repeat(c.length));
}

/** Parse the text between backticks: `name`, `name(a, "b,c")`, `name(k=v)`. */
export function parseMacroCall(inner: string, start: number, end: number): MacroCall | null {
  const m = /^\s*([A-Za-z0-9_\-.:]+)\s*(?:\(([\s\S]*)\))?\s*$/.exec(inner);
  if (!m) return null;
  const name = m[1]!;
  if (m[2] === undefined) return { name, args: [], start, end };
  const raw = splitArgs(m[2]);
  const named: Record<string, string> = {};
  let allNamed = raw.length > 0;
  for (const a of raw) {
    const kv = /^([A-Za-z0-9_\-]+)\s*=\s*([\s\S]*)$/.exec(a);
    if (kv) named[kv[1]!] = kv[2]!;
    else allNamed = false;
  }
  return allNamed ? { name, args: raw, named, start, end } : { name, args: raw, start, end };
}

function splitArgs(s: string): string[] {
  if (s.trim() === "") return [];
  const out: string[] = [];
  let depth = 0;
  let cur = "";
  for (let i = 0; i < s.length; i++) {
    const c = s[i]!;
    if (c === '"') {
      const { end } = scanString(s, i);
      cur += s.slice(i, end);
      i = end - 1;
      continue;
    }
    if (c === "(") depth++;
    if (c === ")") depth--;
    if (c === "," && depth === 0) {
      out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += c;
  }
  out.push(cur.trim());
  return out;
}

function stripQuotes(s: string): string {
  const t = s.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1) : t;
}

interface Resolved {
  definition: string;
  origin: MacroUse["origin"];
  argNames: readonly string[];
}

function resolve(call: MacroCall, index: ReadonlyMap<string, MacroDefinition>): Resolved | null {
  const def = index.get(`${call.name}/${call.args.length}`);
  if (def) return { definition: def.definition, origin: "content", argNames: def.args };
  if (call.name === "drop_dm_object_name" && call.args.length === 1) {
    return { definition: `rename ${stripQuotes(call.args[0]!)}.* AS *`, origin: "builtin-cim", argNames: [] };
  }
  if (call.name.endsWith("_filter") && call.args.length === 0) {
    return { definition: "search *", origin: "builtin-filter", argNames: [] };
  }
  return null;
}

function substitute(definition: string, call: MacroCall, argNames: readonly string[]): string {
  if (argNames.length === 0) return definition;
  const values = new Map<string, string>();
  argNames.forEach((n, i) => values.set(n, call.named?.[n] ?? call.args[i] ?? ""));
  return definition.replace(/\$([A-Za-z0-9_\-]+)\$/g, (all, n: string) => values.get(n) ?? all);
}

interface Ctx {
  index: ReadonlyMap<string, MacroDefinition>;
  uses: MacroUse[];
  errors: { message: string; at: Range }[];
  size: number;
}

/**
 * Expand `text`. `origin` maps a local offset to the top-level invocation range for error reports
 * (identity at top level).
 */
function expandText(text: string, ctx: Ctx, depth: number, stack: string[], top: Range | null): { out: string; segs: Seg[] } {
  let out = "";
  const segs: Seg[] = [];
  let copyFrom = 0;
  const flushCopy = (upTo: number) => {
    if (upTo > copyFrom) {
      segs.push({ kind: "copy", outStart: out.length, outEnd: out.length + (upTo - copyFrom), srcStart: copyFrom });
      out += text.slice(copyFrom, upTo);
    }
  };
  let i = 0;
  while (i < text.length) {
    const c = text[i]!;
    if (c === '"' && text[i - 1] !== "\\") {
      i = scanString(text, i).end;
      continue;
    }
    if (c !== "`") {
      i++;
      continue;
    }
    const close = text.indexOf("`", i + 1);
    const here: Range = top ?? [i, close < 0 ? text.length : close + 1];
    if (close < 0) {
      ctx.errors.push({ message: "unterminated macro: a backtick has no closing backtick", at: here });
      break;
    }
    const call = parseMacroCall(text.slice(i + 1, close), i, close + 1);
    const resolved = call ? resolve(call, ctx.index) : null;
    if (!call || !resolved) {
      const label = call ? `${call.name}${call.args.length ? `(${call.args.length})` : ""}` : text.slice(i + 1, close);
      ctx.errors.push({ message: `macro \`${label}\` is not defined in the content`, at: here });
      i = close + 1;
      continue;
    }
    const key = `${call.name}/${call.args.length}`;
    if (depth >= MAX_DEPTH || stack.includes(key)) {
      ctx.errors.push({ message: `macro \`${call.name}\` expands recursively`, at: here });
      i = close + 1;
      continue;
    }
    const body = substitute(resolved.definition, call, resolved.argNames);
    const inner = expandText(body, ctx, depth + 1, [...stack, key], here);
    ctx.size += inner.out.length;
    if (ctx.size > MAX_OUTPUT) {
      ctx.errors.push({ message: "macro expansion is too large", at: here });
      break;
    }
    if (top === null) {
      ctx.uses.push({
        name: call.name,
        args: call.args,
        span: { start: call.start, end: call.end },
        definition: resolved.definition,
        origin: resolved.origin,
        expansion: inner.out,
      });
    }
    flushCopy(i);
    // Pad with spaces so the expansion never glues onto neighbouring tokens.
    segs.push({ kind: "macro", outStart: out.length, outEnd: out.length + inner.out.length, invStart: i, invEnd: close + 1, name: call.name, inner: inner.segs });
    out += inner.out;
    i = close + 1;
    copyFrom = i;
  }
  flushCopy(text.length);
  return { out, segs };
}

export function expandMacros(search: string, macros: readonly MacroDefinition[] | ReadonlyMap<string, MacroDefinition>): Expansion {
  const index: ReadonlyMap<string, MacroDefinition> = macros instanceof Map ? macros : indexMacros(macros as readonly MacroDefinition[]);
  const ctx: Ctx = { index, uses: [], errors: [], size: 0 };
  const { out, segs } = expandText(blankComments(search), ctx, 0, [], null);
  return { text: out, map: new SourceMap(segs, out.length), uses: ctx.uses, errors: ctx.errors };
}

/** Maps ranges of the expanded text back to spans of the original search. */
export class SourceMap {
  constructor(private readonly segs: Seg[], private readonly length: number) {}

  private find(pos: number): Seg | undefined {
    const segs = this.segs;
    let lo = 0;
    let hi = segs.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = segs[mid]!;
      if (pos < s.outStart) hi = mid - 1;
      else if (pos >= s.outEnd) lo = mid + 1;
      else return s;
    }
    return segs[Math.min(lo, segs.length - 1)];
  }

  toSpan(range: Range): Span {
    const [s, e] = range;
    const a = this.find(Math.min(s, Math.max(0, this.length - 1)));
    const b = this.find(Math.max(s, Math.min(e - 1, this.length - 1)));
    if (!a || !b) return { start: s, end: e };
    const start = a.kind === "copy" ? a.srcStart + (s - a.outStart) : a.invStart;
    const end = b.kind === "copy" ? b.srcStart + (e - b.outStart) : b.invEnd;
    if (a.kind === "macro" && a === b) {
      return { start, end, macro: { name: a.name, start: s - a.outStart, end: e - a.outStart } };
    }
    return { start, end: Math.max(start, end) };
  }
}
