"use client";
import type { FacetResult } from "@/lib/catalog/types";
import { emptyQuery, isFiltered } from "@/lib/catalog/query";
import { FilterChips } from "./FacetControls";
import { useCatalogUrl } from "./use-catalog-url";

/** The active search and facet values as removable chips, plus "Clear all" (which keeps the sort). */
export function ActiveFilters({ facets }: { facets: FacetResult[] }) {
  const { query, navigate } = useCatalogUrl();
  if (!isFiltered(query)) return null;
  return <FilterChips facets={facets} query={query} navigate={navigate} clearAll={{ ...emptyQuery(), sort: query.sort }} />;
}
