/**
 * Filtering and facet counts. A facet's counts apply the text search and every OTHER facet's
 * filter (not its own), so the user sees how many rows each alternative value would give;
 * selected values are always listed, even at 0.
 */
import type { CatalogEntry, CatalogIndex } from "./build";
import { FACET_KEYS } from "./query";
import { matchesTerms, searchTerms } from "./text-search";
import type { CatalogQuery, CatalogResult, FacetKey, FacetResult, FacetValue } from "./types";
import { compareText } from "../detection/collate";

export const FACET_LABELS: Record<FacetKey, string> = {
  type: "Type",
  status: "Status",
  tactic: "Tactic",
  technique: "Technique",
  source: "Data source",
  story: "Analytic story",
  product: "Product",
  domain: "Security domain",
};

function facetMatches(entry: CatalogEntry, key: FacetKey, selected: readonly string[]): boolean {
  if (selected.length === 0) return true;
  const values = entry.facets[key];
  return selected.some((s) => values.includes(s));
}

/** Which facets an entry fails (text search aside). */
function failedFacets(entry: CatalogEntry, query: CatalogQuery): FacetKey[] {
  const failed: FacetKey[] = [];
  for (const key of FACET_KEYS) if (!facetMatches(entry, key, query.filters[key])) failed.push(key);
  return failed;
}

function sortValues(key: FacetKey, values: FacetValue[], index: CatalogIndex): FacetValue[] {
  if (key === "tactic") {
    const rank = (v: string) => {
      const i = index.tacticOrder.indexOf(v);
      return i === -1 ? Number.MAX_SAFE_INTEGER : i;
    };
    return values.sort((a, b) => rank(a.value) - rank(b.value) || compareText(a.value, b.value));
  }
  return values.sort((a, b) => b.count - a.count || compareText(a.label, b.label));
}

/** Which entries (by position in the index) match the query's text, when decided elsewhere. */
export type TextMatch = (position: number) => boolean;

/** The entries (positions) whose text matches `q`: what a browser without the haystacks asks the server. */
export function textMatches(index: CatalogIndex, q: string): number[] {
  const terms = searchTerms(q);
  const out: number[] = [];
  index.entries.forEach((e, i) => {
    if (matchesTerms(e.haystack, terms)) out.push(i);
  });
  return out;
}

/**
 * Filters the index by the query and counts every facet's values. `textMatch` decides the text
 * search instead of the entries' haystacks (a browser's index has none: it asks the server).
 */
export function queryCatalog(index: CatalogIndex, query: CatalogQuery, textMatch?: TextMatch): CatalogResult {
  const terms = searchTerms(query.q);
  const counts = new Map<FacetKey, Map<string, number>>(FACET_KEYS.map((k) => [k, new Map()]));
  const rows: CatalogResult["rows"] = [];
  for (let i = 0; i < index.entries.length; i++) {
    const entry = index.entries[i]!;
    if (terms.length > 0 && !(textMatch ? textMatch(i) : matchesTerms(entry.haystack, terms))) continue;
    const failed = failedFacets(entry, query);
    if (failed.length === 0) rows.push(entry.row);
    if (failed.length > 1) continue;
    // Counted for facet K when it passes every facet other than K.
    for (const key of FACET_KEYS) {
      if (failed.length === 1 && failed[0] !== key) continue;
      const m = counts.get(key)!;
      for (const v of entry.facets[key]) m.set(v, (m.get(v) ?? 0) + 1);
    }
  }
  const facets: FacetResult[] = FACET_KEYS.map((key) => {
    const m = counts.get(key)!;
    for (const s of query.filters[key]) if (!m.has(s)) m.set(s, 0);
    const labels = index.labels[key];
    const values: FacetValue[] = [...m].map(([value, count]) => ({
      value,
      label: labels?.get(value) ?? value,
      count,
      selected: query.filters[key].includes(value),
    }));
    return { key, label: FACET_LABELS[key], values: sortValues(key, values, index) };
  });
  return { rows, total: index.entries.length, facets };
}
