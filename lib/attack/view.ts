/**
 * The /attack view: the catalog's own filters (same URL params, same functions as the catalog
 * page) applied to the analytics, then mapped onto the matrix. Shared by the page and the layer API.
 */
import type { Analytic } from "../content/types";
import { catalogIndexFor } from "../catalog/build";
import { queryCatalog } from "../catalog/facets";
import { catalogQueryToParams, FACET_KEYS, parseCatalogQuery, type ParamsInput } from "../catalog/query";
import type { CatalogQuery, CatalogResult, FacetKey } from "../catalog/types";
import { computeCoverage, type CoverageResult } from "./coverage";
import { tactics } from "./index";

/** The facets the /attack page offers as controls (others still apply when present in the URL). */
export const ATTACK_FACETS: readonly FacetKey[] = ["type", "status", "source", "story"];

export interface AttackView {
  query: CatalogQuery;
  result: CatalogResult;
  coverage: CoverageResult;
}

export function attackView(analytics: readonly Analytic[], params: ParamsInput): AttackView {
  const index = catalogIndexFor(analytics, tactics());
  const query = parseCatalogQuery(params);
  // The matrix has no table: sort and page mean nothing here.
  query.sort = undefined;
  query.page = 1;
  const result = queryCatalog(index, query);
  return { query, result, coverage: computeCoverage(result.rows) };
}

/** `?type=TTP&story=…` for the filters only (no sort, no page), or the empty string. */
export function filterSearch(query: CatalogQuery): string {
  const s = catalogQueryToParams({ ...query, sort: undefined, page: 1 }).toString();
  return s ? `?${s}` : "";
}

/** Human words for the active filters, e.g. `Type: TTP; Analytic story: Volt Typhoon`. */
export function describeFilters(query: CatalogQuery, labels: Partial<Record<FacetKey, string>> = {}): string {
  const parts: string[] = [];
  if (query.q) parts.push(`Search: "${query.q}"`);
  for (const key of FACET_KEYS) {
    const values = query.filters[key];
    if (values.length > 0) parts.push(`${labels[key] ?? key}: ${values.join(" or ")}`);
  }
  return parts.join("; ");
}

/** A file-name-safe summary of the filters, e.g. `story-volt-typhoon_type-ttp` (at most 60 chars). */
export function filterSlug(query: CatalogQuery): string {
  const parts: string[] = [];
  if (query.q) parts.push(`q-${query.q}`);
  for (const key of FACET_KEYS) for (const v of query.filters[key]) parts.push(`${key}-${v}`);
  const slug = parts
    .join("_")
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, "-")
    .replace(/-+/g, "-")
    .replace(/(^[-_]+|[-_]+$)/g, "");
  return slug.slice(0, 60).replace(/[-_]+$/, "");
}
