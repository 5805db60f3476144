"use client";
import type { ReactNode } from "react";
import type { CatalogQuery, FacetResult, FacetValue } from "@/lib/catalog/types";
import { FACET_KEYS, toggleFacetValue, withSearchText } from "@/lib/catalog/query";
import { formatCount } from "@/lib/detection/numbers";

/**
 * The pieces the catalog's facet sidebar and the ATT&CK page's facet menus share: the value
 * filter of a long facet, one value's checkbox row, and the active filters as removable chips.
 */

/** A search box narrowing a long facet's values (labelled for screen readers). */
export function FacetValueSearch({
  facet,
  value,
  onChange,
  inPopover = false,
}: {
  facet: FacetResult;
  value: string;
  onChange: (text: string) => void;
  /** Inside a dark popover the box is darker than its surface, not lighter. */
  inPopover?: boolean;
}) {
  return (
    <label className="mb-1 block">
      <span className="sr-only">Filter {facet.label} values</span>
      <input
        type="search"
        value={value}
        onChange={(e) => onChange(e.target.value)}
        placeholder={`Filter ${facet.size ?? facet.values.length} values`}
        className={`w-full rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-700 ${inPopover ? "dark:bg-slate-950" : "dark:bg-slate-900"}`}
      />
    </label>
  );
}

/** One facet value: a checkbox toggling it in the query, its label and its count. */
export function FacetValueOption({
  facet,
  value: v,
  query,
  navigate,
}: {
  facet: FacetResult;
  value: FacetValue;
  query: CatalogQuery;
  navigate: (q: CatalogQuery) => void;
}) {
  return (
    <label className="dc-facet-option">
      <input
        type="checkbox"
        checked={query.filters[facet.key].includes(v.value)}
        onChange={() => navigate(toggleFacetValue(query, facet.key, v.value))}
        className="mt-0.5 shrink-0 accent-indigo-600"
      />
      <span className={`min-w-0 flex-1 break-words ${v.count === 0 && !v.selected ? "text-slate-400" : ""}`}>{v.label}</span>
      <span className="dc-facet-count">{formatCount(v.count)}</span>
    </label>
  );
}

const CHIP =
  "inline-flex items-center gap-1 rounded-full bg-indigo-50 px-2 py-0.5 text-xs text-indigo-900 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-800";

/** The search text and every selected facet value as removable chips, then "Clear all" and any extra links. */
export function FilterChips({
  facets,
  query,
  navigate,
  clearAll,
  children,
}: {
  facets: FacetResult[];
  query: CatalogQuery;
  navigate: (q: CatalogQuery) => void;
  /** The query "Clear all" goes to (the catalog keeps its sort). */
  clearAll: CatalogQuery;
  children?: ReactNode;
}) {
  const labelOf = (key: string, value: string) => facets.find((f) => f.key === key)?.values.find((v) => v.value === value)?.label ?? value;
  return (
    <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Active filters">
      {query.q && (
        <button type="button" className={CHIP} onClick={() => navigate(withSearchText(query, ""))}>
          Search: “{query.q}” <span aria-hidden="true">×</span>
          <span className="sr-only">(remove)</span>
        </button>
      )}
      {FACET_KEYS.flatMap((key) =>
        query.filters[key].map((value) => (
          <button key={`${key}=${value}`} type="button" className={CHIP} onClick={() => navigate(toggleFacetValue(query, key, value))}>
            {facets.find((f) => f.key === key)?.label ?? key}: {labelOf(key, value)} <span aria-hidden="true">×</span>
            <span className="sr-only">(remove)</span>
          </button>
        )),
      )}
      <button type="button" className="text-xs text-indigo-700 underline underline-offset-2 dark:text-indigo-300" onClick={() => navigate(clearAll)}>
        Clear all
      </button>
      {children}
    </div>
  );
}
