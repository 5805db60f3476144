"use client";
import type { ParsedEvent } from "@/lib/events/types";
import { formatCount } from "@/lib/detection/numbers";

/** Inputs that are CIM fields already (not a raw event of any data source). */
const CIM_INPUT = new Set(["command-line", "cim-json", "csv"]);

/**
 * Which of the content's data sources an event was recognised as; when several fit equally, a
 * choice among them (the user picks; the event is read again as that one); "unrecognised" when
 * none does (its fields are still extracted).
 */
export function DataSourceLine({ event, eventLabel, onPick }: { event: ParsedEvent; eventLabel: string; onPick?: (name: string) => void }) {
  const { dataSource, candidates } = event;
  const where = [event.source && `source ${event.source}`, event.sourcetype && `sourcetype ${event.sourcetype}`].filter(Boolean).join(" · ");
  const choose = candidates.length > 1 && onPick;
  return (
    <div data-testid="data-source" data-data-source={dataSource ?? ""} className="flex flex-wrap items-center gap-x-2 gap-y-1 text-sm">
      <span className="text-slate-600 dark:text-slate-400">Data source:</span>
      {choose ? (
        <label className="flex flex-wrap items-center gap-1">
          <span className={dataSource ? "sr-only" : "text-amber-900 dark:text-amber-200"}>{dataSource ? `Data source of ${eventLabel}` : `${formatCount(candidates.length)} fit equally, pick one:`}</span>
          <select
            value={dataSource ?? ""}
            onChange={(e) => e.target.value && onPick(e.target.value)}
            aria-label={`Data source of ${eventLabel}`}
            className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900"
          >
            {!dataSource && <option value="">(ambiguous)</option>}
            {candidates.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </label>
      ) : dataSource ? (
        <strong className="font-semibold">{dataSource}</strong>
      ) : CIM_INPUT.has(event.format) && candidates.length === 0 ? (
        <span className="text-slate-700 dark:text-slate-300">none: read as CIM fields, not as a raw event</span>
      ) : candidates.length > 1 ? (
        <span>ambiguous: {candidates.join(" or ")}</span>
      ) : (
        <span className="text-slate-700 dark:text-slate-300">unrecognised <span className="text-slate-600 dark:text-slate-400">(none of the data sources here fits; its fields are still read)</span></span>
      )}
      {where && <span className="text-xs text-slate-600 dark:text-slate-400">{where}</span>}
    </div>
  );
}
