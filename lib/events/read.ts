/**
 * One chunk → one event: the format that reads it, the data source it is, and the fields a raw
 * search sees (the event's own and the add-on's, plus `_raw`, `_time`, `source`, `sourcetype`,
 * `host`, `eventtype`), the CIM datasets, and the fields it cannot know.
 */
import { lineageOf, resolveDataset } from "../cim/datamodels";
import { cimFields } from "../cim/fields";
import type { EventDraft } from "./build";
import { eventTypesOf } from "./eventtypes";
import { formatById, formatFor } from "./formats/index";
import type { Chunk, Extraction, InputFormatModule } from "./formats/types";
import { ProblemList } from "./problems";
import { prepareSpec, recognise, sourceKey, type PreparedSpec } from "./recognise";
import { splitInput } from "./split";
import { capText, lineStarts } from "./text";
import type { DataSourceSpec, FieldProvenance, FieldRecord, ParsedEvent } from "./types";

export interface ReadOptions {
  /** The content's data sources (plain data), for recognition. */
  dataSources?: readonly DataSourceSpec[];
  /** Given by the user: they win over what the event looks like. */
  source?: string;
  sourcetype?: string;
  /** The data source the user picked among the candidates. */
  dataSource?: string;
  /** Read every chunk with this format. */
  format?: string;
  /** The read time (epoch seconds) an event without a timestamp gets as `_time`; default: now. */
  now?: number;
}

/**
 * An event without a timestamp of its own gets the time it was read, as Splunk gives an event
 * the time it is indexed when no timestamp is found (props.conf DATETIME_CONFIG = CURRENT):
 * https://help.splunk.com/en/splunk-enterprise/get-started/get-data-in (How timestamp assignment works).
 * The time is fixed once, when the event is read, so every analytic (and every surface) asked
 * about the event sees the same `_time`: a verdict never depends on when it is computed.
 */
function readTime(d: EventDraft, now: number | undefined): void {
  // Only an event that holds something gets a time (an empty line stays no event).
  if (d.fields["_time"] !== undefined || Object.keys(d.fields).length === 0) return;
  d.set("_time", now ?? Math.round(Date.now()) / 1000, { origin: "derived", note: "no timestamp in the event: the time it was read" });
}

export function extractChunk(chunk: Chunk, forced?: InputFormatModule): { format: InputFormatModule; ext: Extraction } | { problem: string } {
  const format = forced ?? formatFor(chunk);
  if (!format) {
    const v = chunk.value;
    if (chunk.kind !== "json") return { problem: "not recognised as any input format" };
    if (typeof v !== "object" || v === null || Array.isArray(v)) return { problem: `expected an object of event fields, got ${Array.isArray(v) ? "an array" : v === null ? "null" : `a ${typeof v}`}` };
    return { problem: "the object is not an event this console reads (no Windows event, no CIM fields)" };
  }
  try {
    const ext = format.extract(chunk);
    return "problem" in ext ? ext : { format, ext };
  } catch (e) {
    return { problem: `could not read the event: ${e instanceof Error ? e.message : String(e)}` };
  }
}

const PREPARED = new WeakMap<readonly DataSourceSpec[], PreparedSpec[]>();

/** Each data source with the shape of its example, once per list. */
export function prepareSpecs(specs: readonly DataSourceSpec[] | undefined): PreparedSpec[] {
  if (!specs || specs.length === 0) return [];
  let out = PREPARED.get(specs);
  if (out) return out;
  out = specs.map((spec) => {
    let example: Extraction | undefined;
    const text = spec.exampleLog;
    if (text && text.trim() !== "") {
      const first = splitInput(text, lineStarts(text), 1, new ProblemList()).chunks[0];
      const r = first ? extractChunk(first) : undefined;
      if (r && !("problem" in r)) example = r.ext;
    }
    return prepareSpec(spec, example);
  });
  PREPARED.set(specs, out);
  return out;
}

