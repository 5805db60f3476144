import type { CatalogResult } from "@/lib/catalog/types";
import { ActiveFilters } from "./ActiveFilters";
import { CatalogTable } from "./CatalogTable";
import { FacetPanel } from "./FacetPanel";
import { SearchBox } from "./SearchBox";

/** The catalog page body: search, facets, active filters, the table. */
export function CatalogView({ result }: { result: CatalogResult }) {
  const n = result.rows.length;
  return (
    <main className="mx-auto max-w-screen-2xl px-4 py-4">
      <div className="mb-3 flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">Catalog</h1>
        <p id="catalog-count" className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          <strong className="font-semibold text-slate-900 tabular-nums dark:text-slate-100">{n.toLocaleString("en-US")}</strong>
          {n === result.total ? " analytics" : ` of ${result.total.toLocaleString("en-US")} analytics match`}
        </p>
      </div>
      <div className="grid gap-4 lg:grid-cols-[15rem_minmax(0,1fr)]">
        <aside aria-label="Filters" className="lg:sticky lg:top-2 lg:max-h-[calc(100vh-1rem)] lg:self-start lg:overflow-y-auto lg:pr-2">
          <FacetPanel facets={result.facets} />
        </aside>
        <div className="min-w-0 space-y-3">
          <SearchBox />
          <ActiveFilters facets={result.facets} />
          <CatalogTable rows={result.rows} />
        </div>
      </div>
    </main>
  );
}
