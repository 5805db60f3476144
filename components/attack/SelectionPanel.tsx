"use client";
import { useEffect } from "react";
import Link from "@/components/ui/Link";
import { useCatalogData } from "@/components/catalog/catalog-data";
import type { CoverageResult } from "@/lib/attack/coverage";
import type { LayerTechniqueStatus } from "@/lib/attack/gaps";
import { tacticNames, techniqueUrl } from "@/lib/attack";
import { formatCount } from "@/lib/detection/numbers";
import { testScopeHref } from "@/lib/catalog/test-scope-href";

function AnalyticList({ slugs, names }: { slugs: string[]; names: Record<string, string> }) {
  return (
    <ul className="space-y-0.5">
      {slugs.map((slug) => (
        <li key={slug}>
          <Link href={`/analytics/${slug}`} className="text-sm text-indigo-800 hover:underline dark:text-indigo-300">
            {names[slug] ?? slug}
          </Link>
        </li>
      ))}
    </ul>
  );
}

/**
 * What the selected cell covers: its analytics (and, for a parent, those of its sub-techniques).
 * Until the catalog index is here the coverage counts but does not name the analytics (`named`
 * false): the lists say they are loading, and the index is asked for at once.
 */
export function SelectionPanel({
  coverage,
  named,
  id,
  layerStatus,
  onClose,
}: {
  coverage: CoverageResult;
  named: boolean;
  id?: string;
  layerStatus?: LayerTechniqueStatus;
  onClose: () => void;
}) {
  const { ensure } = useCatalogData();
  const t = id ? coverage.techniques[id] : undefined;
  useEffect(() => {
    if (t && !named) ensure();
  }, [t, named, ensure]);
  if (!t) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Select a technique in the matrix to list its analytics.
      </p>
    );
  }
  const subs = t.subtechniques.map((s) => coverage.techniques[s]).filter((s) => s && s.analytics.length > 0);
  const parent = t.parent ? coverage.techniques[t.parent] : undefined;
  return (
    <div className="space-y-3">
      <div className="flex items-start justify-between gap-2">
        <h2 className="text-base font-semibold leading-snug">
          <a href={techniqueUrl(t.id)} className="font-mono text-indigo-800 hover:underline dark:text-indigo-300" target="_blank" rel="noreferrer">
            {t.id}
          </a>{" "}
          {t.name}
        </h2>
        <button type="button" onClick={onClose} className="shrink-0 rounded px-1.5 text-sm text-slate-600 hover:bg-slate-200 dark:text-slate-400 dark:hover:bg-slate-800" aria-label="Clear the selection">
          ×
        </button>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        {tacticNames(t.tactics).join(", ")}
        {parent && (
          <>
            {" · sub-technique of "}
            <span className="font-mono">{parent.id}</span> {parent.name}
          </>
        )}
        {t.deprecated && " · deprecated in ATT&CK"}
      </p>
      <p className="text-sm" data-testid="selection-count">
        <strong className="tabular-nums">{formatCount(t.total)}</strong> {t.total === 1 ? "analytic" : "analytics"}
        {subs.length > 0 && ` (${formatCount(t.analytics.length)} on ${t.id} itself)`}
        {t.total > 0 && (
          <>
            {" · "}
            <Link href={testScopeHref("technique", t.id)} className="text-indigo-800 hover:underline dark:text-indigo-300">
              Test a paste against these analytics
            </Link>
          </>
        )}
      </p>
      {layerStatus && (
        <p
          className={`rounded px-2 py-1 text-sm ${layerStatus.covered ? "bg-emerald-50 text-emerald-900 dark:bg-emerald-950 dark:text-emerald-100" : "bg-red-50 text-red-900 dark:bg-red-950 dark:text-red-100"}`}
        >
          {layerStatus.covered ? "In the imported layer, covered." : "Gap: in the imported layer with no analytic in this view."}
          {layerStatus.note && ` ${layerStatus.note}`}
        </p>
      )}
      {t.notes.map((n) => (
        <p key={n} className="rounded bg-amber-50 px-2 py-1 text-xs text-amber-950 dark:bg-amber-950 dark:text-amber-100">
          {n}
        </p>
      ))}
      {!named && t.total > 0 && (
        <p className="text-sm text-slate-600 dark:text-slate-400" role="status">
          Loading the list of analytics…
        </p>
      )}
      {named && t.analytics.length > 0 && (
        <section aria-label={`Analytics on ${t.id}`}>
          {subs.length > 0 && <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">On {t.id}</h3>}
          <AnalyticList slugs={t.analytics} names={coverage.analytics} />
        </section>
      )}
      {named && subs.map((s) => (
        <section key={s!.id} aria-label={`Analytics on ${s!.id}`}>
          <h3 className="mb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">
            On <span className="font-mono normal-case">{s!.id}</span> <span className="normal-case">{s!.name}</span>
          </h3>
          <AnalyticList slugs={s!.analytics} names={coverage.analytics} />
        </section>
      ))}
      {t.total === 0 && <p className="text-sm italic text-slate-500">No analytic in this view maps to this technique.</p>}
    </div>
  );
}
