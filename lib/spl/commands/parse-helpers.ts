/**
 * Token helpers shared by the command parsers: words, names, `key=value` options, field lists and
 * stats-style aggregations.
 */
import type { Aggregation, EvalExpr, FieldRef } from "../ast";
import type { Token } from "../lex";
import { parseEvalExpr } from "../parse-eval";
import type { ParseErrors as Errors } from "./spec";

export const is = (t: Token | undefined, w: string): boolean => t !== undefined && t.kind === "word" && t.text.toLowerCase() === w;
export const nameOf = (t: Token): string => (t.kind === "string" ? t.value ?? "" : t.text);
export const isName = (t: Token | undefined): t is Token => t !== undefined && (t.kind === "word" || t.kind === "string");

/** Reads `key=value` options at `i` whose key is in `keys`; returns the next index. */
export function readOptions(toks: Token[], i: number, keys: Set<string>, out: Record<string, string>): number {
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
export function readFields(toks: Token[], i: number, stop?: (t: Token) => boolean): { fields: FieldRef[]; next: number } {
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
export function readAggregations(text: string, toks: Token[], i: number, errors: Errors, stop: (t: Token) => boolean): { aggs: Aggregation[]; next: number } {
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
    let expr: EvalExpr | undefined;
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


/** The raw argument text after the command word. */
export function argsText(text: string, tokens: Token[], end: number): string {
  const head = tokens[0];
  return head ? text.slice(head.end, end).trim() : "";
}

/** `t`, `true`, `1` (any case). */
export function truthy(v: string | undefined): boolean {
  return v !== undefined && /^(t|true|1)$/i.test(v);
}
