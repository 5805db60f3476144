/**
 * Static support check: can this pipeline run faithfully on pasted events? If not, the exact
 * construct and why. Also classifies searches whose verdict depends on other events (`batch`):
 * a filter that reads an aggregate such as `count` or `dc` over many events.
 */
import type { Aggregation, Command, EvalExpr, Pipeline, Range, SearchExpr } from "./ast";
import { makeAggregator } from "./aggregates";
import { nodeName } from "./commands/tstats";
import { renamedField } from "./commands/transform";
import { knownFunction, walk } from "./eval-lang";
import { lex, significant } from "./lex";
import type { Expansion } from "./macros";
import { parseSearchTokens } from "./parse-search";
import { compilePcre } from "./regex";
import { isFailure } from "./values";

export type RawSupport =
  | { level: "event" }
  | { level: "batch" | "none"; reason: string; at?: Range };

/** The datasets lib/events produces. */
export const PRODUCIBLE_DATASETS = ["Endpoint.Processes"];

/** Aggregates whose value depends on how many events share a group. */
const BATCH_AGGREGATES = new Set([
  "count", "dc", "distinct_count", "estdc", "estdc_error", "sum", "sumsq", "avg", "mean", "median", "mode",
  "stdev", "stdevp", "var", "varp", "range", "perc", "p", "upperperc", "exactperc", "rate", "per_second",
]);

class Unsupported extends Error {
  constructor(readonly reason: string, readonly at?: Range, readonly level: "none" | "batch" = "none") {
    super(reason);
  }
}

function searchFields(e: SearchExpr | null, out: string[]): void {
  if (!e) return;
  if (e.kind === "and" || e.kind === "or") e.children.forEach((c) => searchFields(c, out));
  else if (e.kind === "not") searchFields(e.child, out);
  else if (e.kind === "compare" || e.kind === "in") out.push(e.field);
}

function checkSearchExpr(e: SearchExpr | null, where: string): void {
  if (!e) return;
  switch (e.kind) {
    case "and": case "or": e.children.forEach((c) => checkSearchExpr(c, where)); return;
    case "not": checkSearchExpr(e.child, where); return;
    case "term": throw new Unsupported(`bare term "${e.text}" in ${where} matches raw event text, which data-model rows do not carry`, e.at);
    case "unsupported": throw new Unsupported(`${e.what} in ${where} is not run on pasted events`, e.at);
    default: return;
  }
}

function checkRegex(pattern: string, at: Range): void {
  const r = compilePcre(pattern);
  if (!r.ok) throw new Unsupported(`regular expression /${pattern}/: ${r.reason}`, at);
}

function checkEvalExpr(e: EvalExpr): void {
  walk(e, (n) => {
    if (n.kind !== "call") return;
    if (!knownFunction(n.name)) throw new Unsupported(`eval function ${n.name}() is not supported by the engine`, n.at);
    const [, second] = n.args;
    if ((n.name === "match" || n.name === "replace") && second?.kind === "string") checkRegex(second.value, second.at);
    if (n.name === "searchmatch") {
      const q = n.args[0];
      if (q?.kind !== "string") throw new Unsupported("searchmatch() with a computed query", n.at);
      const parsed = parseSearchTokens(significant(lex(q.value)));
      checkSearchExpr(parsed.expr, "searchmatch()");
    }
  });
}

function checkAggregations(aggs: Aggregation[]): void {
  for (const a of aggs) {
    const agg = makeAggregator(a.fn, a.expr ? "expr" : a.arg);
    if (isFailure(agg)) throw new Unsupported(`aggregation ${a.fn}(): ${agg.failure}`, a.at);
    if (a.expr) checkEvalExpr(a.expr);
  }
}

function evalReads(e: EvalExpr): string[] {
  const names: string[] = [];
  walk(e, (n) => { if (n.kind === "field") names.push(n.name); });
  return names;
}

/** Follow aggregate-derived fields through the pipeline; a filter on one makes the search batch-only. */
function checkBatch(commands: Command[], text: string): void {
  const batch = new Set<string>();
  // An aggregate is batch-dependent when its function counts rows (count, dc, avg, …), when it
  // comes from eventstats, or when it aggregates a field that is itself batch-dependent
  // (`stats values(stdev) as stdevperhost` after `eventstats stdev(…) as stdev`).
  const addAggs = (aggs: Aggregation[], all: boolean) => {
    for (const a of aggs) {
      const readsBatch = (a.arg !== undefined && batch.has(a.arg)) || (a.expr !== undefined && evalReads(a.expr).some((r) => batch.has(r)));
      if (all || readsBatch || BATCH_AGGREGATES.has(a.fn)) batch.add(a.as);
      else batch.delete(a.as);
    }
  };
  const filterOn = (c: Command, reads: string[]) => {
    const hit = reads.find((r) => batch.has(r));
    if (hit) {
      const snippet = text.slice(c.at[0], c.at[1]).replace(/\s+/g, " ");
      throw new Unsupported(`\`${snippet.length > 80 ? `${snippet.slice(0, 77)}…` : snippet}\` reads ${hit}, an aggregate over many events: its verdict depends on the other events in the batch`, c.at, "batch");
    }
  };
  for (const c of commands) {
    switch (c.type) {
      case "tstats": addAggs(c.aggregations, false); break;
      case "stats": addAggs(c.aggregations, c.variant === "eventstats"); break;
      case "rename":
        for (const p of c.pairs) {
          for (const f of [...batch]) {
            const to = renamedField(p.from, p.to, f);
            if (to !== null) {
              batch.delete(f);
              batch.add(to);
            }
          }
        }
        break;
      case "eval":
        for (const a of c.assignments) {
          if (evalReads(a.expr).some((r) => batch.has(r))) batch.add(a.field);
          else batch.delete(a.field);
        }
        break;
      case "where": filterOn(c, evalReads(c.expr)); break;
      case "search": { const f: string[] = []; searchFields(c.expr, f); filterOn(c, f); break; }
      case "regex": filterOn(c, [c.field]); break;
      default: break;
    }
  }
}

