/**
 * The /attack view: the catalog's own filters (same URL params, same functions as the catalog
 * page) applied to the analytics, then mapped onto the matrix. Shared by the page and the layer API.
 */
import type { Analytic } from "../content/types";
import { catalogIndexFor } from "./build";
import { queryCatalog } from "./facets";
import { catalogQueryToParams, FACET_KEYS, parseCatalogQuery, type ParamsInput } from "./query";
import type { CatalogQuery, CatalogResult, CatalogTechnique, FacetKey } from "./types";
import { computeCoverage, type CoverageResult, type CoverageSource } from "../attack/coverage";
import { tactics } from "../attack/index";

/** The facets the /attack page offers as controls (others still apply when present in the URL). */
export const ATTACK_FACETS: readonly FacetKey[] = ["type", "status", "source", "story"];
/** A filter menu shows this many values until "Show all" (the server sends no more: the rest come with the catalog index). */
export const MENU_PREVIEW = 12;

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

/**
 * What the matrix needs of one analytic of the view before the browser holds the catalog index:
 * the techniques it cites, space-separated (`T1574.001>T1574.002` for a revoked id and where it
 * resolves), plus its slug and name when one of them has no place in the matrix (the page lists
 * those). Counts, shades, notes and stats computed from these are those of the full rows.
 */
export type MatrixSource = string | [string, string, string];

function citation(t: CatalogTechnique): string {
  return t.resolvedId !== undefined ? `${t.id}>${t.resolvedId}` : t.id;
}

export function matrixSources(rows: readonly CoverageSource[], coverage: CoverageResult): MatrixSource[] {
  const unmapped = new Set(coverage.unmapped.map((u) => u.slug));
  return rows.map((r) => {
    const cited = r.techniques.map(citation).join(" ");
    return unmapped.has(r.slug) ? [cited, r.slug, r.name] : cited;
  });
}

/** Back to coverage sources; analytics without a slug get a stand-in (`#3`) that only counts. */
export function sourcesFromMatrix(sources: readonly MatrixSource[]): CoverageSource[] {
  return sources.map((s, i) => {
    const [cited, slug, name] = typeof s === "string" ? [s, `#${i}`, ""] : s;
    const techniques = cited
      .split(" ")
      .filter(Boolean)
      .map((c): CatalogTechnique => {
        const [id, resolvedId] = c.split(">") as [string, string | undefined];
        return resolvedId !== undefined ? { id, resolvedId } : { id };
      });
    return { slug, name, techniques };
  });
}
