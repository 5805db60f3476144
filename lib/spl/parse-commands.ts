/**
 * One parser per command, over a segment's significant tokens (see parse.ts). Commands the engine
 * does not model become `generic` nodes carrying the raw arguments.
 */
import type { Aggregation, Command, FieldRef, Range } from "./ast";
import type { Token } from "./lex";
import type { Segment } from "./parse";
import { parseEvalExpr } from "./parse-eval";
import { parseSearchTokens } from "./parse-search";

type Errors = { message: string; at: Range }[];

export interface CommandParse {
  command: Command;
  errors: Errors;
}

const is = (t: Token | undefined, w: string): boolean => t !== undefined && t.kind === "word" && t.text.toLowerCase() === w;
const nameOf = (t: Token): string => (t.kind === "string" ? t.value ?? "" : t.text);
const isName = (t: Token | undefined): t is Token => t !== undefined && (t.kind === "word" || t.kind === "string");

/** Reads `key=value` options at `i` whose key is in `keys`; returns the next index. */
function readOptions(toks: Token[], i: number, keys: Set<string>, out: Record<string, string>): number {
  while (i + 2 < toks.length + 1) {
    const k = toks[i];
    const eq = toks[i + 1];
    const v = toks[i + 2];
    if (!k || k.kind !== "word" || !keys.has(k.text.toLowerCase()) || eq?.kind !== "operator" || eq.text !== "=" || !isName(v)) break;
    out[k.text.toLowerCase()] = nameOf(v);
    i += 3;
  }
  return i;
}

/** Field names separated by spaces and/or commas, until a stop word. */
function readFields(toks: Token[], i: number, stop?: (t: Token) => boolean): { fields: FieldRef[]; next: number } {
  const fields: FieldRef[] = [];
  while (i < toks.length) {
    const t = toks[i]!;
    if (stop?.(t)) break;
    if (t.kind === "comma") { i++; continue; }
    if (!isName(t)) break;
    fields.push({ name: nameOf(t), at: [t.start, t.end] });
    i++;
  }
  return { fields, next: i };
}

/** `count`, `count(x)`, `fn(x) as y`, comma-separated or not, until a stop word. */
function readAggregations(text: string, toks: Token[], i: number, errors: Errors, stop: (t: Token) => boolean): { aggs: Aggregation[]; next: number } {
  const aggs: Aggregation[] = [];
  while (i < toks.length) {
    const t = toks[i]!;
    if (stop(t)) break;
    if (t.kind === "comma") { i++; continue; }
    if (t.kind !== "word") {
      errors.push({ message: `unexpected \`${t.text}\` in the aggregations`, at: [t.start, t.end] });
      i++;
      continue;
    }
    let fn = t.text.toLowerCase();
    let arg: string | undefined;
    let end = t.end;
    let label = t.text;
    let expr: import("./ast").EvalExpr | undefined;
    i++;
    const open = toks[i];
    if (open?.kind === "lparen" && open.start === t.end) {
      // Find the matching parenthesis; a simple field argument is `fn(field)`.
      let depth = 0;
      let j = i;
      for (; j < toks.length; j++) {
        if (toks[j]!.kind === "lparen") depth++;
        if (toks[j]!.kind === "rparen" && --depth === 0) break;
      }
      const inner = toks.slice(i + 1, j);
      const close = toks[j];
      end = close?.end ?? toks[toks.length - 1]!.end;
      if (inner.length === 1 && isName(inner[0])) arg = nameOf(inner[0]!);
      else if (is(inner[0], "eval") && inner[1]?.kind === "lparen" && close) {
        const parsed = parseEvalExpr(text, inner[1].end, close.start - 1);
        errors.push(...parsed.errors);
        expr = parsed.expr;
        arg = text.slice(inner[0]!.start, close.start);
      } else {
        arg = inner.map((x) => x.text).join("");
        fn = `${fn}(expression)`;
        errors.push({ message: `aggregation ${t.text}(${arg}) with an expression is not supported`, at: [t.start, end] });
      }
      label = `${t.text}(${arg})`;
      i = j + 1;
    }
    let as = label;
    if (is(toks[i], "as") && isName(toks[i + 1])) {
      as = nameOf(toks[i + 1]!);
      end = toks[i + 1]!.end;
      i += 2;
      // An alias glued to a parenthesis is one name: `as aceFlags(inheritance)`.
      if (toks[i]?.kind === "lparen" && toks[i]!.start === end && toks[i + 2]?.kind === "rparen") {
        as += text.slice(toks[i]!.start, toks[i + 2]!.end);
        end = toks[i + 2]!.end;
        i += 3;
      }
    }
    aggs.push({ fn, arg, as, at: [t.start, end], ...(expr ? { expr } : {}) });
  }
  return { aggs, next: i };
}

