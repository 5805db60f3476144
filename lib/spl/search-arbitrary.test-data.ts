/**
 * Shared by the search-language property tests (search-compile.test.ts, hinges.test.ts): random
 * search expressions over small vocabularies, and parsing one as a test expects it to parse.
 */
import fc from "fast-check";
import { lex, significant } from "./lex";
import { parseSearchTokens } from "./parse-search";
import type { SearchExpr } from "./ast";

/** Parses a search expression; a parse error fails the test (no node:assert here: lib/spl imports nothing of Node). */
export function parseExpr(spl: string): SearchExpr {
  const parsed = parseSearchTokens(significant(lex(spl)));
  if (parsed.errors.length || !parsed.expr) throw new Error(`does not parse: ${spl}: ${JSON.stringify(parsed.errors)}`);
  return parsed.expr;
}

export interface Vocabulary {
  fields: readonly string[];
  values: readonly string[];
  /** Comparison operators of `field op "value"` leaves. */
  ops: readonly string[];
  /** Leaves written as they are (bare terms, `*`, `a=*`…). */
  terms: readonly string[];
  /** At most this many values in an `IN (…)` list. */
  maxIn: number;
}

/** Expressions of leaves (comparisons, `IN` lists, terms) joined by implicit AND, AND, OR and NOT, nested. */
export function searchExpr(v: Vocabulary): fc.Arbitrary<string> {
  const leaf = fc.oneof(
    fc.tuple(fc.constantFrom(...v.fields), fc.constantFrom(...v.ops), fc.constantFrom(...v.values)).map(([f, op, x]) => `${f}${op}"${x}"`),
    fc.tuple(fc.constantFrom(...v.fields), fc.array(fc.constantFrom(...v.values), { minLength: 1, maxLength: v.maxIn })).map(([f, xs]) => `${f} IN (${xs.map((x) => `"${x}"`).join(", ")})`),
    fc.constantFrom(...v.terms),
  );
  return fc.letrec<{ e: string }>((tie) => ({
    e: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      leaf,
      fc.tuple(tie("e"), fc.constantFrom(" ", " AND ", " OR "), tie("e")).map(([l, op, r]) => `(${l}${op}${r})`),
      tie("e").map((e) => `NOT ${e}`),
    ),
  })).e;
}
