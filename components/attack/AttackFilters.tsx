"use client";
import { useEffect, useRef, useState } from "react";
import Link from "@/components/ui/Link";
import type { CatalogQuery, FacetResult } from "@/lib/catalog/types";
import { catalogHref, clearFacet, emptyQuery, isFiltered } from "@/lib/catalog/query";
import { FacetValueOption, FacetValueSearch, FilterChips } from "@/components/catalog/FacetControls";
import { ATTACK_FACETS, MENU_PREVIEW as SHOWN } from "@/lib/catalog/attack-view";
import { useCatalogData } from "@/components/catalog/catalog-data";
import { formatCount } from "@/lib/detection/numbers";

/** One facet as a disclosure: checkboxes with counts (the catalog's counting), a value filter for long lists. */
function FacetMenu({ facet, query, navigate }: { facet: FacetResult; query: CatalogQuery; navigate: (q: CatalogQuery) => void }) {
  const [filter, setFilter] = useState("");
  const [all, setAll] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
  const { ensure } = useCatalogData();
  const size = facet.size ?? facet.values.length;
  // Close on Escape (focus back on the summary) or on a click outside, like a menu.
  useEffect(() => {
    const details = ref.current;
    if (!details) return;
    const onDoc = (e: MouseEvent) => {
      if (details.open && !details.contains(e.target as Node)) details.open = false;
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape" && details.open) {
        details.open = false;
        details.querySelector("summary")?.focus();
      }
    };
    document.addEventListener("click", onDoc);
    details.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("click", onDoc);
      details.removeEventListener("keydown", onKey);
    };
  }, []);
  const selected = query.filters[facet.key];
  const needle = filter.trim().toLowerCase();
  // Selected values first, then by count (the catalog's order).
  let values = [...facet.values.filter((v) => v.selected), ...facet.values.filter((v) => !v.selected)];
  if (needle) values = values.filter((v) => v.label.toLowerCase().includes(needle));
  const long = !needle && !all && size > SHOWN;
  if (long) values = values.filter((v, i) => i < SHOWN || v.selected);
  return (
    <details ref={ref} className="group relative" onToggle={(e) => e.currentTarget.open && ensure()}>
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800">
        {facet.label}
        {selected.length > 0 && (
          <span className="rounded-full bg-indigo-600 px-1.5 text-xs text-white tabular-nums">
            {formatCount(selected.length)}
            <span className="sr-only"> selected</span>
          </span>
        )}
        <span aria-hidden="true" className="text-xs text-slate-500 group-open:rotate-180">
          ▼
        </span>
      </summary>
      <div className="absolute left-0 z-30 mt-1 w-72 max-w-[calc(100vw-2rem)] max-sm:fixed max-sm:inset-x-4 max-sm:w-auto max-sm:max-w-none rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <fieldset>
          <legend className="sr-only">{facet.label}</legend>
          {size > SHOWN && (
            <FacetValueSearch facet={facet} value={filter} onChange={setFilter} inPopover />
          )}
          {values.length === 0 && <p className="p-1 text-xs italic text-slate-500">No values</p>}
          <ul className="max-h-72 space-y-0.5 overflow-y-auto pr-1">
            {values.map((v) => (
              <li key={v.value}>
                <FacetValueOption facet={facet} value={v} query={query} navigate={navigate} />
              </li>
            ))}
          </ul>
          <div className="mt-1 flex gap-3 text-xs">
            {long && (
              <button type="button" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300" onClick={() => setAll(true)}>
                Show all {formatCount(size)}
              </button>
            )}
            {selected.length > 0 && (
              <button type="button" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300" onClick={() => navigate(clearFacet(query, facet.key))}>
                Clear<span className="sr-only"> {facet.label} filter</span>
              </button>
            )}
          </div>
        </fieldset>
      </div>
    </details>
  );
}

/** The catalog filters that shape the matrix (type, status, data source, story), plus chips for every active one. */
export function AttackFilters({ facets, query, navigate }: { facets: FacetResult[]; query: CatalogQuery; navigate: (q: CatalogQuery) => void }) {
  return (
    <div className="space-y-2">
      <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-2">
        {ATTACK_FACETS.map((key) => {
          const facet = facets.find((f) => f.key === key);
          return facet ? <FacetMenu key={key} facet={facet} query={query} navigate={navigate} /> : null;
        })}
      </div>
      {isFiltered(query) && (
        <FilterChips facets={facets} query={query} navigate={navigate} clearAll={emptyQuery()}>
          <Link href={catalogHref({ ...query, sort: undefined, page: 1 })} className="text-xs text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
            These analytics in the catalog
          </Link>
        </FilterChips>
      )}
    </div>
  );
}