const TSTATS_OPTIONS = new Set(["summariesonly", "allow_old_summaries", "fillnull_value", "prestats", "append", "local", "chunk_size", "include_reduced_buckets"]);

function parseTstats(text: string, seg: Segment, errors: Errors): Command {
  const toks = seg.tokens;
  const options: Record<string, string> = {};
  let i = readOptions(toks, 1, TSTATS_OPTIONS, options);
  const { aggs, next } = readAggregations(text, toks, i, errors, (t) => is(t, "from"));
  i = next;
  let datamodel = "";
  let datamodelAt: Range = [seg.at[0], seg.at[0]];
  if (is(toks[i], "from")) {
    i++;
    if (is(toks[i], "datamodel")) {
      i++;
      if (toks[i]?.kind === "operator" && toks[i]!.text === "=") i++;
      const dm = toks[i];
      if (isName(dm)) {
        datamodel = nameOf(dm);
        datamodelAt = [dm.start, dm.end];
        i++;
      }
    } else {
      const src = toks[i];
      errors.push({ message: `tstats over \`${src?.text ?? ""}\` (not a data model) is not supported`, at: src ? [src.start, src.end] : seg.at });
    }
  }
  let where = null;
  if (is(toks[i], "where")) {
    const start = i + 1;
    let depth = 0;
    let j = start;
    for (; j < toks.length; j++) {
      const t = toks[j]!;
      if (t.kind === "lparen") depth++;
      if (t.kind === "rparen") depth--;
      if (depth === 0 && is(t, "by")) break;
    }
    const parsed = parseSearchTokens(toks, start, j);
    where = parsed.expr;
    errors.push(...parsed.errors);
    i = j;
  }
  let by: FieldRef[] = [];
  let span: string | undefined;
  if (is(toks[i], "by")) {
    i++;
    while (i < toks.length) {
      const t = toks[i]!;
      if (is(t, "span") && toks[i + 1]?.text === "=" && toks[i + 2]) {
        span = toks[i + 2]!.text;
        i += 3;
        continue;
      }
      if (t.kind === "comma") { i++; continue; }
      if (!isName(t)) break;
      by.push({ name: nameOf(t), at: [t.start, t.end] });
      i++;
    }
  }
  if (i < toks.length) {
    const t = toks[i]!;
    errors.push({ message: `unexpected \`${t.text}\` in tstats`, at: [t.start, t.end] });
  }
  if (!datamodel) errors.push({ message: "tstats without `from datamodel=…`", at: seg.at });
  by = by.filter((f) => f.name !== "");
  return { type: "tstats", at: seg.at, options, aggregations: aggs, datamodel, datamodelAt, where, by, ...(span ? { span } : {}) };
}

function parseEval(text: string, seg: Segment, errors: Errors): Command {
  const assignments: { field: string; fieldAt: Range; expr: import("./ast").EvalExpr }[] = [];
  let pos = seg.tokens[0]!.end;
  const end = seg.at[1];
  while (pos < end) {
    while (pos < end && /[\s,]/.test(text[pos]!)) pos++;
    if (pos >= end) break;
    const m = /^(?:"((?:[^"\\]|\\.)*)"|'([^']*)'|([^\s=,]+))\s*=(?!=)/.exec(text.slice(pos, end));
    if (!m) {
      errors.push({ message: "eval expects `field = expression`", at: [pos, end] });
      break;
    }
    const field = m[1] ?? m[2] ?? m[3] ?? "";
    const fieldAt: Range = [pos, pos + m[0].length - 1];
    const parsed = parseEvalExpr(text, pos + m[0].length, end, true);
    errors.push(...parsed.errors);
    assignments.push({ field, fieldAt, expr: parsed.expr });
    pos = parsed.stoppedAt + 1;
  }
  return { type: "eval", at: seg.at, assignments };
}

