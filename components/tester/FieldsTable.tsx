"use client";
import type { FieldValue, ParsedEvent } from "@/lib/events/types";
import { Highlighted } from "./Highlighted";

const ORIGIN_STYLE: Record<string, string> = {
  given: "bg-slate-100 text-slate-800 ring-slate-300 dark:bg-slate-800 dark:text-slate-100 dark:ring-slate-600",
  derived: "bg-sky-50 text-sky-900 ring-sky-300 dark:bg-sky-950 dark:text-sky-100 dark:ring-sky-700",
  mapped: "bg-violet-50 text-violet-900 ring-violet-300 dark:bg-violet-950 dark:text-violet-100 dark:ring-violet-700",
  edited: "bg-indigo-50 text-indigo-900 ring-indigo-400 dark:bg-indigo-950 dark:text-indigo-100 dark:ring-indigo-600",
  unknown: "bg-amber-50 text-amber-900 ring-amber-300 dark:bg-amber-950 dark:text-amber-100 dark:ring-amber-700",
};

const show = (v: FieldValue) => (Array.isArray(v) ? v.join("\n") : String(v));

/**
 * The fields the engine saw for one event, with where each came from. Derived, edited and unknown
 * fields the search reads are editable; editing re-evaluates.
 */
export function FieldsTable({
  event,
  eventLabel,
  fieldsRead,
  matches,
  edits,
  onEdit,
}: {
  event: ParsedEvent;
  eventLabel: string;
  fieldsRead: string[];
  matches: Map<string, { start: number; end: number }[]>;
  edits: Record<string, string>;
  onEdit: (field: string, value: string) => void;
}) {
  const read = new Set(fieldsRead);
  const names = [...fieldsRead, ...Object.keys(event.fields).filter((f) => !read.has(f)).sort()];
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Fields of {eventLabel}: value and origin; the search reads the first {fieldsRead.length}.</caption>
        <thead className="hidden sm:table-header-group text-left text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
          <tr>
            <th scope="col" className="px-1 py-1">Field</th>
            <th scope="col" className="px-1 py-1">Value</th>
            <th scope="col" className="px-1 py-1">Origin</th>
          </tr>
        </thead>
        <tbody>
          {names.map((name) => {
            const present = Object.prototype.hasOwnProperty.call(event.fields, name);
            const prov = event.provenance[name];
            const origin = present ? (prov?.origin ?? "given") : "unknown";
            const editable = origin === "derived" || origin === "edited" || origin === "unknown";
            const value = present ? show(event.fields[name]!) : "";
            const inputValue = Object.prototype.hasOwnProperty.call(edits, name) ? edits[name]! : value;
            return (
              <tr key={name} className="grid grid-cols-[1fr_auto] border-t border-slate-100 align-top sm:table-row dark:border-slate-800">
                <th scope="row" className="whitespace-nowrap px-1 sm:table-cell py-1 text-left font-mono text-xs font-normal">
                  {name}
                  {read.has(name) && <span className="ml-1 text-[10px] uppercase text-slate-500" title="read by this search">· read</span>}
                </th>
                <td className="order-last col-span-2 px-1 pb-1 font-mono sm:table-cell sm:w-full sm:py-1 text-xs [overflow-wrap:anywhere]">
                  {editable ? (
                    <input
                      type="text"
                      value={inputValue}
                      aria-label={`${name} (${eventLabel})`}
                      placeholder={present ? "" : "unknown: type a value to test with it"}
                      spellCheck={false}
                      onChange={(e) => onEdit(name, e.target.value)}
                      className="w-full rounded border border-slate-300 bg-white px-1.5 py-0.5 placeholder:text-slate-400 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-950"
                    />
                  ) : (
                    <span className="whitespace-pre-wrap">
                      <Highlighted text={value} ranges={matches.get(name) ?? []} max={600} />
                    </span>
                  )}
                  {editable && present && (matches.get(name)?.length ?? 0) > 0 && (
                    <span className="mt-0.5 block whitespace-pre-wrap">
                      <Highlighted text={value} ranges={matches.get(name) ?? []} max={600} />
                    </span>
                  )}
                </td>
                <td className="whitespace-nowrap px-1 py-1 text-right sm:table-cell sm:text-left">
                  <span className={`inline-block rounded px-1.5 py-0.5 text-xs ring-1 ring-inset ${ORIGIN_STYLE[origin]}`} title={[prov?.from ? `from ${prov.from}` : "", prov?.note ?? ""].filter(Boolean).join(": ")}>
                    {origin}
                  </span>
                  {prov?.from && origin !== "given" && <span className="ml-1 text-xs text-slate-500">from {prov.from}</span>}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
