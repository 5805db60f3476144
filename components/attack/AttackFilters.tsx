"use client";
import { useEffect, useRef, useState } from "react";
import Link from "next/link";
import type { CatalogQuery, FacetResult } from "@/lib/catalog/types";
import { catalogHref, clearFacet, emptyQuery, FACET_KEYS, isFiltered, toggleFacetValue, withSearchText } from "@/lib/catalog/query";
import { ATTACK_FACETS } from "@/lib/attack/view";

const SHOWN = 12;

/** One facet as a disclosure: checkboxes with counts (the catalog's counting), a value filter for long lists. */
function FacetMenu({ facet, query, navigate }: { facet: FacetResult; query: CatalogQuery; navigate: (q: CatalogQuery) => void }) {
  const [filter, setFilter] = useState("");
  const [all, setAll] = useState(false);
  const ref = useRef<HTMLDetailsElement>(null);
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
  const long = !needle && !all && values.length > SHOWN;
  if (long) values = values.filter((v, i) => i < SHOWN || v.selected);
  return (
    <details ref={ref} className="group relative">
      <summary className="flex cursor-pointer list-none items-center gap-1 rounded-md border border-slate-300 bg-white px-2.5 py-1.5 text-sm hover:bg-slate-50 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800">
        {facet.label}
        {selected.length > 0 && (
          <span className="rounded-full bg-indigo-600 px-1.5 text-xs text-white tabular-nums">
            {selected.length}
            <span className="sr-only"> selected</span>
          </span>
        )}
        <span aria-hidden="true" className="text-xs text-slate-500 group-open:rotate-180">
          ▾
        </span>
      </summary>
      <div className="absolute left-0 z-30 mt-1 w-72 max-w-[calc(100vw-2rem)] rounded-md border border-slate-200 bg-white p-2 shadow-lg dark:border-slate-700 dark:bg-slate-900">
        <fieldset>
          <legend className="sr-only">{facet.label}</legend>
          {facet.values.length > SHOWN && (
            <label className="mb-1 block">
              <span className="sr-only">Filter {facet.label} values</span>
              <input
                type="search"
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                placeholder={`Filter ${facet.values.length} values`}
                className="w-full rounded border border-slate-300 bg-white px-2 py-1 text-xs dark:border-slate-700 dark:bg-slate-950"
              />
            </label>
          )}
          {values.length === 0 && <p className="p-1 text-xs italic text-slate-500">No values</p>}
          <ul className="max-h-72 space-y-0.5 overflow-y-auto pr-1">
            {values.map((v) => (
              <li key={v.value}>
                <label className="flex cursor-pointer items-start gap-2 rounded px-1 py-0.5 text-sm hover:bg-slate-100 dark:hover:bg-slate-800">
                  <input
                    type="checkbox"
                    checked={selected.includes(v.value)}
                    onChange={() => navigate(toggleFacetValue(query, facet.key, v.value))}
                    className="mt-0.5 shrink-0 accent-indigo-600"
                  />
                  <span className={`min-w-0 flex-1 break-words ${v.count === 0 && !v.selected ? "text-slate-400" : ""}`}>{v.label}</span>
                  <span className="shrink-0 text-xs tabular-nums text-slate-500 dark:text-slate-400">{v.count.toLocaleString("en-US")}</span>
                </label>
              </li>
            ))}
          </ul>
          <div className="mt-1 flex gap-3 text-xs">
            {long && (
              <button type="button" className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300" onClick={() => setAll(true)}>
                Show all {facet.values.length}
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
  const chip =
    "inline-flex items-center gap-1 rounded-full bg-indigo-50 px-2 py-0.5 text-xs text-indigo-900 ring-1 ring-inset ring-indigo-200 hover:bg-indigo-100 dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-800";
  const labelOf = (key: string, value: string) => facets.find((f) => f.key === key)?.values.find((v) => v.value === value)?.label ?? value;
  return (
    <div className="space-y-2">
      <div role="group" aria-label="Filters" className="flex flex-wrap items-center gap-2">
        {ATTACK_FACETS.map((key) => {
          const facet = facets.find((f) => f.key === key);
          return facet ? <FacetMenu key={key} facet={facet} query={query} navigate={navigate} /> : null;
        })}
      </div>
      {isFiltered(query) && (
        <div className="flex flex-wrap items-center gap-1.5" role="group" aria-label="Active filters">
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
          <button type="button" className="text-xs text-indigo-700 underline underline-offset-2 dark:text-indigo-300" onClick={() => navigate(emptyQuery())}>
            Clear all
          </button>
          <Link href={catalogHref({ ...query, sort: undefined, page: 1 })} className="text-xs text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
            These analytics in the catalog
          </Link>
        </div>
      )}
    </div>
  );
}