function parseRename(seg: Segment, errors: Errors): Command {
  const toks = seg.tokens;
  const pairs: { from: string; to: string; at: Range }[] = [];
  let i = 1;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.kind === "comma") { i++; continue; }
    if (isName(t) && is(toks[i + 1], "as") && isName(toks[i + 2])) {
      pairs.push({ from: nameOf(t), to: nameOf(toks[i + 2]!), at: [t.start, toks[i + 2]!.end] });
      i += 3;
      continue;
    }
    errors.push({ message: `rename expects \`field AS newname\` near \`${t.text}\``, at: [t.start, t.end] });
    break;
  }
  return { type: "rename", at: seg.at, pairs };
}

function parseRex(seg: Segment, errors: Errors): Command {
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

function parseRegex(seg: Segment, errors: Errors): Command {
  const toks = seg.tokens;
  const [, a, b, c] = toks;
  if (a?.kind === "word" && b?.kind === "operator" && (b.text === "=" || b.text === "!=") && c?.kind === "string") {
    return { type: "regex", at: seg.at, field: a.text, negate: b.text === "!=", pattern: c.value ?? "", patternAt: [c.start, c.end] };
  }
  if (a?.kind === "string") return { type: "regex", at: seg.at, field: "_raw", negate: false, pattern: a.value ?? "", patternAt: [a.start, a.end] };
  errors.push({ message: "regex expects `field=\"regex\"` or `field!=\"regex\"`", at: seg.at });
  return { type: "generic", at: seg.at, name: "regex", args: "" };
}

function parseStats(text: string, seg: Segment, errors: Errors, variant: "stats" | "eventstats"): Command {
  const toks = seg.tokens;
  const { aggs, next } = readAggregations(text, toks, 1, errors, (t) => is(t, "by"));
  let by: FieldRef[] = [];
  let i = next;
  if (is(toks[i], "by")) {
    const r = readFields(toks, i + 1);
    by = r.fields;
    i = r.next;
  }
  if (i < toks.length) errors.push({ message: `unexpected \`${toks[i]!.text}\` in ${variant}`, at: [toks[i]!.start, toks[i]!.end] });
  return { type: "stats", at: seg.at, variant, aggregations: aggs, by };
}

function parseConvert(seg: Segment, errors: Errors): Command {
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

function parseDedup(seg: Segment): Command {
  const toks = seg.tokens;
  const opts: Record<string, string> = {};
  let i = 1;
  if (toks[i]?.kind === "word" && /^\d+$/.test(toks[i]!.text)) i++;
  const fields: string[] = [];
  let sortby: string | undefined;
  for (; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === "word" && toks[i + 1]?.text === "=" && toks[i + 2]) {
      opts[t.text.toLowerCase()] = toks[i + 2]!.text;
      i += 2;
    } else if (is(t, "sortby")) {
      sortby = toks.slice(i + 1).map((x) => x.text).join(" ");
      break;
    } else if (isName(t)) fields.push(nameOf(t));
  }
  const truthy = (v?: string) => v !== undefined && /^(t|true|1)$/i.test(v);
  return { type: "dedup", at: seg.at, fields, keepempty: truthy(opts["keepempty"]), consecutive: truthy(opts["consecutive"]), ...(sortby ? { sortby } : {}) };
}

function parseSort(seg: Segment): Command {
  const toks = seg.tokens;
  let i = 1;
  let limit: number | undefined;
  if (toks[i]?.kind === "word" && /^\d+$/.test(toks[i]!.text)) limit = Number(toks[i++]!.text);
  const keys: { field: string; desc: boolean }[] = [];
  let pendingDesc = false;
  for (; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === "comma") continue;
    if (t.text === "-" || t.text === "+") { pendingDesc = t.text === "-"; continue; }
    let name = nameOf(t);
    let desc = pendingDesc;
    if (name.startsWith("-") || name.startsWith("+")) { desc = name.startsWith("-"); name = name.slice(1); }
    keys.push({ field: name, desc });
    pendingDesc = false;
  }
  return { type: "sort", at: seg.at, keys, ...(limit !== undefined ? { limit } : {}) };
}