function checkCommand(c: Command, index: number, text: string): void {
  switch (c.type) {
    case "tstats": {
      if (index > 0) throw new Unsupported("tstats after the first command", c.at);
      if (!PRODUCIBLE_DATASETS.some((d) => d.toLowerCase() === c.datamodel.toLowerCase())) {
        throw new Unsupported(`reads data model ${c.datamodel || "(none)"}; pasted events are ${PRODUCIBLE_DATASETS.join(", ")} events (command lines, Sysmon 1, Security 4688, CIM JSON)`, c.datamodelAt);
      }
      for (const opt of ["prestats", "append"]) {
        if (/^(t|true|1)$/i.test(c.options[opt] ?? "")) throw new Unsupported(`tstats ${opt}=${c.options[opt]} is not modelled`, c.at);
      }
      checkSearchExpr(c.where, "the tstats where clause");
      checkAggregations(c.aggregations);
      return;
    }
    case "search":
      if (index === 0) {
        const head = text.slice(c.at[0], Math.min(c.at[1], c.at[0] + 60)).trim();
        throw new Unsupported(`raw-event search (\`${head}${c.at[1] - c.at[0] > 60 ? "…" : ""}\`): it reads a vendor's raw events, and pasted events are CIM data-model fields`, c.at);
      }
      if (c.expr?.kind !== "all") checkSearchExpr(c.expr, "search");
      return;
    case "where": checkEvalExpr(c.expr); return;
    case "eval": c.assignments.forEach((a) => checkEvalExpr(a.expr)); return;
    case "rex":
      if (c.mode === "sed") {
        const m = /^s(.)([\s\S]*)$/.exec(c.pattern);
        const d = m?.[1];
        const body = d ? m![2]!.split(d)[0] ?? "" : "";
        if (!d) throw new Unsupported(`rex mode=sed "${c.pattern}": only s/regex/replacement/flags is modelled`, c.patternAt);
        checkRegex(body, c.patternAt);
      } else checkRegex(c.pattern, c.patternAt);
      return;
    case "regex": checkRegex(c.pattern, c.patternAt); return;
    case "stats": checkAggregations(c.aggregations); return;
    case "convert":
      for (const conv of c.conversions) if (conv.fn !== "ctime") throw new Unsupported(`convert ${conv.fn}() is not modelled`, conv.at);
      return;
    case "dedup": if (c.sortby) throw new Unsupported("dedup … sortby is not modelled", c.at); return;
    case "generic": throw new Unsupported(`\`${c.name}\` ${c.reason ?? "is not modelled by the engine"}`, c.at);
    default: return;
  }
}

export function checkSupport(p: Pipeline, expansion: Expansion): RawSupport {
  try {
    const macroError = expansion.errors[0];
    if (macroError) throw new Unsupported(macroError.message, macroError.at);
    const parseError = p.errors[0];
    if (parseError) throw new Unsupported(`the search could not be parsed: ${parseError.message}`, parseError.at);
    p.commands.forEach((c, i) => checkCommand(c, i, expansion.text));
    checkBatch(p.commands, expansion.text);
    return { level: "event" };
  } catch (e) {
    if (e instanceof Unsupported) return { level: e.level, reason: e.reason, ...(e.at ? { at: e.at } : {}) };
    return { level: "none", reason: `internal error while checking the search: ${String(e)}` };
  }
}

/** The fields the search reads from events (data-model prefix removed), for "required fields". */
export function fieldsRead(p: Pipeline): string[] {
  const out: string[] = [];
  const first = p.commands[0];
  if (first?.type === "tstats") {
    const prefix = `${nodeName(first.datamodel)}.`;
    searchFields(first.where, out);
    first.by.forEach((b) => out.push(b.name));
    first.aggregations.forEach((a) => a.arg !== undefined && !a.expr && out.push(a.arg));
    return unique(out.map((f) => (f.startsWith(prefix) ? f.slice(prefix.length) : f)).filter((f) => f !== "_time" && !f.includes("(")));
  }
  if (first?.type === "search") {
    searchFields(first.expr, out);
    const stats = p.commands.find((c) => c.type === "stats");
    if (stats?.type === "stats") {
      stats.by.forEach((b) => out.push(b.name));
      stats.aggregations.forEach((a) => a.arg !== undefined && !a.expr && out.push(a.arg));
    }
  }
  return unique(out.filter((f) => f !== "_time" && f !== "_raw" && !/^(source|sourcetype|index|eventtype|host)$/.test(f)));
}

function unique(xs: string[]): string[] {
  return [...new Set(xs)];
}
