/**
 * How a data-model search reads an event: `from datamodel=X` names a CIM dataset (lib/cim), whose
 * fields the search writes with a prefix (`Processes.process_name`, `All_Traffic.dest_port`,
 * `All_Changes.Account_Management.src_user`). The event carries each dataset's fields without the
 * prefix (EventInput.datasets). Default fields (`_time`, `host`, `source`, `sourcetype`) are read
 * unprefixed from the event itself, as tstats allows.
 */
import { fieldPrefixes, resolveDataset } from "../cim/datamodels";
import type { EventInput, FieldRecord } from "../detection/types";
import { fieldOf } from "./runtime";
import { parseNumeric, type Scalar } from "./values";

export interface DatasetRef {
  /** The dataset's full name, the key of EventInput.datasets. */
  key: string;
  /** Field-name prefixes, longest first. */
  prefixes: readonly string[];
}

const refs = new Map<string, DatasetRef | null>();

/** The dataset a `datamodel=` value names, or null when the CIM has no such dataset. */
export function datasetRef(datamodel: string): DatasetRef | null {
  let r = refs.get(datamodel);
  if (r === undefined) {
    const ds = resolveDataset(datamodel);
    r = ds ? { key: ds.name, prefixes: fieldPrefixes(ds) } : null;
    if (refs.size < 1000) refs.set(datamodel, r);
  }
  return r;
}

/** Fields tstats reads from the event itself, without a dataset prefix. */
export const DEFAULT_FIELDS: ReadonlySet<string> = new Set(["_time", "host", "source", "sourcetype"]);

/** Not a CIM dataset: a raw-event search reads the event's own fields (raw-search.ts). */
export const RAW_EVENT: DatasetRef = Object.freeze({ key: "(raw event)", prefixes: [] });

/** The event's record for the dataset (its own fields for RAW_EVENT), or undefined when the event is not in it. */
export function datasetFields(event: EventInput, ref: DatasetRef): FieldRecord | undefined {
  // By key: a plan's screening (plan.ts) arrives as plain data, not this object.
  if (ref.key === RAW_EVENT.key) return event.fields ?? undefined;
  const all = event.datasets;
  if (all === undefined || all === null) return undefined;
  return Object.prototype.hasOwnProperty.call(all, ref.key) ? all[ref.key] : undefined;
}

/**
 * A search field name → the dataset record's key (prefix stripped), cached by name; null for a
 * name the dataset cannot hold (no prefix of this dataset, and not a default field).
 */
const stripped = new Map<string, { ref: DatasetRef; bare: string | null }>();
export function datasetKey(name: string, ref: DatasetRef): string | null {
  let e = stripped.get(name);
  if (e === undefined || e.ref !== ref) {
    let bare: string | null = null;
    for (const p of ref.prefixes) {
      if (name.length > p.length && name.startsWith(p)) {
        bare = name.slice(p.length);
        break;
      }
    }
    e = { ref, bare };
    if (stripped.size < 20000) stripped.set(name, e);
  }
  return e.bare;
}

/** The event's time in epoch seconds: its `_time` field, else `now`. */
export function eventTime(event: EventInput, now: number): number {
  const t = event.fields?.["_time"];
  const n = typeof t === "number" ? t : typeof t === "string" ? parseNumeric(t) : null;
  return n ?? now;
}

/** Reads a field by the name a search gives it. */
export type FieldGetter = (name: string) => Scalar | Scalar[] | undefined;

/** A field of the event as the data-model search names it. */
export function eventGetter(event: EventInput, record: FieldRecord, ref: DatasetRef, now: number): FieldGetter {
  return (name) => {
    const bare = datasetKey(name, ref);
    if (bare !== null) return fieldOf(record, bare);
    if (name === "_time") return eventTime(event, now);
    if (DEFAULT_FIELDS.has(name)) return fieldOf(event.fields, name);
    return undefined;
  };
}
