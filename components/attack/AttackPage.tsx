"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import Link from "@/components/ui/Link";
import { computeCoverage } from "@/lib/attack/coverage";
import { findGaps } from "@/lib/attack/gaps";
import type { ImportedLayer } from "@/lib/attack/layer-import";
import { filterSearch, sourcesFromMatrix, type MatrixSource } from "@/lib/catalog/attack-view";
import { queryCatalog } from "@/lib/catalog/facets";
import type { FacetResult } from "@/lib/catalog/types";
import { useCatalogData, useTextMatches } from "@/components/catalog/catalog-data";
import { AttackFilters } from "./AttackFilters";
import { LayerImport } from "./LayerImport";
import { Legend } from "./Legend";
import { Matrix } from "./Matrix";
import { SelectionPanel } from "./SelectionPanel";
import type { LayerMark } from "./TechniqueCell";
import { useAttackUrl } from "./use-attack-url";
import { formatCount } from "@/lib/detection/numbers";

const ID_HASH = /^#(T\d{4}(?:\.\d{3})?)$/;

/** What the server renders the matrix from (the browser recomputes it from the catalog index once it is here). */
export interface AttackInitial {
  /** The analytics of the view, as much as the matrix counts need (lib/attack/view.ts). */
  sources: MatrixSource[];
  /** The filter menus' facets (previews: the full lists come with the index). */
  facets: FacetResult[];
  /** Size of the whole catalog. */
  total: number;
}

/**
 * What the matrix shows for the URL's filters: from the catalog index once it is here (and, for a
 * search text, once the server said which entries match), else from the server's sources, which
 * count exactly but do not name the analytics (the selection panel waits for the index).
 */
function useAttackView(initial: AttackInitial, query: ReturnType<typeof useAttackUrl>["urlQuery"]) {
  const data = useCatalogData();
  const matches = useTextMatches(data, query.q);
  const { index } = data;
  const local = useMemo(
    () => (index && matches !== undefined ? queryCatalog(index, query, matches ? (i) => matches.has(i) : undefined) : undefined),
    [index, matches, query],
  );
  const coverage = useMemo(() => computeCoverage(local ? local.rows : sourcesFromMatrix(initial.sources)), [local, initial.sources]);
  return { coverage, facets: local?.facets ?? initial.facets, total: local?.total ?? initial.total, named: !!local };
}

