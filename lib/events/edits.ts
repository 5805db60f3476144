/**
 * Values the user types in the tester for fields the input could not supply (or to change one).
 */
import { EventDraft, deriveProgramFields } from "./build";
import { PREFIXED_DATASETS, cimFields } from "../cim/fields";
import { parseAnyTime, setTime } from "./time";
import type { FieldRecord, FieldProvenance, FieldValue, ParsedEvent } from "./types";

/** Derived fields that follow a source field when it changes. */
const FOLLOWERS = new Map<string, string[]>([
  ["process", ["process_name", "process_path"]],
  ["process_path", ["process_name"]],
  ["parent_process", ["parent_process_name", "parent_process_path"]],
  ["parent_process_path", ["parent_process_name"]],
]);

function draftOf(fields: FieldRecord, provenance: Record<string, FieldProvenance> | undefined): EventDraft {
  const d = new EventDraft();
  for (const [k, v] of Object.entries(fields)) d.set(k, v, provenance?.[k] ?? { origin: "given" });
  return d;
}

function apply(d: EventDraft, key: string, value: string, changed: Set<string>): void {
  // `_time` typed as a date (ISO 8601) or epoch seconds becomes epoch seconds, with its `date_*` parts.
  const ts = key === "_time" && value.trim() !== "" ? parseAnyTime(value) : undefined;
  const v: FieldValue = ts ? ts.epoch : value;
  if (!d.has(key) || d.fields[key] !== v) changed.add(key);
  d.delete(key);
  if (ts) setTime(d, ts, "_time", "entered in the tester");
  d.set(key, v, { origin: "edited", note: ts ? `entered in the tester (${new Date(ts.epoch * 1000).toISOString()})` : "entered in the tester" });
}

function follow(d: EventDraft, changed: Set<string>, edited: Set<string>): void {
  for (const source of changed) {
    for (const f of FOLLOWERS.get(source) ?? []) {
      if (!edited.has(f) && d.provenance[f]?.origin === "derived") d.delete(f);
    }
  }
  deriveProgramFields(d);
}

/**
 * A copy of `event` with `edits` applied (origin "edited"). A bare key edits the raw fields and every
 * dataset the event belongs to whose CIM fields include it; a prefixed key (`Processes.user`) edits
 * that dataset only. An empty value removes the field. When `process` (or a path) changes, the name
 * and path derived from it are derived again, unless the same edits set them or the input gave them.
 * An edited field is no longer unknown.
 */
export function withEdits(event: ParsedEvent, edits: Record<string, string>): ParsedEvent {
  const fields = draftOf(event.fields, event.provenance);
  const datasets = new Map(Object.entries(event.datasets ?? {}).map(([n, f]) => [n, draftOf(f, event.datasetProvenance?.[n])]));
  const edited = new Set<string>();
  const changedRaw = new Set<string>();
  const changedDs = new Map<string, Set<string>>();
  for (const [rawKey, value] of Object.entries(edits ?? {})) {
    if (typeof value !== "string") continue;
    const key = rawKey.trim();
    if (!key || key === "__proto__") continue;
    const dot = key.indexOf(".");
    const prefixed = dot > 0 ? PREFIXED_DATASETS[key.slice(0, dot + 1)] : undefined;
    const bare = prefixed ? key.slice(dot + 1) : key;
    edited.add(bare);
    // CIM input (no `_raw`): its fields are the dataset's, so a prefixed edit changes them too.
    if (!prefixed || !("_raw" in event.fields)) apply(fields, bare, value, changedRaw);
    for (const [name, d] of datasets) {
      if (prefixed ? name !== prefixed : !(d.has(bare) || (cimFields(name) ?? []).includes(bare))) continue;
      const set = changedDs.get(name) ?? new Set<string>();
      apply(d, bare, value, set);
      changedDs.set(name, set);
    }
    if (prefixed && !datasets.has(prefixed)) {
      const d = new EventDraft();
      const set = new Set<string>();
      apply(d, bare, value, set);
      datasets.set(prefixed, d);
      changedDs.set(prefixed, set);
    }
  }
  follow(fields, changedRaw, edited);
  for (const [name, d] of datasets) follow(d, changedDs.get(name) ?? new Set(), edited);
  const outDs: Record<string, FieldRecord> = {};
  const outProv: Record<string, Record<string, FieldProvenance>> = {};
  for (const [name, d] of datasets) {
    outDs[name] = { ...d.fields };
    outProv[name] = { ...d.provenance };
  }
  const present = (n: string) => fields.has(n) || [...datasets.values()].some((d) => d.has(n));
  return {
    ...event,
    fields: { ...fields.fields },
    provenance: { ...fields.provenance },
    datasets: outDs,
    datasetProvenance: outProv,
    unknown: (event.unknown ?? []).filter((n) => !edited.has(n) && !present(n)),
  };
}
