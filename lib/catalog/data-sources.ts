/**
 * The data-source pages' views (`/data-sources`, `/data-sources/<slug>`): each data source of the
 * content with its source, sourcetype, add-on and the analytics that read it (by `data_source:`
 * name, case-insensitive), and its example event read by lib/events as the tester reads it. Plain
 * data, computed on the server once per catalog object.
 */
import type { Analytic, Catalog, DataSource, FieldMapping, SupportedTA } from "../content/types";
import { dataSourceSlug, dataSourceSpec } from "../content/data-source";
import { groupedFields, parseEvents, type DataSourceSpec, type FieldGroup, type FieldValue } from "../events/index";
import { catalogHref, emptyFilters, emptyQuery } from "./query";
import { formatCount } from "@/lib/detection/numbers";

/** The catalog filtered on one data source (its facet, in the URL like every facet). */
export function catalogHrefFor(name: string): string {
  return catalogHref({ ...emptyQuery(), filters: { ...emptyFilters(), source: [name] } });
}

export interface DataSourceRow {
  slug: string;
  name: string;
  source?: string;
  sourcetype?: string;
  /** The add-ons (`supported_TA`) by name. */
  addOn: string[];
  analytics: number;
}

export interface AnalyticLink {
  id: string;
  slug: string;
  name: string;
  type: string;
}

/** What a page draws of a large example (a CloudTrail response can flatten into thousands of fields). */
export const EXAMPLE_LIMITS = { chars: 20_000, fieldsPerGroup: 150, valueChars: 1_000 } as const;

/** A value cut for display (`_raw` of a large example is the whole example again). */
function capValue(v: FieldValue): FieldValue {
  const cut = (s: string) => (s.length > EXAMPLE_LIMITS.valueChars ? `${s.slice(0, EXAMPLE_LIMITS.valueChars)} … (${formatCount(s.length - EXAMPLE_LIMITS.valueChars)} more characters)` : s);
  if (typeof v === "string") return cut(v);
  if (!Array.isArray(v)) return v;
  const out: string[] = [];
  let used = 0;
  for (const item of v) {
    if (used >= EXAMPLE_LIMITS.valueChars) {
      out.push(`… (${formatCount(v.length - out.length)} more values)`);
      break;
    }
    const c = cut(item);
    out.push(c);
    used += c.length;
  }
  return out;
}

export interface ExampleView {
  /** The example's text, cut at EXAMPLE_LIMITS.chars for display (`fullLength` says how long it is). */
  text: string;
  fullLength: number;
  /** Fields left out of the groups (beyond EXAMPLE_LIMITS.fieldsPerGroup each). */
  omittedFields: number;
  /** What lib/events recognised it as (null: none or ambiguous). */
  dataSource: string | null;
  candidates: string[];
  format: string;
  groups: FieldGroup[];
  notes: string[];
  /** Why it could not be read (no event came out of it). */
  problem?: string;
}

export interface DataSourceView {
  slug: string;
  name: string;
  file: string;
  description?: string;
  source?: string;
  sourcetype?: string;
  separator?: string;
  separatorValue?: string;
  addOns: SupportedTA[];
  fields: string[];
  fieldMappings: FieldMapping[];
  example?: ExampleView;
  /** The CIM datasets its example feeds (full names, e.g. `Endpoint.Registry`). */
  datasets: string[];
  analytics: AnalyticLink[];
  /** The catalog filtered on it. */
  catalogHref: string;
}

interface Index {
  bySlug: Map<string, DataSource>;
  byName: Map<string, DataSource>;
  readers: Map<string, Analytic[]>;
  specs: DataSourceSpec[];
}

const INDEXES = new WeakMap<Catalog, Index>();
const key = (name: string) => name.trim().toLowerCase();