/** The /attack page body: filters, matrix with selection, layer download and import. */
export function AttackPage({ initial, attackVersion }: { initial: AttackInitial; attackVersion: string }) {
  const { query, urlQuery, navigate, pending } = useAttackUrl();
  const { coverage, facets, total, named } = useAttackView(initial, urlQuery);
  const layerHref = `/api/attack/layer${filterSearch(urlQuery)}`;
  const [selected, setSelected] = useState<string>();
  const [expanded, setExpanded] = useState<Set<string>>(() => new Set());
  const [coveredOnly, setCoveredOnly] = useState(false);
  const [layer, setLayer] = useState<ImportedLayer>();
  const [reveal, setReveal] = useState<string>();

  const report = useMemo(() => (layer ? findGaps(layer, coverage) : undefined), [layer, coverage]);
  const marks = useMemo(() => {
    const m = new Map<string, LayerMark>();
    for (const s of report?.gaps ?? []) m.set(s.id, "gap");
    for (const s of report?.covered ?? []) m.set(s.id, "covered");
    return m;
  }, [report]);

  const select = useCallback(
    (id: string | undefined, opts: { reveal?: boolean } = {}) => {
      setSelected(id);
      const parent = id ? coverage.techniques[id]?.parent : undefined;
      if (parent) setExpanded((e) => (e.has(parent) ? e : new Set(e).add(parent)));
      window.history.replaceState(window.history.state, "", `${window.location.pathname}${window.location.search}${id ? `#${id}` : ""}`);
      if (id && opts.reveal) setReveal(id);
    },
    [coverage],
  );

  // Bring a technique chosen elsewhere (the gap list, the address) into view once its cell is rendered.
  useEffect(() => {
    if (!reveal) return;
    const cell = document.querySelector<HTMLElement>(`[data-cell="${reveal}"]`);
    if (!cell) return;
    cell.scrollIntoView({ block: "center", inline: "center" });
    cell.focus({ preventScroll: true });
    setReveal(undefined);
  }, [reveal, expanded, coveredOnly]);

  // A `#T1021.002` in the address selects that technique (on load and when the hash changes).
  useEffect(() => {
    const fromHash = () => {
      const m = ID_HASH.exec(window.location.hash);
      if (m?.[1] && coverage.techniques[m[1]]) select(m[1], { reveal: true });
    };
    fromHash();
    window.addEventListener("hashchange", fromHash);
    return () => window.removeEventListener("hashchange", fromHash);
    // Technique ids and parents are the same whatever the filters: run once, not on every filter change.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const toggle = useCallback((id: string) => {
    setExpanded((e) => {
      const next = new Set(e);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }, []);

  const importLayer = useCallback(
    (l: ImportedLayer) => {
      setLayer(l);
      // Open the parents of the layer's sub-techniques so that their marks show.
      setExpanded((e) => {
        const next = new Set(e);
        for (const t of l.techniques) {
          const parent = coverage.techniques[t.id]?.parent;
          if (parent) next.add(parent);
        }
        return next;
      });
    },
    [coverage],
  );

  const parents = useMemo(() => Object.values(coverage.techniques).filter((t) => !t.parent && t.subtechniques.length > 0), [coverage]);
  const { stats } = coverage;
  const layerStatus = selected ? [...(report?.gaps ?? []), ...(report?.covered ?? [])].find((s) => s.id === selected) : undefined;
  const button =
    "rounded-md border border-slate-300 px-2.5 py-1.5 text-sm hover:bg-slate-100 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:hover:bg-slate-800";

  return (
    <main className="mx-auto max-w-screen-2xl space-y-3 px-4 py-4">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h1 className="text-xl font-semibold tracking-tight">ATT&amp;CK coverage</h1>
        <p id="attack-stats" className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          <strong className="font-semibold text-slate-900 tabular-nums dark:text-slate-100">{formatCount(stats.analytics)}</strong>
          {stats.analytics === total ? " analytics" : ` of ${formatCount(total)} analytics`} ·{" "}
          <strong className="font-semibold text-slate-900 tabular-nums dark:text-slate-100">{stats.parentsCovered}</strong> of {stats.techniquesInMatrix} techniques covered ·{" "}
          {stats.techniquesCovered} techniques and sub-techniques with an analytic of their own
        </p>
      </div>

      <div className={`flex flex-wrap items-start justify-between gap-2 ${pending ? "opacity-60" : ""}`} aria-busy={pending}>
        <AttackFilters facets={facets} query={query} navigate={navigate} />
        <div className="flex flex-wrap items-center gap-2">
          <a href={layerHref} download className={`${button} bg-indigo-700 text-white hover:bg-indigo-800 dark:bg-indigo-600 dark:hover:bg-indigo-500`}>
            Download Navigator layer
          </a>
          <a href="#layer-import" className={button}>
            Import a layer
          </a>
        </div>
      </div>

      <div className="flex flex-wrap items-center justify-between gap-2">
        <Legend withLayer={!!layer} />
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label className="flex items-center gap-1.5">
            <input type="checkbox" checked={coveredOnly} onChange={(e) => setCoveredOnly(e.target.checked)} className="accent-indigo-600" />
            Only techniques with analytics{layer ? " or in the layer" : ""}
          </label>
          <button type="button" className={button} onClick={() => setExpanded(new Set(parents.map((p) => p.id)))}>
            Expand all
          </button>
          <button type="button" className={button} onClick={() => setExpanded(new Set())}>
            Collapse all
          </button>
        </div>
      </div>
      <p id="matrix-help" className="text-xs text-slate-600 dark:text-slate-400">
        Each cell shows how many analytics map to the technique (with its sub-techniques). Select a cell to list them; arrow keys move between cells.
      </p>

      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <Matrix coverage={coverage} selected={selected} marks={marks} expanded={expanded} coveredOnly={coveredOnly} onSelect={(id) => select(id)} onToggle={toggle} />
        <aside aria-label="Selected technique" className="rounded-md border border-slate-200 p-3 lg:sticky lg:top-2 lg:max-h-[75vh] lg:self-start lg:overflow-y-auto dark:border-slate-800">
          <SelectionPanel coverage={coverage} named={named} id={selected} layerStatus={layerStatus} onClose={() => select(undefined)} />
        </aside>
      </div>

      <section id="layer-import" aria-labelledby="layer-import-heading" className="dc-defer scroll-mt-4 rounded-md border border-slate-200 p-3 dark:border-slate-800">
        <h2 id="layer-import-heading" className="mb-2 text-lg font-semibold tracking-tight">
          Compare with a Navigator layer
        </h2>
        <LayerImport layer={layer} report={report} onImport={importLayer} onClear={() => setLayer(undefined)} onSelect={(id) => select(id, { reveal: true })} />
      </section>

      {coverage.unmapped.length > 0 && (
        <section aria-labelledby="unmapped-heading" className="text-sm">
          <h2 id="unmapped-heading" className="mb-1 text-base font-semibold">
            Cited ids outside the matrix ({formatCount(coverage.unmapped.length)})
          </h2>
          <ul className="list-disc pl-5">
            {coverage.unmapped.map((u) => (
              <li key={`${u.slug}:${u.id}`}>
                <Link href={`/analytics/${u.slug}`} className="text-indigo-800 hover:underline dark:text-indigo-300">
                  {coverage.analytics[u.slug] ?? u.slug}
                </Link>
                : {u.reason}
              </li>
            ))}
          </ul>
        </section>
      )}
      <p className="text-xs text-slate-500 dark:text-slate-400">
        Enterprise ATT&amp;CK v{attackVersion}. Revoked technique ids count under their replacement (noted on the technique).
      </p>
    </main>
  );
}
