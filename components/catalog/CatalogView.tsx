"use client";
import type { CatalogPageView } from "@/lib/catalog/page";
import { ActiveFilters } from "./ActiveFilters";
import { CatalogTable } from "./CatalogTable";
import { FacetPanel } from "./FacetPanel";
import { SearchBox } from "./SearchBox";
import { useCatalogView } from "./use-catalog-view";
import { formatCount } from "@/lib/detection/numbers";

/** The catalog page body: search, facets, active filters, the table (the server's page until the index is here). */
export function CatalogView({ initial }: { initial: CatalogPageView }) {
  const { view, fromIndex } = useCatalogView(initial);
  const n = view.matched;
  return (
    <main className="mx-auto max-w-screen-2xl px-4 py-4" data-view={fromIndex ? "index" : "server"}>
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">Catalog</h1>
        <p id="catalog-count" className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          <strong className="font-semibold text-slate-900 tabular-nums dark:text-slate-100">{formatCount(n)}</strong>
          {n === view.total ? " analytics" : ` of ${formatCount(view.total)} analytics match`}
        </p>
      </div>
      {/* Before the facets: the search box is the first stop after the site's navigation. */}
      <div className="mb-3">
        <SearchBox />
      </div>
      <div className="grid gap-4 lg:grid-cols-[15rem_minmax(0,1fr)]">
        <aside aria-label="Filters" className="lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:self-start lg:overflow-y-auto lg:pr-2">
          <FacetPanel facets={view.facets} />
        </aside>
        <div className="min-w-0 space-y-3">
          <ActiveFilters facets={view.facets} />
          <CatalogTable view={view} />
        </div>
      </div>
    </main>
  );
}