const UNSUPPORTED_REASONS: Record<string, string> = {
  lookup: "needs a lookup table, which is not available to the console",
  inputlookup: "reads a lookup table, which is not available to the console",
  outputlookup: "writes a lookup table",
  join: "joins with a subsearch over other data",
  append: "appends a subsearch over other data",
  appendpipe: "appends a subpipeline",
  transaction: "groups events into transactions over time",
  streamstats: "computes running statistics over the event stream",
  mstats: "reads metrics, not events",
  from: "reads a data model directly",
  spath: "extracts fields from structured raw data",
  xmlkv: "extracts fields from raw XML",
  iplocation: "needs a GeoIP database",
  apply: "applies a machine-learning model",
  anomalydetection: "uses statistical anomaly detection over many events",
  map: "runs a search per result",
  foreach: "iterates over field names",
  bin: "buckets time over many events",
  bucket: "buckets time over many events",
  rare: "ranks values over many events",
  top: "ranks values over many events",
  addtotals: "sums fields across results",
  fromjson: "extracts fields from raw JSON",
  multikv: "extracts fields from tabular raw data",
  extract: "extracts fields from raw data",
  cyberchef: "runs an add-on command",
  outlier: "removes outliers across many events",
  makeresults: "generates events",
  datamodel: "reads a data model directly",
  replace: "rewrites values with wildcards (not modelled yet)",
  collect: "writes to an index",
};

export function parseCommand(text: string, seg: Segment, impliedSearch: boolean, first: boolean): CommandParse {
  const errors: Errors = [];
  const toks = seg.tokens;
  if (impliedSearch) {
    const parsed = parseSearchTokens(toks, 0, toks.length);
    return { command: { type: "search", at: seg.at, leading: true, expr: parsed.expr }, errors: parsed.errors };
  }
  const head = toks[0]!;
  const name = head.kind === "word" ? head.text.toLowerCase() : head.text;
  switch (name) {
    case "search": {
      const parsed = parseSearchTokens(toks, 1, toks.length);
      return { command: { type: "search", at: seg.at, leading: first, expr: parsed.expr }, errors: parsed.errors };
    }
    case "tstats": return { command: parseTstats(text, seg, errors), errors };
    case "where": {
      const parsed = parseEvalExpr(text, head.end, seg.at[1]);
      return { command: { type: "where", at: seg.at, expr: parsed.expr }, errors: parsed.errors };
    }
    case "eval": return { command: parseEval(text, seg, errors), errors };
    case "rename": return { command: parseRename(seg, errors), errors };
    case "rex": return { command: parseRex(seg, errors), errors };
    case "regex": return { command: parseRegex(seg, errors), errors };
    case "fillnull": {
      const opts: Record<string, string> = {};
      const i = readOptions(toks, 1, new Set(["value"]), opts);
      const { fields } = readFields(toks, i);
      return { command: { type: "fillnull", at: seg.at, value: opts["value"] ?? "0", fields: fields.map((f) => f.name) }, errors };
    }
    case "table": return { command: { type: "table", at: seg.at, fields: readFields(toks, 1).fields.map((f) => f.name) }, errors };
    case "fields": {
      const sign = toks[1]?.text;
      const remove = sign === "-";
      const from = sign === "-" || sign === "+" ? 2 : 1;
      return { command: { type: "fields", at: seg.at, remove, fields: readFields(toks, from).fields.map((f) => f.name) }, errors };
    }
    case "dedup": return { command: parseDedup(seg), errors };
    case "stats": return { command: parseStats(text, seg, errors, "stats"), errors };
    case "eventstats": return { command: parseStats(text, seg, errors, "eventstats"), errors };
    case "convert": return { command: parseConvert(seg, errors), errors };
    case "sort": return { command: parseSort(seg), errors };
    case "head": {
      const n = toks[1] && /^\d+$/.test(toks[1].text) ? Number(toks[1].text) : 10;
      return { command: { type: "head", at: seg.at, count: n }, errors };
    }
    case "makemv": {
      const opts: Record<string, string> = {};
      const i = readOptions(toks, 1, new Set(["delim", "tokenizer", "allowempty", "setsv"]), opts);
      const f = toks[i];
      if (opts["tokenizer"] || !isName(f)) return { command: { type: "generic", at: seg.at, name, args: text.slice(head.end, seg.at[1]).trim(), reason: "makemv with a tokenizer is not modelled" }, errors };
      return { command: { type: "makemv", at: seg.at, field: nameOf(f), delim: opts["delim"] ?? " " }, errors };
    }
    case "mvexpand": {
      const f = toks[1];
      if (!isName(f)) return { command: { type: "generic", at: seg.at, name, args: "" }, errors };
      return { command: { type: "mvexpand", at: seg.at, field: nameOf(f) }, errors };
    }
    default: {
      const reason = UNSUPPORTED_REASONS[name];
      const args = text.slice(head.end, seg.at[1]).trim();
      return { command: { type: "generic", at: seg.at, name, args, ...(reason ? { reason } : {}) }, errors };
    }
  }
}
