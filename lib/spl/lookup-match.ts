/**
 * Which rows of a lookup table match an event's values, with the definition's field matching
 * rules [V lookup-rules: https://help.splunk.com/splunk-enterprise/manage-knowledge-objects/knowledge-management-manual/9.4/use-the-configuration-files-to-configure-lookups/add-field-matching-rules-to-your-lookup-configuration]:
 * `match_type = WILDCARD(f)` (the table's value of f is a pattern, `*` any run of characters),
 * `CIDR(f)` (the table's value is a CIDR range), exact otherwise; `case_sensitive_match` (default
 * true); matches in file order, at most `max_matches` (default 100 without a time field).
 * Compiled once per (table, match fields, rules); exact fields are indexed.
 */
import type { LookupDefinition, LookupTable } from "../detection/lookups";
import { cidrMatch } from "./cidr";
import { wildcardIndex, type WildcardIndex } from "./lookup-index";
import { compileSearchValueUncached, foldCase, type CompiledValuePattern } from "./wildcard";

export const DEFAULT_MAX_MATCHES = 100;

type Test = (value: string) => boolean;

interface Column {
  index: number;
  mode: "exact" | "WILDCARD" | "CIDR";
}

export interface RowMatcher {
  /** Indexes of the matching rows, in file order, at most max_matches. */
  rows(values: readonly string[]): number[];
}

const cache = new WeakMap<LookupTable, Map<string, RowMatcher>>();

/** Column index of a table field, or -1. */
export function columnOf(table: LookupTable, field: string): number {
  return table.fields.indexOf(field);
}

export function rowMatcher(table: LookupTable, def: LookupDefinition, fields: readonly string[]): RowMatcher {
  const key = JSON.stringify([fields, def.matchTypes ?? [], def.caseSensitiveMatch ?? true, def.maxMatches ?? DEFAULT_MAX_MATCHES]);
  let byKey = cache.get(table);
  if (!byKey) cache.set(table, (byKey = new Map()));
  let m = byKey.get(key);
  if (!m) byKey.set(key, (m = buildMatcher(table, def, fields)));
  return m;
}

function buildMatcher(table: LookupTable, def: LookupDefinition, fields: readonly string[]): RowMatcher {
  const sensitive = def.caseSensitiveMatch ?? true;
  const max = Math.max(1, def.maxMatches ?? DEFAULT_MAX_MATCHES);
  const fold = (s: string) => (sensitive ? s : foldCase(s));
  const columns: Column[] = fields.map((f) => ({ index: columnOf(table, f), mode: def.matchTypes?.find((t) => t.field === f)?.type ?? "exact" }));
  const exact = columns.map((c, i) => ({ c, i })).filter((x) => x.c.mode === "exact");
  const other = columns.map((c, i) => ({ c, i })).filter((x) => x.c.mode !== "exact");
  // Per row, a test for each non-exact column (compiled lazily: a 90,000-row table of patterns).
  const tests: (Test | null)[][] = [];
  const testOf = (row: number, k: number): Test | null => {
    const t = (tests[row] ??= []);
    if (t[k] === undefined) {
      const { c } = other[k]!;
      const cell = table.rows[row]![c.index] ?? "";
      t[k] = cell === "" ? null : compileTest(cell, c.mode, sensitive);
    }
    return t[k]!;
  };
  // Exact columns: an index from the joined cells to the rows, in file order.
  const index = new Map<string, number[]>();
  for (let r = 0; r < table.rows.length; r++) {
    const row = table.rows[r]!;
    const cells = exact.map(({ c }) => row[c.index] ?? "");
    if (cells.some((v) => v === "")) continue;
    const k = cells.map(fold).join("\u0000");
    const list = index.get(k);
    if (list) list.push(r);
    else index.set(k, [r]);
  }
  const all = table.rows.map((_, r) => r);
  // Without an exact column, the first WILDCARD column's trigram index gives the candidates.
  const w = other.find((o) => o.c.mode === "WILDCARD");
  let wild: WildcardIndex | null = null;
  const candidatesOf = (values: readonly string[]): readonly number[] => {
    if (exact.length) return index.get(exact.map(({ i }) => fold(values[i] ?? "")).join("\u0000")) ?? [];
    if (!w) return all;
    wild ??= wildcardIndex(table.rows.map((r) => r[w.c.index] ?? ""), sensitive);
    return wild.candidates(values[w.i] ?? "");
  };
  return {
    rows(values) {
      const candidates = candidatesOf(values);
      const out: number[] = [];
      for (const r of candidates) {
        let ok = true;
        for (let k = 0; k < other.length && ok; k++) {
          const t = testOf(r, k);
          ok = t !== null && t(values[other[k]!.i] ?? "");
        }
        if (ok && out.push(r) >= max) break;
      }
      return out;
    },
  };
}

function compileTest(cell: string, mode: Column["mode"], sensitive: boolean): Test | null {
  if (mode === "CIDR") {
    // A table value that is not CIDR notation matches only itself.
    return (v) => cidrMatch(cell, v) ?? (sensitive ? v === cell : foldCase(v) === foldCase(cell));
  }
  const p: CompiledValuePattern = compileSearchValueUncached(cell, { caseSensitive: sensitive });
  return (v) => p.test(v);
}
