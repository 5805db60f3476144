"use client";
import { memo, useMemo } from "react";
import type { Rba } from "@/lib/rba/types";
import type { ExplainedEvent } from "@/lib/tester/protocol";
import { failingClause, matchesByField, rangesInText } from "@/lib/tester/trace";
import { FieldsTable } from "./FieldsTable";
import { Highlighted } from "./Highlighted";
import { RbaResult } from "./RbaResult";
import { SplWithMarks, StageList } from "./SplTrace";
import { VerdictBadge } from "./Verdict";
import { formatLabel } from "@/lib/events/labels";

function Sub({ title, children, open = true }: { title: string; children: React.ReactNode; open?: boolean }) {
  return (
    <details open={open} className="group">
      <summary className="cursor-pointer select-none py-1 text-sm font-semibold text-slate-700 dark:text-slate-300">{title}</summary>
      <div className="pb-2">{children}</div>
    </details>
  );
}

/** One event: verdict, failing clause, fields (editable), trace over the SPL, and the alert. */
export const EventCard = memo(function EventCard({
  item,
  search,
  fieldsRead,
  rba,
  edits,
  onEdit,
  compact = false,
}: {
  compact?: boolean;
  item: ExplainedEvent;
  search: string;
  fieldsRead: string[];
  rba: Rba;
  edits: Record<string, string>;
  onEdit: (index: number, field: string, value: string) => void;
}) {
  const { event, explanation: ex } = item;
  const label = `event ${item.index + 1}`;
  const failure = useMemo(() => failingClause(ex), [ex]);
  const matches = useMemo(() => matchesByField(ex.stages), [ex]);
  const textRanges = useMemo(() => {
    const process = event.fields.process;
    return typeof process === "string" ? rangesInText(event.text, process, matches.get("process") ?? []) : [];
  }, [event, matches]);
  const unknown = useMemo(() => new Set(item.unknown), [item.unknown]);
  const row = ex.rows?.[0];
  return (
    <article aria-label={`Event ${item.index + 1}`} data-event-index={item.index} className="space-y-2 rounded-lg border border-slate-300 p-3 dark:border-slate-700">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h4 className="text-sm font-semibold">
          Event {item.index + 1}
          <span className="font-normal text-slate-600 dark:text-slate-400">
            {" "}
            · line {event.line} · {formatLabel(event.format)}
          </span>
        </h4>
        <VerdictBadge verdict={ex.verdict} reason={ex.reason} />
      </header>
      {failure && (
        <p data-testid="failing-clause" className="rounded border-l-4 border-red-500 bg-red-50 px-2 py-1 text-sm [overflow-wrap:anywhere] dark:bg-red-950/50">
          <span aria-hidden="true" className="font-bold">✘ </span>
          <code>{failure.words}</code>
          <span className="text-slate-600 dark:text-slate-400"> (in <code>{failure.stage.command}</code>)</span>
        </p>
      )}
      {ex.hingesOn && ex.hingesOn.length > 0 && (
        <p data-testid="hinges-on" className="rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 text-sm dark:bg-amber-950/50">
          <span aria-hidden="true">⚠ </span>
          Verdict depends on unknown field{ex.hingesOn.length > 1 ? "s" : ""} {ex.hingesOn.join(", ")}: this input does not say; fill {ex.hingesOn.length > 1 ? "them" : "it"} in below to see.
        </p>
      )}
      <pre className="max-h-40 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono text-xs [overflow-wrap:anywhere] dark:bg-slate-900" aria-label={`Text of ${label}`}>
        <Highlighted text={event.text} ranges={textRanges} max={4000} />
      </pre>
      {ex.verdict === "match" && row && (
        <Sub title="Alert (RBA)" open={!compact}>
          <RbaResult rba={rba} row={row} unknown={unknown} />
        </Sub>
      )}
      <Sub title="Fields the engine saw" open={!compact || (ex.hingesOn?.length ?? 0) > 0}>
        <FieldsTable event={event} eventLabel={label} fieldsRead={fieldsRead} matches={matches} edits={edits} onEdit={(f, v) => onEdit(item.index, f, v)} />
      </Sub>
      {ex.stages.length > 0 && (
        <Sub title="Trace over the SPL" open={!compact && ex.verdict !== "not_testable"}>
          <div className="space-y-2">
            <SplWithMarks search={search} stages={ex.stages} />
            <StageList stages={ex.stages} failure={failure} />
          </div>
        </Sub>
      )}
    </article>
  );
});
