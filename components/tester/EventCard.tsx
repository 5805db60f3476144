"use client";
import { memo, useMemo } from "react";
import type { Rba } from "@/lib/rba/types";
import type { ExplainedEvent } from "@/lib/tester/protocol";
import { failingClause, matchesByField, rangesInText } from "@/lib/tester/trace";
import { wantedSaw } from "@/lib/tester/wanted";
import { FieldsTable } from "./FieldsTable";
import { Highlighted } from "./Highlighted";
import { RbaResult } from "./RbaResult";
import { SplWithMarks, StageList } from "./SplTrace";
import { VerdictBadge } from "./Verdict";
import { groupedFields } from "@/lib/events/group";
import type { ParsedEvent } from "@/lib/events/types";
import { DataSourceLine } from "./DataSourceLine";
import { Icon } from "@/components/ui/Icon";

/** Fields the search reads that the event has not got, raw or in a dataset (`Registry.registry_path`). */
function missingFields(event: ParsedEvent, fieldsRead: string[]): string[] {
  const has = (f: string) => {
    if (Object.prototype.hasOwnProperty.call(event.fields, f)) return true;
    const dot = f.indexOf(".");
    return Object.entries(event.datasets ?? {}).some(([ds, fields]) =>
      Object.prototype.hasOwnProperty.call(fields, f) || (dot > 0 && ds.split(".").pop() === f.slice(0, dot) && Object.prototype.hasOwnProperty.call(fields, f.slice(dot + 1))),
    );
  };
  return fieldsRead.filter((f) => !has(f));
}

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
  onPick,
  compact = false,
}: {
  compact?: boolean;
  /** The user picks this event's data source among its candidates. */
  onPick?: (index: number, dataSource: string) => void;
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
  const plain = useMemo(() => (failure?.clause ? wantedSaw(failure.clause) : null), [failure]);
  const matches = useMemo(() => matchesByField(ex.stages), [ex]);
  const textRanges = useMemo(() => {
    const process = event.fields.process;
    return typeof process === "string" ? rangesInText(event.text, process, matches.get("process") ?? []) : [];
  }, [event, matches]);
  const unknown = useMemo(() => new Set(item.unknown), [item.unknown]);
  const groups = useMemo(() => groupedFields(event).groups, [event]);
  const missing = useMemo(() => missingFields(event, fieldsRead), [event, fieldsRead]);
  const row = ex.rows?.[0];
  return (
    <article aria-label={`Event ${item.index + 1}`} data-event-index={item.index} className="space-y-2 rounded-lg border border-slate-300 p-3 dark:border-slate-700">
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="text-sm font-semibold">
          Event {item.index + 1}
          <span className="font-normal text-slate-600 dark:text-slate-400">
            {" "}
            · line {event.line} · {item.formatLabel}
          </span>
        </h3>
        <VerdictBadge verdict={ex.verdict} reason={ex.reason} />
      </header>
      <DataSourceLine event={event} eventLabel={label} onPick={onPick ? (name) => onPick(item.index, name) : undefined} />
      {failure && (
        <p data-testid="failing-clause" className="rounded border-l-4 border-red-500 bg-red-50 px-2 py-1 text-sm [overflow-wrap:anywhere] dark:bg-red-950/50">
          <Icon name="cross" className="mr-1" />
          <code>{failure.words}</code>
          <span className="text-slate-600 dark:text-slate-400"> (in <code>{failure.stage.command}</code>)</span>
          {plain && (
            <span data-testid="wanted-saw" className="mt-1 block text-xs text-slate-800 dark:text-slate-200">
              <span className="font-semibold">wanted</span> {plain.wanted}
              <br />
              <span className="font-semibold">saw</span> {plain.saw}
            </span>
          )}
        </p>
      )}
      {ex.hingesOn && ex.hingesOn.length > 0 && (
        <p data-testid="hinges-on" className="rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 text-sm dark:bg-amber-950/50">
          <Icon name="warning" className="mr-1" />
          Verdict depends on unknown field{ex.hingesOn.length > 1 ? "s" : ""} {ex.hingesOn.join(", ")}: this input does not say; fill {ex.hingesOn.length > 1 ? "them" : "it"} in below to see.
        </p>
      )}
      <pre tabIndex={0} className="max-h-40 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono text-xs [overflow-wrap:anywhere] dark:bg-slate-900" aria-label={`Text of ${label}`}>
        <Highlighted text={event.text} ranges={textRanges} max={4000} />
      </pre>
      {ex.verdict === "match" && row && (
        <Sub title="Alert (RBA)" open={!compact}>
          <RbaResult rba={rba} row={row} unknown={unknown} />
        </Sub>
      )}
      <Sub title="Fields the engine saw" open={!compact || (ex.hingesOn?.length ?? 0) > 0}>
        <FieldsTable groups={groups} eventLabel={label} fieldsRead={fieldsRead} unknownRead={missing} matches={matches} edits={edits} onEdit={(f, v) => onEdit(item.index, f, v)} />
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
