/**
 * The content model: what the console knows about a security_content checkout.
 * Pure types, shared by the server (loader), the API, the CLI and the browser.
 */
import type { AttackRef } from "../attack/index";
import type { Rba } from "../rba/types";

export type { AttackRef };

/** A problem found while loading content: the file is skipped (or a field ignored) and listed. */
export interface ContentProblem {
  /** Path relative to the content directory, e.g. `detections/endpoint/x.yml`. */
  file: string;
  /** 1-based line, when the parser knows it. */
  line?: number;
  /** 1-based column, when known. */
  column?: number;
  severity: "error" | "warning";
  message: string;
}

export interface MacroDefinition {
  name: string;
  /** Argument names, in order (`arguments:` in YAML); empty for a plain macro. */
  args: string[];
  definition: string;
  description?: string;
  /** Path relative to the content dir, absent for built-in defaults (drop_dm_object_name, *_filter). */
  file?: string;
}

export interface TestDataset {
  name?: string;
  data: string;
  source?: string;
  sourcetype?: string;
}

export interface Analytic {
  id: string;
  /** Detection file name without `.yml`: the URL slug. */
  slug: string;
  /** Path relative to the content dir. */
  file: string;
  name: string;
  version?: number;
  date?: string;
  author?: string;
  status: string;
  type: string;
  description: string;
  dataSources: string[];
  /** The SPL exactly as stored (after YAML parsing). */
  search: string;
  /** `datamodel=` references in the (macro-expanded) search, e.g. `Endpoint.Processes`. */
  datamodels: string[];
  howToImplement: string;
  knownFalsePositives: string;
  references: string[];
  analyticStories: string[];
  assetType?: string;
  securityDomain?: string;
  products: string[];
  attack: AttackRef[];
  killChainPhases: string[];
  nist: string[];
  cis: string[];
  cve: string[];
  /** `tags.required_fields` when the file has them (older content). */
  requiredFieldsDeclared?: string[];
  rba: Rba;
  tests: TestDataset[];
  /** `drilldown_searches` from the YAML (what an analyst runs next on an alert). */
  drilldownSearches?: DrilldownSearch[];
}

export interface DrilldownSearch {
  name: string;
  search: string;
  earliest?: string;
  latest?: string;
}

export interface Story {
  id?: string;
  slug: string;
  file: string;
  name: string;
  description: string;
  narrative: string;
  references: string[];
  date?: string;
  author?: string;
  status?: string;
  category: string[];
  usecase?: string;
  products: string[];
}

/** The add-on a data source needs (`supported_TA:` in YAML). */
export interface SupportedTA {
  name: string;
  url?: string;
  version?: string;
}

/** A `field_mappings:` entry: the data source's fields → a data model's fields. */
export interface FieldMapping {
  /** `cim`, `ocsf`, `custom_cim`, … */
  dataModel: string;
  /** e.g. `Endpoint.Processes` (absent for OCSF). */
  dataSet?: string;
  /** Source field (e.g. `Image`, `Image|endswith`) → target field (e.g. `Processes.process_name`). */
  mapping: Record<string, string>;
}

/**
 * A data source (`data_sources/*.yml`): what a kind of event is, where Splunk puts it, the field
 * that separates its events and the fields its add-on extracts. Optional keys are present only when
 * the file gives them. lib/events reads the same shape as plain data (its DataSourceSpec).
 */
export interface DataSource {
  name: string;
  file: string;
  id?: string;
  description?: string;
  source?: string;
  sourcetype?: string;
  /** The field that tells this data source's events apart from others of the same source, e.g. `EventID`, `eventName`. */
  separator?: string;
  /** The separator's value for this data source (`13`, `ConsoleLogin`), from the example or the name. */
  separatorValue?: string;
  supportedTA?: SupportedTA[];
  /** The fields the Splunk add-on extracts (the add-on's own names). */
  fields: string[];
  fieldMappings?: FieldMapping[];
  /** A real example event, as text. */
  exampleLog?: string;
}

/**
 * A lookup definition (`lookups/*.yml`): Splunk's transforms.conf stanza as data. When the content
 * ships its CSV table, load.ts gives the object a non-enumerable `load` (read on first use, never
 * at catalog load) and `stamp`, so a Catalog is a ContentSource the engine can run lookups with.
 */
export interface Lookup extends LookupSource {
  name: string;
  file: string;
  description?: string;
  /** `fields_list` of a KV store collection. */
  fieldsList?: string[];
}

import type { LookupSource } from "../detection/lookups";

export interface Catalog {
  /** Absolute or as-given path of the content dir; `content` for the built-in one. Never shown. */
  dir: string;
  /** The folder's name (last path segment): what pages, problems and exports show, never the server's path. */
  name: string;
  analytics: Analytic[];
  macros: MacroDefinition[];
  stories: Story[];
  dataSources: DataSource[];
  lookups: Lookup[];
  problems: ContentProblem[];
  /** ATT&CK version the technique names come from, e.g. `18.1`. */
  attackVersion: string;
}
