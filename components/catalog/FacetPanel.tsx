"use client";
import { useState } from "react";
import type { FacetResult } from "@/lib/catalog/types";
import { clearFacet } from "@/lib/catalog/query";
import { FacetValueOption, FacetValueSearch } from "./FacetControls";
import { useCatalogData } from "./catalog-data";
import { useCatalogUrl } from "./use-catalog-url";
import { formatCount } from "@/lib/detection/numbers";

const SHOWN = 8;

/**
 * One facet: checkboxes with counts; long lists show the top values and can be expanded and
 * filtered. The server sends only the top values (with the facet's size); expanding one needs the
 * catalog index, which is usually here by then (else it is fetched and the list fills in).
 */
function Facet({ facet }: { facet: FacetResult }) {
  const { query, navigate } = useCatalogUrl();
  const { ensure } = useCatalogData();
  const [expanded, setExpanded] = useState(false);
  const [filter, setFilter] = useState("");
  const size = facet.size ?? facet.values.length;
  const partial = facet.values.length < size;
  // Tactics are few and ordered like the matrix: always all of them.
  const long = facet.key !== "tactic" && size > SHOWN;
  const needle = filter.trim().toLowerCase();
  let values = facet.values;
  if (needle) values = values.filter((v) => v.label.toLowerCase().includes(needle));
  else if (long && !expanded) values = values.filter((v, i) => i < SHOWN || v.selected);
  const selectedCount = facet.values.filter((v) => v.selected).length;
  const headingId = `facet-${facet.key}`;

  return (
    <fieldset className="border-b border-slate-200 py-3 dark:border-slate-800" aria-describedby={`${headingId}-n`}>
      <legend id={headingId} className="float-left mb-1 flex w-full items-baseline justify-between text-sm font-semibold">
        <span>{facet.label}</span>
        <span id={`${headingId}-n`} className="sr-only">
          {formatCount(size)} values
        </span>
        {selectedCount > 0 && (
          <button
            type="button"
            className="text-xs font-normal text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
            onClick={() => navigate(clearFacet(query, facet.key))}
          >
            Clear<span className="sr-only"> {facet.label} filter</span>
          </button>
        )}
      </legend>
      <div className="clear-both" />
      {size === 0 ? (
        <p className="text-xs italic text-slate-500">No values</p>
      ) : (
        <>
          {size > 20 && (expanded || needle) && (
            <FacetValueSearch facet={facet} value={filter} onChange={setFilter} />
          )}
          <ul className={`space-y-0.5 ${expanded || needle ? "max-h-72 overflow-y-auto pr-1" : ""}`} aria-busy={partial && (expanded || !!needle)}>
            {values.map((v) => (
              <li key={v.value}>
                <FacetValueOption facet={facet} value={v} query={query} navigate={navigate} />
              </li>
            ))}
          </ul>
          {long && !needle && (
            <button
              type="button"
              aria-expanded={expanded}
              onClick={() => {
                if (partial) ensure();
                setExpanded((e) => !e);
              }}
              className="mt-1 text-xs text-indigo-700 underline underline-offset-2 dark:text-indigo-300"
            >
              {expanded ? "Show fewer" : `Show all ${formatCount(size)}`}
              <span className="sr-only"> {facet.label} values</span>
            </button>
          )}
        </>
      )}
    </fieldset>
  );
}

/** The facet sidebar; on narrow screens it folds behind a "Filters" button. */
export function FacetPanel({ facets }: { facets: FacetResult[] }) {
  const [open, setOpen] = useState(false);
  const active = facets.reduce((n, f) => n + f.values.filter((v) => v.selected).length, 0);
  return (
    <div>
      <button
        type="button"
        aria-expanded={open}
        aria-controls="facet-panel"
        onClick={() => setOpen((o) => !o)}
        className="mb-2 w-full rounded-md border border-slate-300 px-3 py-2 text-left text-sm lg:hidden dark:border-slate-700"
      >
        {open ? "Hide filters" : "Show filters"}
        {active > 0 ? ` (${active} active)` : ""}
      </button>
      <div id="facet-panel" className={`${open ? "block" : "hidden"} lg:block`}>
        <h2 className="sr-only">Filters</h2>
        {facets.map((f) => (
          <Facet key={f.key} facet={f} />
        ))}
      </div>
    </div>
  );
}