const VOCABULARY = new WeakMap<readonly PreparedSpec[], Map<string, Set<string>>>();

/** The raw field names the examples of a family show (the extraction is complete for them); cached. */
function rawVocabulary(prepared: readonly PreparedSpec[], family: string): Set<string> {
  let byFamily = VOCABULARY.get(prepared);
  if (!byFamily) VOCABULARY.set(prepared, (byFamily = new Map()));
  let out = byFamily.get(family);
  if (!out) {
    out = new Set<string>();
    for (const p of prepared) if (p.family === family) for (const n of p.rawNames) out.add(n);
    byFamily.set(family, out);
  }
  return out;
}

const ADDON_NAMES = new WeakMap<PreparedSpec, Map<string, string[]>>();

/** A data source's listed fields that are not raw names of its family: the add-on's (cached). */
function addonNames(prepared: readonly PreparedSpec[], p: PreparedSpec, family: string): string[] {
  let byFamily = ADDON_NAMES.get(p);
  if (!byFamily) ADDON_NAMES.set(p, (byFamily = new Map()));
  let out = byFamily.get(family);
  if (!out) {
    const raw = rawVocabulary(prepared, family);
    out = p.spec.fields.filter((f) => !raw.has(f));
    byFamily.set(family, out);
  }
  return out;
}

const SAME_SOURCE = new WeakMap<readonly PreparedSpec[], Map<string, PreparedSpec[]>>();

/** The data sources of one source (cached). */
function sameSource(prepared: readonly PreparedSpec[], srcKey: string | undefined): PreparedSpec[] {
  if (srcKey === undefined) return [];
  let bySource = SAME_SOURCE.get(prepared);
  if (!bySource) SAME_SOURCE.set(prepared, (bySource = new Map()));
  let out = bySource.get(srcKey);
  if (!out) bySource.set(srcKey, (out = prepared.filter((p) => p.sourceKey === srcKey)));
  return out;
}

/**
 * Unknown fields: the add-on fields its data source lists (or, unrecognised, those of the data
 * sources of the same source) that this event has not got and that are not the event's own fields
 * (absent own fields are absent in Splunk too), plus what the format says it cannot know, plus each
 * CIM dataset's fields not mapped.
 */
function unknownOf(ext: Extraction, fits: readonly PreparedSpec[], prepared: readonly PreparedSpec[], srcKey: string | undefined, datasets: Record<string, FieldRecord>): string[] {
  if (!ext.family) {
    // CIM input and command lines: what the format says, minus what was given (the hot path).
    const fields = ext.draft.fields;
    const dsList = Object.values(datasets);
    const own = (o: object, n: string) => Object.prototype.hasOwnProperty.call(o, n);
    return (ext.unknown ?? []).filter((n) => !own(fields, n) && !dsList.some((d) => own(d, n)));
  }
  const out = new Set<string>(ext.unknown ?? []);
  const family = ext.family;
  const vocab = fits.length > 0 ? fits : sameSource(prepared, srcKey);
  for (const p of vocab) for (const f of addonNames(prepared, p, family)) out.add(f);
  for (const [name, fields] of Object.entries(datasets)) for (const f of cimFields(name) ?? []) if (!Object.prototype.hasOwnProperty.call(fields, f)) out.add(f);
  const present = new Set(Object.keys(ext.draft.fields));
  for (const d of Object.values(datasets)) for (const k of Object.keys(d)) present.add(k);
  const list: string[] = [];
  for (const name of out) if (!present.has(name)) list.push(name);
  return list.sort();
}

const PARENTS = new Map<string, string[]>();

/** A dataset's ancestors' names (cached). */
function parentsOf(name: string): string[] {
  let out = PARENTS.get(name);
  if (!out) {
    const ds = resolveDataset(name);
    out = ds ? lineageOf(ds).slice(1).map((p) => p.name) : [];
    PARENTS.set(name, out);
  }
  return out;
}

