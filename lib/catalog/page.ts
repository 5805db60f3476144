/**
 * One page of the catalog as the table shows it: the query's rows filtered, sorted and cut to
 * the page, with the number that matched and the facets. The server renders it; a browser holding
 * the compact index (compact.ts) computes the same thing for the next query without asking.
 */
import type { CatalogIndex } from "./build";
import { queryCatalog, type TextMatch } from "./facets";
import { pageOf } from "./paged";
import { defaultOrder, sortRows } from "./sort";
import type { CatalogQuery, CatalogRow, FacetResult } from "./types";

export const PAGE_SIZE = 100;
/** A long facet shows this many values (and every selected one) until it is expanded. */
export const FACET_PREVIEW = 8;

export interface CatalogPageView {
  /** The rows of the current page, in the query's order. */
  rows: CatalogRow[];
  /** Rows matching the query (all pages). */
  matched: number;
  /** Size of the whole catalog. */
  total: number;
  facets: FacetResult[];
  /** 1-based, within 1..pageCount. */
  page: number;
  pageCount: number;
}

export function catalogPage(index: CatalogIndex, query: CatalogQuery, textMatch?: TextMatch): CatalogPageView {
  const result = queryCatalog(index, query, textMatch);
  const sorted = query.sort ? sortRows(result.rows, query.sort.column, query.sort.desc) : defaultOrder(result.rows);
  const { rows, page, pageCount } = pageOf(sorted, query.page, PAGE_SIZE);
  return {
    rows,
    matched: sorted.length,
    total: result.total,
    facets: result.facets,
    page,
    pageCount,
  };
}

/** The values a folded facet shows: the first `n` and every selected one (tactics: all). */
export function previewValues<T extends { selected: boolean }>(key: string, values: readonly T[], n = FACET_PREVIEW): T[] {
  if (key === "tactic" || values.length <= n) return [...values];
  return values.filter((v, i) => i < n || v.selected);
}

/**
 * Facets cut to what shows before a facet is expanded, each remembering its full size; facets
 * not in `shown` keep only their selected values (the active-filter chips name them).
 */
export function previewFacets(facets: readonly FacetResult[], n = FACET_PREVIEW, shown?: readonly string[]): FacetResult[] {
  return facets.map((f) => ({
    ...f,
    values: !shown || shown.includes(f.key) ? previewValues(f.key, f.values, n) : f.values.filter((v) => v.selected),
    size: f.size ?? f.values.length,
  }));
}
