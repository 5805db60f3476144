/**
 * A search expression's screen: the plain equalities an event must pass before anything else in
 * the expression is read. When the expression's first conjunct (in evaluation order) is a
 * disjunction of `field=literal` / `field IN (literal, …)` leaves, an event whose known values of
 * those fields are none of the literals is dropped by that conjunct alone, and the unknown fields
 * it reported are exactly the screen fields in the event's unknown set (every leaf is read, left to
 * right). search-set.ts uses that to answer such events from an index of the literals, with the
 * very verdict the search's gate would give.
 *
 * The screen comes from the compiled leaves themselves (search-leaf.ts): only a leaf whose
 * compiled test is a plain whole-value, case-insensitive equality has one (no `*`, no CASE()/TERM(),
 * no CIDR value, no field named like an Object.prototype member, and a record key equal to the
 * field's bare name, the name `unknown` lists).
 */

export interface ScreenLeaf {
  /** The event field read (record key = bare name). */
  readonly field: string;
  /** The leaf's values, case-folded; the leaf holds when a folded value of the field is one of them. */
  readonly values: readonly string[];
}

/** The leaves of the first conjunct, in the order the compiled expression reads them. */
export type Screen = readonly ScreenLeaf[];

/** The screen of a disjunction's leaves: every leaf must have one. */
export function screenOfLeaves(leaves: readonly { screen: ScreenLeaf | null }[]): Screen | null {
  const out: ScreenLeaf[] = [];
  for (const l of leaves) {
    if (l.screen === null) return null;
    out.push(l.screen);
  }
  return out.length > 0 ? out : null;
}
