/**
 * The content model: what the console knows about a security_content checkout.
 * Pure types, shared by the server (loader), the API, the CLI and the browser.
 */
import type { Rba } from "../rba/types";

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

export interface AttackRef {
  /** As cited by the detection, e.g. `T1574.002`. */
  id: string;
  /** Where a revoked id resolves (end of the revoked_by chain), else undefined. */
  resolvedId?: string;
  name?: string;
  /** Tactic shortnames of the resolved technique, e.g. `lateral-movement`. */
  tactics: string[];
  status: "current" | "deprecated" | "revoked" | "unknown";
  url?: string;
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

export interface DataSource {
  name: string;
  file: string;
  source?: string;
  sourcetype?: string;
  fields: string[];
}

export interface Lookup {
  name: string;
  file: string;
  description?: string;
  filename?: string;
  caseSensitiveMatch?: boolean;
}

export interface Catalog {
  /** Absolute or as-given path of the content dir; `content` for the built-in one. */
  dir: string;
  analytics: Analytic[];
  macros: MacroDefinition[];
  stories: Story[];
  dataSources: DataSource[];
  lookups: Lookup[];
  problems: ContentProblem[];
  /** ATT&CK version the technique names come from, e.g. `18.1`. */
  attackVersion: string;
}
