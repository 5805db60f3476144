/**
 * The catalog query <-> URL search params. Every filter and the sort live in the URL so that a
 * view can be shared and the back button works. Parsing never throws: junk is dropped.
 */
import type { CatalogQuery, CatalogSort, FacetKey, SortColumn } from "./types";

export const FACET_KEYS: readonly FacetKey[] = [
  "type",
  "status",
  "tactic",
  "technique",
  "source",
  "story",
  "product",
  "domain",
];

export const SORT_COLUMNS: readonly SortColumn[] = [
  "name",
  "type",
  "status",
  "source",
  "techniques",
  "tactics",
  "risk",
  "severity",
  "date",
];

const MAX_VALUES = 50;
const MAX_Q = 500;

/** What Next hands a page as `searchParams`, or a URLSearchParams. */
export type ParamsInput = URLSearchParams | Record<string, string | string[] | undefined>;

function all(input: ParamsInput, name: string): string[] {
  if (input instanceof URLSearchParams) return input.getAll(name);
  const v = input[name];
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function emptyFilters(): Record<FacetKey, string[]> {
  return { type: [], status: [], tactic: [], technique: [], source: [], story: [], product: [], domain: [] };
}

export function emptyQuery(): CatalogQuery {
  return { q: "", filters: emptyFilters(), page: 1 };
}

/** `risk:desc` / `name` / `name:asc` → a sort; anything else → undefined. */
export function parseSort(text: string | undefined): CatalogSort | undefined {
  if (!text) return undefined;
  const [col, dir] = text.split(":");
  if (!SORT_COLUMNS.includes(col as SortColumn)) return undefined;
  if (dir !== undefined && dir !== "asc" && dir !== "desc") return undefined;
  return { column: col as SortColumn, desc: dir === "desc" };
}

export function formatSort(sort: CatalogSort): string {
  return `${sort.column}:${sort.desc ? "desc" : "asc"}`;
}

export function parseCatalogQuery(input: ParamsInput): CatalogQuery {
  const query = emptyQuery();
  query.q = (all(input, "q")[0] ?? "").trim().slice(0, MAX_Q);
  for (const key of FACET_KEYS) {
    const seen = new Set<string>();
    for (const raw of all(input, key)) {
      const v = raw.trim();
      if (v && !seen.has(v) && seen.size < MAX_VALUES) seen.add(v);
    }
    query.filters[key] = [...seen];
  }
  query.sort = parseSort(all(input, "sort")[0]);
  const page = Number.parseInt(all(input, "page")[0] ?? "", 10);
  query.page = Number.isFinite(page) && page > 1 ? Math.min(page, 10_000) : 1;
  return query;
}

/** Stable param order: q, facets in FACET_KEYS order, sort, page (page 1 omitted). */
export function catalogQueryToParams(query: CatalogQuery): URLSearchParams {
  const params = new URLSearchParams();
  if (query.q) params.set("q", query.q);
  for (const key of FACET_KEYS) for (const v of query.filters[key]) params.append(key, v);
  if (query.sort) params.set("sort", formatSort(query.sort));
  if (query.page > 1) params.set("page", String(query.page));
  return params;
}

/** `?a=b…` or the empty string. */
export function catalogHref(query: CatalogQuery, path = "/"): string {
  const s = catalogQueryToParams(query).toString();
  return s ? `${path}?${s}` : path;
}

function copy(query: CatalogQuery): CatalogQuery {
  const filters = emptyFilters();
  for (const key of FACET_KEYS) filters[key] = [...query.filters[key]];
  return { q: query.q, filters, sort: query.sort ? { ...query.sort } : undefined, page: query.page };
}

/** Adds the value when absent, removes it when present; back to page 1. */
export function toggleFacetValue(query: CatalogQuery, key: FacetKey, value: string): CatalogQuery {
  const next = copy(query);
  const list = next.filters[key];
  next.filters[key] = list.includes(value) ? list.filter((v) => v !== value) : [...list, value];
  next.page = 1;
  return next;
}

export function clearFacet(query: CatalogQuery, key: FacetKey): CatalogQuery {
  const next = copy(query);
  next.filters[key] = [];
  next.page = 1;
  return next;
}

export function withSearchText(query: CatalogQuery, q: string): CatalogQuery {
  const next = copy(query);
  next.q = q.trim().slice(0, MAX_Q);
  next.page = 1;
  return next;
}

export function withSort(query: CatalogQuery, sort: CatalogSort | undefined): CatalogQuery {
  const next = copy(query);
  next.sort = sort;
  next.page = 1;
  return next;
}

export function withPage(query: CatalogQuery, page: number): CatalogQuery {
  const next = copy(query);
  next.page = Math.max(1, Math.floor(page));
  return next;
}

/** True when any filter or search text is active (the sort and page do not count). */
export function isFiltered(query: CatalogQuery): boolean {
  return query.q !== "" || FACET_KEYS.some((k) => query.filters[k].length > 0);
}
