"use client";
import Link from "@/components/ui/Link";
import { memo, useState } from "react";
import type { BatchResult } from "@/lib/detection/types";
import type { AnalyticLite, AnalyticOutcome, GroupedResults } from "@/lib/tester/group";
import { HIDEABLE, thresholdWords, type Hideable, type ResultFilters } from "@/lib/tester/result-filters";
import type { Severity } from "@/lib/rba/types";
import { Badge, SeverityBadge, StatusBadge } from "@/components/ui/badges";
import { ResultFiltersBar } from "./ResultFiltersBar";
import { RowsTable } from "./RowsTable";
import { VerdictBadge } from "./Verdict";
import { formatCount } from "@/lib/detection/numbers";
import { OpenInSplunkLazy } from "@/components/exports/OpenInSplunk";

function FiringItem({ analytic, outcome, others, eventCount, batch, onOpen }: {
  analytic: AnalyticLite;
  outcome: AnalyticOutcome;
  others: string[];
  eventCount: number;
  batch?: { result: BatchResult; totalRows: number };
  onOpen: (slug: string) => void;
}) {
  return (
    <li data-analytic={analytic.id} data-verdict={outcome.verdict} className="rounded border border-slate-200 p-2 dark:border-slate-800">
      <div className="flex flex-wrap items-center gap-2">
        <VerdictBadge verdict={outcome.verdict} size="sm" />
        <Link
          href={`/analytics/${encodeURIComponent(analytic.slug)}`}
          onClick={(e) => {
            if (e.metaKey || e.ctrlKey || e.shiftKey) return;
            e.preventDefault();
            onOpen(analytic.slug);
          }}
          className="text-indigo-700 underline-offset-2 hover:underline dark:text-indigo-300"
        >
          {analytic.name}
        </Link>
        <span className="inline-flex flex-wrap items-center gap-1" data-testid="analytic-facts">
          <Badge tone="info">{analytic.type || "no type"}</Badge>
          <StatusBadge status={analytic.status} />
          <SeverityBadge severity={analytic.severity as Severity} />
          <span className="text-xs tabular-nums text-slate-700 dark:text-slate-300" data-risk={analytic.riskScore}>
            risk {analytic.riskScore}
          </span>
        </span>
      </div>
      <p className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
        {outcome.overBatch
          ? `over the whole batch: ${formatCount(outcome.rowCount ?? 0)} row${outcome.rowCount === 1 ? "" : "s"} returned`
          : eventCount > 1
            ? `fires on ${formatCount(outcome.matched?.length ?? 0)} of ${formatCount(eventCount)} events`
            : "fires on this event"}
        {others.length > 0 && ` · also ${others.join(", ")}`}
        {outcome.threshold && <span data-testid="threshold"> · {thresholdWords(outcome.threshold)}</span>}
        {outcome.hingesOn?.length ? ` · verdict depends on unknown field${outcome.hingesOn.length > 1 ? "s" : ""} ${outcome.hingesOn.join(", ")}` : ""}
      </p>
      <OpenInSplunkLazy id={analytic.id} name={analytic.name} />
      {batch?.result.ok && batch.result.rows.length > 0 && (
        <details className="mt-1">
          <summary className="cursor-pointer text-xs">Rows the search returns ({formatCount(batch.totalRows)})</summary>
          <RowsTable rows={batch.result.rows} totalRows={batch.totalRows} caption={`Rows returned by ${analytic.name}`} />
        </details>
      )}
    </li>
  );
}

const KIND_WORDS: Record<Hideable, string> = { deprecated: "deprecated", experimental: "experimental", hunting: "hunting", threshold: "batch-threshold" };

/** "4 hidden by filters (1 deprecated, …). Show them": one click shows every firing analytic. */
function HiddenLine({ hidden, count, onShow }: { hidden: GroupedResults["hidden"]; count: number; onShow: () => void }) {
  const parts = HIDEABLE.filter((k) => hidden[k]).map((k) => `${formatCount(hidden[k]!)} ${KIND_WORDS[k]}`);
  return (
    <p className="mt-1 text-sm text-slate-700 dark:text-slate-300" data-testid="hidden-count" data-hidden={count}>
      {formatCount(count)} hidden by filters ({parts.join(", ")}).{" "}
      <button type="button" onClick={onShow} className="text-indigo-700 underline underline-offset-2 dark:text-indigo-300">
        Show {count === 1 ? "it" : "them"}
      </button>
    </p>
  );
}

