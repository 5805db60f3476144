/**
 * How SPL orders values, shared by `sort`, `dedup … sortby`, `top`/`rare` and the order of grouped
 * results. Per the sort command's usage notes [V cmd:sort]: the collating sequence is decided
 * for each pair of values compared — numbers numerically, IP addresses as addresses, anything
 * else lexicographically (code point order: digits before upper case before lower case); `num()`,
 * `str()`, `ip()`, `auto()` force a sequence. Results missing the field sort last either way
 * ("the smallest possible value if descending, the largest if ascending").
 * A multivalue field sorts by its first value [U].
 */
import { compareStrings, parseNumeric, scalarToString, valuesOf, type Scalar } from "../values";

export type Collation = "auto" | "num" | "str" | "ip";

function ipv4(s: string): number | null {
  const m = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (!m) return null;
  let n = 0;
  for (let i = 1; i <= 4; i++) {
    const part = Number(m[i]);
    if (part > 255) return null;
    n = n * 256 + part;
  }
  return n;
}

function numberOf(x: Scalar): number | null {
  const n = typeof x === "number" ? x : parseNumeric(x);
  return n === null || Number.isNaN(n) ? null : n;
}

/** Compare two present values under a collation (ascending). */
export function compareValues(x: Scalar, y: Scalar, how: Collation = "auto"): number {
  if (how !== "str") {
    if (how !== "ip") {
      const nx = numberOf(x);
      const ny = numberOf(y);
      if (nx !== null && ny !== null) return nx < ny ? -1 : nx > ny ? 1 : 0;
    }
    if (how !== "num") {
      const ix = ipv4(scalarToString(x));
      const iy = ipv4(scalarToString(y));
      if (ix !== null && iy !== null) return ix < iy ? -1 : ix > iy ? 1 : 0;
    }
  }
  return compareStrings(scalarToString(x), scalarToString(y));
}

export interface SortKey {
  field: string;
  desc: boolean;
  how: Collation;
}

/** Compare two rows' values of one key: missing (or empty) values last whatever the direction. */
export function compareField(a: Scalar | Scalar[] | undefined, b: Scalar | Scalar[] | undefined, key: SortKey): number {
  const x = a === undefined ? undefined : valuesOf(a)[0];
  const y = b === undefined ? undefined : valuesOf(b)[0];
  if (x === undefined || y === undefined) return x === y ? 0 : x === undefined ? 1 : -1;
  const c = compareValues(x, y, key.how);
  return key.desc ? -c : c;
}

/** A stable sort of rows by keys (Array.prototype.sort is stable). */
export function sortRows<R extends Record<string, Scalar | Scalar[] | undefined>>(rows: readonly R[], keys: readonly SortKey[]): R[] {
  return rows.slice().sort((a, b) => {
    for (const k of keys) {
      const c = compareField(a[k.field], b[k.field], k);
      if (c !== 0) return c;
    }
    return 0;
  });
}
