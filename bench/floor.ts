/**
 * The "bare RegExp floor": each analytic reduced to plain JavaScript RegExp tests over the same
 * patterns, with the same AND / OR / NOT structure, and nothing else.
 *
 * What the floor contains, per analytic (from the engine's own parsed AST of the macro-expanded
 * search, via lib/spl/parse + lib/spl/macros):
 *  - the `tstats … where` clause and any `search` stage: every `field=value` / `field IN (…)` becomes
 *    one anchored, case-insensitive RegExp (`*` → any run), tested against the event's field (the
 *    `Processes.` prefix stripped); `!=` is the negation when the field is present; numeric
 *    comparisons, bare terms and anything else count as true;
 *  - every `where` stage: `match(field, "re")` becomes `new RegExp(...)` on the engine's JavaScript
 *    translation of the PCRE (so both sides run the same regex), `like()` becomes a RegExp, combined
 *    with AND / OR / NOT; any other eval expression counts as true.
 * Evaluation short-circuits like the engine (a stage that fails stops the analytic).
 * What the floor leaves out (the engine's real work on top): the value model (multivalue, numbers,
 * null semantics), rows, renames, tstats grouping and aggregates, eval, fillnull, convert ctime,
 * stats, macro filters, and building verdict objects.
 */
import type { EvalExpr, SearchExpr } from "../lib/spl/ast";
import { expandMacros } from "../lib/spl/macros";
import { parsePipeline } from "../lib/spl/parse";
import { compilePcre } from "../lib/spl/regex";
import type { SplMacro as MacroDefinition } from "../lib/spl/api";
import type { EventInput } from "../lib/detection/types";

type Fields = Record<string, unknown>;
type Check = (f: Fields) => boolean;

const strip = (name: string) => (name.startsWith("Processes.") ? name.slice(10) : name);
const TRUE: Check = () => true;

function wildcard(value: string): RegExp {
  const src = value.split("*").map((p) => p.replace(/[.+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\\S]*");
  return new RegExp(`^${src}$`, "i");
}

function str(v: unknown): string | undefined {
  return typeof v === "string" ? v : typeof v === "number" ? String(v) : undefined;
}

export interface FloorStats {
  regexes: number;
  untranslated: number;
}

function searchCheck(e: SearchExpr, stats: FloorStats): Check {
  switch (e.kind) {
    case "and": {
      const cs = e.children.map((c) => searchCheck(c, stats));
      return (f) => cs.every((c) => c(f));
    }
    case "or": {
      const cs = e.children.map((c) => searchCheck(c, stats));
      return (f) => cs.some((c) => c(f));
    }
    case "not": {
      const c = searchCheck(e.child, stats);
      return (f) => !c(f);
    }
    case "compare": {
      if (e.op !== "=" && e.op !== "!=") return TRUE;
      const re = wildcard(e.value.value);
      stats.regexes++;
      const name = strip(e.field);
      if (e.op === "=") return (f) => { const v = str(f[name]); return v !== undefined && re.test(v); };
      return (f) => { const v = str(f[name]); return v !== undefined && !re.test(v); };
    }
    case "in": {
      const res = e.values.map((v) => wildcard(v.value));
      stats.regexes += res.length;
      const name = strip(e.field);
      return (f) => { const v = str(f[name]); return v !== undefined && res.some((r) => r.test(v)); };
    }
    default:
      return TRUE;
  }
}

function evalCheck(e: EvalExpr, stats: FloorStats): Check {
  if (e.kind === "binary" && (e.op === "AND" || e.op === "OR")) {
    const l = evalCheck(e.left, stats);
    const r = evalCheck(e.right, stats);
    return e.op === "AND" ? (f) => l(f) && r(f) : (f) => l(f) || r(f);
  }
  if (e.kind === "unary" && e.op === "NOT") {
    const c = evalCheck(e.operand, stats);
    return (f) => !c(f);
  }
  if (e.kind === "call" && (e.name === "match" || e.name === "like") && e.args.length === 2) {
    const [field, pat] = e.args;
    if (field?.kind !== "field" || pat?.kind !== "string") return TRUE;
    let re: RegExp;
    if (e.name === "like") {
      re = new RegExp(`^${pat.value.split("").map((ch) => (ch === "%" ? "[\\s\\S]*" : ch === "_" ? "[\\s\\S]" : ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))).join("")}$`);
    } else {
      const t = compilePcre(pat.value);
      if (!t.ok) {
        stats.untranslated++;
        return TRUE;
      }
      re = new RegExp(t.regex.jsSource, t.regex.jsFlags.replace(/[gy]/g, ""));
    }
    stats.regexes++;
    const name = strip(field.name);
    return (f) => { const v = str(f[name]); return v !== undefined && re.test(v); };
  }
  return TRUE;
}

/** The floor matcher for one search: a list of stage checks, all of which must hold. */
export function floorMatcher(search: string, macros: readonly MacroDefinition[] | ReadonlyMap<string, MacroDefinition>, stats: FloorStats): (event: EventInput) => boolean {
  const pipeline = parsePipeline(expandMacros(search, macros).text);
  const stages: Check[] = [];
  for (const c of pipeline.commands) {
    if (c.type === "tstats" && c.where) stages.push(searchCheck(c.where, stats));
    else if (c.type === "search" && c.expr) stages.push(searchCheck(c.expr, stats));
    else if (c.type === "where") stages.push(evalCheck(c.expr, stats));
  }
  return (event) => {
    const f = event.fields as Fields;
    for (const s of stages) if (!s(f)) return false;
    return true;
  };
}