/** Datasets as records; a child dataset's event is also listed under its parents. */
function datasetsOf(ext: Extraction): { datasets: Record<string, FieldRecord>; provenance: Record<string, Record<string, FieldProvenance>> } {
  const datasets: Record<string, FieldRecord> = {};
  const provenance: Record<string, Record<string, FieldProvenance>> = {};
  const add = (name: string, d: EventDraft) => {
    datasets[name] = datasets[name] ? { ...datasets[name], ...d.fields } : d.fields;
    provenance[name] = provenance[name] ? { ...provenance[name], ...d.provenance } : d.provenance;
  };
  for (const [name, d] of ext.datasets) {
    if (d.size === 0) continue;
    add(name, d);
    for (const parent of parentsOf(name)) if (!ext.datasets.has(parent)) add(parent, d);
  }
  return { datasets, provenance };
}

function metadata(draft: EventDraft, source: string | undefined, sourcetype: string | undefined, fromSpec: string | undefined, given: boolean): void {
  const prov = (what: string): FieldProvenance =>
    given ? { origin: "given", note: `the ${what} you gave` } : fromSpec ? { origin: "derived", note: `the ${what} of the data source "${fromSpec}"` } : { origin: "derived", note: `where Splunk puts this kind of event` };
  if (source) draft.set("source", source, prov("source"));
  if (sourcetype) draft.set("sourcetype", sourcetype, prov("sourcetype"));
  const types = eventTypesOf(source, sourcetype);
  if (types.length > 0) draft.set("eventtype", types.length === 1 ? types[0]!.eventtype : types.map((t) => t.eventtype), { origin: "derived", from: "source", note: `the ${types[0]!.addon}'s event type for this source` });
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) n++;
  }
  return n;
}

export function readChunk(chunk: Chunk, opts: ReadOptions, prepared: readonly PreparedSpec[]): ParsedEvent | { problem: string } {
  const forced = opts.format ? formatById(opts.format) : undefined;
  const r = extractChunk(chunk, forced);
  if ("problem" in r) return r;
  const { format, ext } = r;
  const rec = ext.family ? recognise(ext, prepared, { source: opts.source, sourcetype: opts.sourcetype, pick: opts.dataSource }) : { dataSource: null, candidates: [], fits: [] };
  const chosen = rec.dataSource ? rec.fits[0]?.spec : undefined;
  const source = opts.source ?? (ext.family ? chosen?.source ?? ext.source : undefined);
  const sourcetype = opts.sourcetype ?? (ext.family ? chosen?.sourcetype ?? ext.sourcetype : undefined);
  const d = ext.draft;
  const given = opts.source !== undefined || opts.sourcetype !== undefined;
  if (ext.family || given) metadata(d, source, sourcetype, chosen && !opts.source ? chosen.name : undefined, given);
  if (ext.family) {
    d.set("_raw", chunk.text, { origin: "derived", note: "the event's text" });
    d.set("linecount", lineCount(chunk.text), { origin: "derived", note: "lines in the event's text" });
  }
  readTime(d, opts.now);
  if (ext.family && prepared.length === 0) {
    ext.notes.push("no data sources were given: the add-on's fields this console does not compute are not listed as unknown (pass the content's data sources)");
  }
  const { datasets, provenance } = datasetsOf(ext);
  return {
    index: 0,
    line: chunk.line,
    column: chunk.column,
    format: chunk.csvRow ? "csv" : format.id,
    fields: d.fields,
    datasets,
    unknown: unknownOf(ext, rec.fits, prepared, sourceKey(source), datasets),
    dataSource: rec.dataSource,
    candidates: rec.candidates,
    ...(source ? { source } : {}),
    ...(sourcetype ? { sourcetype } : {}),
    provenance: d.provenance,
    datasetProvenance: provenance,
    notes: ext.notes,
    text: capText(chunk.text),
  };
}
