"use client";
import { useMemo } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import type { AnalyticLite, AnalyticOutcome } from "@/lib/tester/group";
import type { EventSummary } from "@/lib/tester/protocol";
import { PagedTable, cellText, type PagedFeatures } from "./PagedTable";
import { formatCount } from "@/lib/detection/numbers";

const MAX_COLUMNS = 24;

/** Events × firing analytics (per-event verdicts; aggregating searches are listed above). */
export function CatalogMatrix({ events, firing }: { events: EventSummary[]; firing: { analytic: AnalyticLite; outcome: AnalyticOutcome }[] }) {
  const perEvent = useMemo(() => firing.filter((f) => !f.outcome.overBatch), [firing]);
  const shown = useMemo(() => perEvent.slice(0, MAX_COLUMNS), [perEvent]);
  const columns = useMemo<ColumnDef<PagedFeatures, EventSummary>[]>(() => {
    const sets = shown.map((f) => new Set(f.outcome.matched ?? []));
    const all = perEvent.map((f) => new Set(f.outcome.matched ?? []));
    return [
      { id: "event", header: "Event", accessorFn: (e: EventSummary) => e.index + 1 },
      { id: "line", header: "Line", accessorFn: (e: EventSummary) => e.line },
      {
        id: "text",
        header: "Event",
        accessorFn: (e: EventSummary) => e.text,
        cell: (i: { getValue: () => unknown }) => <span className="block w-[16rem] font-mono text-xs sm:w-[28rem]">{cellText(i.getValue(), 160)}</span>,
      },
      { id: "count", header: "Fires", accessorFn: (e: EventSummary) => all.filter((s) => s.has(e.index)).length },
      ...shown.map((f, k) => ({
        id: f.analytic.id,
        header: () => <span title={f.analytic.name} className="block max-w-[9rem] truncate normal-case">{f.analytic.name}</span>,
        accessorFn: (e: EventSummary) => sets[k]!.has(e.index),
        cell: (i: { getValue: () => unknown }) => (i.getValue() ? <span>●<span className="sr-only">fires</span></span> : <span className="text-slate-400" aria-label="does not fire">·</span>),
      })),
    ];
  }, [shown, perEvent]);
  if (events.length === 0 || perEvent.length === 0) return null;
  return (
    <section aria-labelledby="matrix-heading" className="space-y-1">
      <h2 id="matrix-heading" className="text-base font-semibold">
        Events × firing analytics
      </h2>
      {perEvent.length > MAX_COLUMNS && <p className="text-xs text-slate-600 dark:text-slate-400">Showing the first {formatCount(MAX_COLUMNS)} of {formatCount(perEvent.length)} firing analytics as columns; the “Fires” column counts all of them.</p>}
      <PagedTable data={events} columns={columns} caption="Events and the analytics that fire on each" getRowId={(e) => String(e.index)} testId="catalog-matrix" wide />
    </section>
  );
}