function indexOf(catalog: Catalog): Index {
  let ix = INDEXES.get(catalog);
  if (ix) return ix;
  ix = { bySlug: new Map(), byName: new Map(), readers: new Map(), specs: catalog.dataSources.map(dataSourceSpec) };
  for (const d of catalog.dataSources) {
    const slug = dataSourceSlug(d);
    if (!ix.bySlug.has(slug)) ix.bySlug.set(slug, d);
    if (!ix.byName.has(key(d.name))) ix.byName.set(key(d.name), d);
  }
  for (const a of catalog.analytics) {
    for (const n of new Set(a.dataSources.map(key))) {
      const list = ix.readers.get(n) ?? [];
      list.push(a);
      ix.readers.set(n, list);
    }
  }
  INDEXES.set(catalog, ix);
  return ix;
}

/** The content's data sources as lib/events reads them (the same array each time: its preparation is cached). */
export function dataSourceSpecs(catalog: Catalog): DataSourceSpec[] {
  return indexOf(catalog).specs;
}

/** A data source by slug (its file name), else by name (case-insensitive). */
export function findDataSource(catalog: Catalog, slugOrName: string): DataSource | undefined {
  const ix = indexOf(catalog);
  const k = slugOrName.trim();
  return ix.bySlug.get(k) ?? ix.bySlug.get(k.toLowerCase()) ?? ix.byName.get(key(k));
}

/** The analytics that name this data source in `data_source:`, in catalog order. */
export function analyticsReading(catalog: Catalog, name: string): Analytic[] {
  return indexOf(catalog).readers.get(key(name)) ?? [];
}

/** The slug of the page of a data source named by an analytic, or undefined when the content has none. */
export function dataSourceSlugOf(catalog: Catalog, name: string): string | undefined {
  const d = indexOf(catalog).byName.get(key(name));
  return d ? dataSourceSlug(d) : undefined;
}

export function dataSourceRows(catalog: Catalog): DataSourceRow[] {
  return catalog.dataSources.map((d) => ({
    slug: dataSourceSlug(d),
    name: d.name,
    ...(d.source ? { source: d.source } : {}),
    ...(d.sourcetype ? { sourcetype: d.sourcetype } : {}),
    addOn: (d.supportedTA ?? []).map((t) => t.name),
    analytics: analyticsReading(catalog, d.name).length,
  }));
}

/** The example event read with every data source of the content, as the tester on /test reads it. */
export function readExample(catalog: Catalog, text: string): ExampleView {
  const r = parseEvents(text, { dataSources: dataSourceSpecs(catalog), maxEvents: 1 });
  const e = r.events[0];
  const shown = { text: text.slice(0, EXAMPLE_LIMITS.chars), fullLength: text.length };
  if (!e) return { ...shown, omittedFields: 0, dataSource: null, candidates: [], format: r.format, groups: [], notes: [], problem: r.problems[0]?.message ?? "no event could be read" };
  const { groups, notes } = groupedFields(e);
  let omittedFields = 0;
  const capped = groups.map((g) => {
    omittedFields += Math.max(0, g.fields.length - EXAMPLE_LIMITS.fieldsPerGroup);
    return { ...g, fields: g.fields.slice(0, EXAMPLE_LIMITS.fieldsPerGroup).map((f) => ({ ...f, value: capValue(f.value) })) };
  });
  return { ...shown, omittedFields, dataSource: e.dataSource, candidates: e.candidates, format: e.format, groups: capped, notes };
}

export function buildDataSourceView(catalog: Catalog, d: DataSource): DataSourceView {
  const example = d.exampleLog !== undefined ? readExample(catalog, d.exampleLog) : undefined;
  return {
    slug: dataSourceSlug(d),
    name: d.name,
    file: d.file,
    ...(d.description ? { description: d.description } : {}),
    ...(d.source ? { source: d.source } : {}),
    ...(d.sourcetype ? { sourcetype: d.sourcetype } : {}),
    ...(d.separator ? { separator: d.separator } : {}),
    ...(d.separatorValue ? { separatorValue: d.separatorValue } : {}),
    addOns: d.supportedTA ?? [],
    fields: d.fields,
    fieldMappings: d.fieldMappings ?? [],
    ...(example ? { example } : {}),
    datasets: example ? example.groups.filter((g) => g.kind === "cim").map((g) => g.title) : [],
    analytics: analyticsReading(catalog, d.name).map((a) => ({ id: a.id, slug: a.slug, name: a.name, type: a.type })),
    catalogHref: catalogHrefFor(d.name),
  };
}
