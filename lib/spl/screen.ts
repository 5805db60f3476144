/**
 * A tstats where clause's screen: the plain equalities an event must pass before anything else in
 * the clause is read. When the clause's first conjunct (in evaluation order) is a disjunction of
 * `node.field=literal` / `node.field IN (literal, …)` leaves, an event whose known values of those
 * fields are none of the literals is dropped by that conjunct alone, and the unknown fields it
 * reported are exactly the screen fields in the event's unknown set (every leaf is read, left to
 * right). search-set.ts uses that to answer such events from an index of the literals, with the
 * very verdict the gate would give.
 *
 * Only leaves whose compiled test is a plain whole-value, case-insensitive equality qualify: no
 * `*`, no CASE()/TERM(), no CIDR value, no field named like an Object.prototype member, and the
 * row key must be the field's bare name (the name `unknown` lists).
 */
import type { SearchExpr, SearchValue } from "./ast";
import { looksLikeCidr } from "./cidr";
import { bareName, isPrototypeName } from "./runtime";
import { compileSearchValue } from "./wildcard";

export interface ScreenLeaf {
  /** The event field read (row key = bare name). */
  readonly field: string;
  /** The leaf's values, case-folded; the leaf holds when a folded value of the field is one of them. */
  readonly values: readonly string[];
}

/** The leaves of the first conjunct, in the order the compiled clause reads them. */
export type Screen = readonly ScreenLeaf[];

function firstConjunct(e: SearchExpr): SearchExpr {
  return e.kind === "and" && e.children.length > 0 ? firstConjunct(e.children[0]!) : e;
}

function literal(v: SearchValue): string | null {
  if (v.modifier !== undefined || looksLikeCidr(v.value)) return null;
  const p = compileSearchValue(v.value);
  return p.literal ? p.folded : null;
}

function leafOf(field: string, values: readonly SearchValue[], keyOf: (field: string) => string | null): ScreenLeaf | null {
  const key = keyOf(field);
  if (key === null || key !== bareName(field) || isPrototypeName(key)) return null;
  const folded: string[] = [];
  for (const v of values) {
    const f = literal(v);
    if (f === null) return null;
    folded.push(f);
  }
  return { field: key, values: folded };
}

function collect(e: SearchExpr, keyOf: (field: string) => string | null, out: ScreenLeaf[]): boolean {
  switch (e.kind) {
    case "or":
      return e.children.length > 0 && e.children.every((c) => collect(c, keyOf, out));
    case "compare": {
      if (e.op !== "=") return false;
      const leaf = leafOf(e.field, [e.value], keyOf);
      return leaf !== null && out.push(leaf) > 0;
    }
    case "in": {
      const leaf = leafOf(e.field, e.values, keyOf);
      return leaf !== null && out.push(leaf) > 0;
    }
    default:
      return false;
  }
}

/** The clause's screen, or null when its first conjunct is not a disjunction of plain equalities. */
export function screenOf(where: SearchExpr, keyOf: (field: string) => string | null): Screen | null {
  const out: ScreenLeaf[] = [];
  return collect(firstConjunct(where), keyOf, out) ? out : null;
}
