"use client";
import type { FacetResult } from "@/lib/catalog/types";
import { FACET_KEYS, emptyQuery, isFiltered, toggleFacetValue, withSearchText } from "@/lib/catalog/query";
import { useCatalogUrl } from "./use-catalog-url";

/** The active search and facet values as removable chips, plus "Clear all". */
export function ActiveFilters({ facets }: { facets: FacetResult[] }) {
  const { query, navigate } = useCatalogUrl();
  if (!isFiltered(query)) return null;
  const chip =
    "inline-flex items-center gap-1 rounded-full bg-indigo-50 px-2 py-0.5 text-xs text-indigo-900 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-800";
  const labelOf = (key: string, value: string) =>
    facets.find((f) => f.key === key)?.values.find((v) => v.value === value)?.label ?? value;
  return (
    <div className="flex flex-wrap items-center gap-1.5" aria-label="Active filters" role="group">
      {query.q && (
        <button type="button" className={chip} onClick={() => navigate(withSearchText(query, ""))}>
          Search: “{query.q}” <span aria-hidden="true">×</span>
          <span className="sr-only">(remove)</span>
        </button>
      )}
      {FACET_KEYS.flatMap((key) =>
        query.filters[key].map((value) => (
          <button key={`${key}=${value}`} type="button" className={chip} onClick={() => navigate(toggleFacetValue(query, key, value))}>
            {facets.find((f) => f.key === key)?.label ?? key}: {labelOf(key, value)} <span aria-hidden="true">×</span>
            <span className="sr-only">(remove)</span>
          </button>
        )),
      )}
      <button
        type="button"
        className="text-xs text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
        onClick={() => navigate({ ...emptyQuery(), sort: query.sort })}
      >
        Clear all
      </button>
    </div>
  );
}