/** Firing analytics by tactic and technique; not-testable ones collapsed; the rest counted. */
export const CatalogResults = memo(function CatalogResults({
  grouped,
  eventCount,
  batches,
  onOpen,
  filters,
  onFilters,
}: {
  grouped: GroupedResults;
  eventCount: number;
  batches: Map<string, { result: BatchResult; totalRows: number }>;
  onOpen: (slug: string) => void;
  filters: ResultFilters;
  onFilters: (f: ResultFilters) => void;
}) {
  const [openNt, setOpenNt] = useState(false);
  return (
    <div className="space-y-4">
      <section aria-labelledby="firing-heading" data-testid="firing">
        <h2 id="firing-heading" className="text-base font-semibold">
          Firing analytics ({formatCount(grouped.firingCount)})
        </h2>
        <ResultFiltersBar filters={filters} onChange={onFilters} />
        {grouped.firingCount === 0 && <p className="text-sm text-slate-600 dark:text-slate-400">{grouped.pending > 0 ? "None so far." : "No analytic fires on this input."}</p>}
        {grouped.hiddenCount > 0 && <HiddenLine hidden={grouped.hidden} count={grouped.hiddenCount} onShow={() => onFilters({ ...filters, hide: new Set() })} />}
        {grouped.firing.map((tactic) => (
          <section key={tactic.tactic || "none"} aria-label={tactic.name} className="mt-3">
            <h3 className="border-b border-slate-200 text-sm font-semibold uppercase tracking-wide text-slate-700 dark:border-slate-800 dark:text-slate-300">{tactic.name}</h3>
            {tactic.techniques.map((tech) => (
              <div key={tech.id || "none"} className="mt-2">
                {tech.id && (
                  <h4 className="text-sm">
                    <span className="font-mono">{tech.id}</span> {tech.name}
                  </h4>
                )}
                <ul className="mt-1 space-y-1">
                  {tech.items.map((i) => (
                    <FiringItem key={i.analytic.id} analytic={i.analytic} outcome={i.outcome} others={i.otherTechniques} eventCount={eventCount} batch={batches.get(i.analytic.id)} onOpen={onOpen} />
                  ))}
                </ul>
              </div>
            ))}
          </section>
        ))}
      </section>
      <details className="rounded border border-slate-200 p-2 dark:border-slate-800" onToggle={(e) => setOpenNt((e.target as HTMLDetailsElement).open)} data-testid="not-testable">
        <summary className="cursor-pointer text-sm font-semibold">Not testable live ({formatCount(grouped.notTestable.length)}), with reasons</summary>
        {openNt && (
          <div className="mt-2 space-y-2 text-sm">
            <ul aria-label="Reasons, most common first" className="text-xs">
              {grouped.reasons.slice(0, 12).map((r) => (
                <li key={r.reason}>
                  <span className="font-semibold">{formatCount(r.count)}</span> · {r.reason}
                </li>
              ))}
              {grouped.reasons.length > 12 && <li>… and {grouped.reasons.length - 12} other reasons</li>}
            </ul>
            <ul className="max-h-96 space-y-0.5 overflow-auto">
              {grouped.notTestable.map(({ analytic, outcome }) => (
                <li key={analytic.id} data-analytic={analytic.id} data-verdict="not_testable" className="[overflow-wrap:anywhere]">
                  <Link href={`/analytics/${encodeURIComponent(analytic.slug)}`} className="underline-offset-2 hover:underline">
                    {analytic.name}
                  </Link>
                  <span className="text-xs text-slate-600 dark:text-slate-400">: not testable live: {outcome.reason}</span>
                </li>
              ))}
            </ul>
          </div>
        )}
      </details>
      <p data-testid="no-match-count" className="text-sm text-slate-700 dark:text-slate-300">
        <span aria-hidden="true">○ </span>
        {formatCount(grouped.noMatchCount)} analytic{grouped.noMatchCount === 1 ? "" : "s"} do not fire.
        {grouped.pending > 0 && ` ${formatCount(grouped.pending)} still to evaluate…`}
      </p>
    </div>
  );
});
