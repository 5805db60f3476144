"use client";
import type { FieldGroup } from "@/lib/events/group";
import type { FieldValue } from "@/lib/events/types";
import { Highlighted } from "./Highlighted";
import { formatCount } from "@/lib/detection/numbers";
import { compareText } from "@/lib/detection/collate";

const ORIGINS = new Set(["given", "extracted", "alias", "derived", "mapped", "edited", "unknown"]);

/** What each group is, under its title. */
const GROUP_NOTE: Record<FieldGroup["kind"], string> = {
  raw: "raw: as the event gives them",
  "add-on": "add-on: aliases and evaluated fields",
  derived: "set by the console",
  cim: "CIM dataset",
};

const show = (v: FieldValue) => (Array.isArray(v) ? v.join("\n") : String(v));

/** `_time` in epoch seconds, also as a date people read. */
function timeNote(name: string, v: FieldValue | undefined): string | undefined {
  if (name !== "_time" || typeof v !== "number") return undefined;
  const d = new Date(v * 1000);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

interface Row {
  name: string;
  value?: FieldValue;
  origin: string;
  from?: string;
  note?: string;
  read: boolean;
}

/**
 * An event's fields grouped (the event's own, the add-on's, the console's, one group per CIM
 * dataset), each with its value and origin. With `onEdit`, fields the console set or could not know
 * (`_time` among them) are editable; editing re-evaluates. Without it, a read-only table.
 */
export function FieldsTable({
  groups,
  eventLabel,
  fieldsRead = [],
  unknownRead = [],
  matches,
  edits = {},
  onEdit,
}: {
  groups: FieldGroup[];
  eventLabel: string;
  /** Fields the search reads: marked, and listed first in their group. */
  fieldsRead?: string[];
  /** Fields the search reads that the event has not got (editable). */
  unknownRead?: string[];
  matches?: Map<string, { start: number; end: number }[]>;
  edits?: Record<string, string>;
  onEdit?: (field: string, value: string) => void;
}) {
  const read = new Set(fieldsRead);
  const order = (a: Row, b: Row) => Number(b.read) - Number(a.read) || compareText(a.name, b.name);
  // A CIM dataset's field is read as `Registry.registry_path` by tstats, or bare by a search on it.
  const isRead = (name: string, dataset?: string) => read.has(name) || (dataset !== undefined && read.has(`${dataset.split(".").pop()}.${name}`));
  const sections: { key: string; title: string; note: string; cim: boolean; rows: Row[] }[] = groups.map((g) => ({
    key: `${g.kind}:${g.title}`,
    title: g.title,
    note: GROUP_NOTE[g.kind],
    cim: g.kind === "cim",
    rows: g.fields
      .map((f) => ({ name: f.name, value: f.value, origin: f.provenance.origin, from: f.provenance.from, note: f.provenance.note, read: isRead(f.name, g.kind === "cim" ? g.title : undefined) }))
      .sort(order),
  }));
  if (unknownRead.length > 0) sections.push({ key: "unknown", title: "Not in this event", note: "read by the search; type a value to test with it", cim: false, rows: unknownRead.map((name) => ({ name, origin: "unknown", read: true })) });
  return (
    <div className="overflow-x-auto">
      <table className="w-full border-collapse text-sm">
        <caption className="sr-only">Fields of {eventLabel}, grouped: raw, add-on, console and CIM datasets; value and origin of each.</caption>
        <thead className="hidden text-left text-xs uppercase tracking-wide text-slate-600 sm:table-header-group dark:text-slate-400">
          <tr>
            <th scope="col" className="px-1 py-1">Field</th>
            <th scope="col" className="px-1 py-1">Value</th>
            <th scope="col" className="px-1 py-1">Origin</th>
          </tr>
        </thead>
        {sections.map((s) => (
          <tbody key={s.key} data-group={s.key}>
            <tr className="dc-fg-head">
              <th scope="colgroup" colSpan={3} className="dc-fg-title">
                {s.title} <span className="dc-muted font-normal">· {s.note} · {formatCount(s.rows.length)}</span>
              </th>
            </tr>
            {s.rows.map((r) => (
              <FieldRow key={r.name} row={r} cim={s.cim} read={r.read} eventLabel={eventLabel} matches={matches?.get(r.name) ?? []} edit={edits[r.name]} onEdit={onEdit} />
            ))}
          </tbody>
        ))}
      </table>
    </div>
  );
}

function FieldRow({ row, cim, read, eventLabel, matches, edit, onEdit }: {
  row: Row;
  cim: boolean;
  read: boolean;
  eventLabel: string;
  matches: { start: number; end: number }[];
  edit?: string;
  onEdit?: (field: string, value: string) => void;
}) {
  const { name, origin } = row;
  const present = row.value !== undefined;
  const editable = onEdit !== undefined && !cim && (origin === "derived" || origin === "edited" || origin === "unknown");
  const value = present ? show(row.value!) : "";
  const when = timeNote(name, row.value);
  return (
    <tr className="dc-fr">
      <th scope="row" className="dc-fr-name">
        {name}
        {read && <span className="ml-1 text-[0.625rem] uppercase text-slate-500" title="read by this search">· read</span>}
      </th>
      <td className="dc-fr-value">
        {editable ? (
          <input
            type="text"
            value={edit ?? value}
            aria-label={`${name} (${eventLabel})`}
            placeholder={present ? "" : "unknown: type a value to test with it"}
            spellCheck={false}
            onChange={(e) => onEdit(name, e.target.value)}
            className="w-full rounded border border-slate-300 bg-white px-1.5 py-0.5 placeholder:text-slate-400 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-950"
          />
        ) : (
          <span className="whitespace-pre-wrap">
            <Highlighted text={value} ranges={matches} max={600} />
          </span>
        )}
        {editable && present && matches.length > 0 && (
          <span className="mt-0.5 block whitespace-pre-wrap">
            <Highlighted text={value} ranges={matches} max={600} />
          </span>
        )}
        {when && <span className="dc-muted mt-0.5 block font-sans">{when}{editable ? " · type a date (ISO 8601) or epoch seconds" : ""}</span>}
      </td>
      <td className="dc-fr-origin">
        <span className={`dc-badge dc-origin-${ORIGINS.has(origin) ? origin : "given"}`} title={[row.from ? `from ${row.from}` : "", row.note ?? ""].filter(Boolean).join(": ")}>
          {origin}
        </span>
        {row.from && origin !== "given" && <span className="dc-muted ml-1 hidden text-xs sm:inline">from {row.from}</span>}
      </td>
    </tr>
  );
}
