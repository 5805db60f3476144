/** The JSON `/test/catalog` serves to the catalog tester (and its worker). */
import type { MacroDefinition } from "../content/types";
import type { AnalyticLite } from "./group";

export interface CatalogPayload {
  analytics: (AnalyticLite & { search: string })[];
  macros: MacroDefinition[];
  /** Tactic shortname → display name. */
  tacticNames: Record<string, string>;
}

/** Checks the shape of a fetched payload (never throws). */
export function isCatalogPayload(v: unknown): v is CatalogPayload {
  if (!v || typeof v !== "object") return false;
  const p = v as Partial<CatalogPayload>;
  return Array.isArray(p.analytics) && Array.isArray(p.macros) && typeof p.tacticNames === "object" && p.tacticNames !== null;
}
