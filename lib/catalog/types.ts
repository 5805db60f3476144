/**
 * The catalog's view model: compact rows for the table, facets with counts, the query held in the
 * URL. Pure types; shared by the catalog page, the API and (later) the ATT&CK page.
 */
import type { Severity } from "../rba/types";

/** Facets the catalog filters on; the value is also the URL search-param name. */
export type FacetKey =
  | "type"
  | "status"
  | "tactic"
  | "technique"
  | "source"
  | "story"
  | "product"
  | "domain";

/** Sortable table columns; the value is what `sort=` holds in the URL. */
export type SortColumn =
  | "name"
  | "type"
  | "status"
  | "source"
  | "techniques"
  | "tactics"
  | "risk"
  | "severity"
  | "date";

export interface CatalogSort {
  column: SortColumn;
  desc: boolean;
}

/** Everything the catalog URL can say. Unknown params are ignored. */
export interface CatalogQuery {
  /** Free text: every term must occur in name, description, SPL, id, slug or technique ids. */
  q: string;
  /** Selected values per facet: OR within a facet, AND across facets. */
  filters: Record<FacetKey, string[]>;
  sort?: CatalogSort;
  /** 1-based page of the table. */
  page: number;
}

/** Kept small: 1,711 rows travel to the browser. Names live in the technique facet's labels. */
/** A technique as a detection cites it (lib/attack owns the shape). */
export type { CatalogTechnique } from "../attack/coverage";
import type { CatalogTechnique } from "../attack/coverage";

/** One table row: small enough to send 1,711 of them to the browser. */
export interface CatalogRow {
  slug: string;
  name: string;
  type: string;
  status: string;
  dataSources: string[];
  techniques: CatalogTechnique[];
  /** Tactic display names in matrix order. */
  tactics: string[];
  riskScore: number;
  severity: Severity;
  date?: string;
}

export interface FacetValue {
  value: string;
  label: string;
  count: number;
  selected: boolean;
}

export interface FacetResult {
  key: FacetKey;
  label: string;
  values: FacetValue[];
  /** How many values the facet has when `values` holds only a preview (see previewFacets). */
  size?: number;
}

export interface CatalogResult {
  /** Rows matching the query, in catalog order (the table sorts). */
  rows: CatalogRow[];
  /** Size of the whole catalog. */
  total: number;
  facets: FacetResult[];
}

/** A tactic as lib/attack describes it (matrix order is the array order). */
export interface TacticInfo {
  id: string;
  shortname: string;
  name: string;
}
