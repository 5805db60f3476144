/**
 * The JSON `/test/catalog/<version>` serves to the catalog tester's page: what it shows of each
 * analytic (names, slugs, ATT&CK, type, status, severity, risk score), in catalog order. The searches go to the worker separately
 * (`/test/engine/<version>`, lib/engine EnginePayload), never through the page's main thread.
 */
import type { AnalyticLite } from "./group";

export interface CatalogPayload {
  version: string;
  analytics: AnalyticLite[];
  /** Tactic shortname → display name. */
  tacticNames: Record<string, string>;
}

/** Checks the shape of a fetched payload (never throws). */
export function isCatalogPayload(v: unknown): v is CatalogPayload {
  if (!v || typeof v !== "object") return false;
  const p = v as Partial<CatalogPayload>;
  return typeof p.version === "string" && Array.isArray(p.analytics) && typeof p.tacticNames === "object" && p.tacticNames !== null;
}

/** Where the worker fetches the precompiled catalog of a content version (lib/engine EnginePayload). */
export function enginePayloadUrl(version: string): string {
  return `/test/engine/${encodeURIComponent(version)}`;
}

/** Where the page fetches what it shows of each analytic (this file's CatalogPayload). */
export function namesPayloadUrl(version: string): string {
  return `/test/catalog/${encodeURIComponent(version)}`;
}
