/**
 * The JSON `/test/catalog/<version>` serves to the catalog tester's page: what it shows of each
 * analytic (names, slugs, ATT&CK, type, status, severity, risk score), in catalog order. The searches go to the worker separately
 * (`/test/engine/<version>`, lib/engine EnginePayload), never through the page's main thread.
 */
import type { AnalyticLite, AttackLite } from "./group";

export interface CatalogPayload {
  version: string;
  analytics: AnalyticLite[];
  /** Tactic shortname → display name. */
  tacticNames: Record<string, string>;
}

/**
 * What travels: one row per analytic, its techniques as indexes into one shared table (the same
 * technique is cited by many analytics). Half the bytes of the plain form, so half the JSON the
 * page parses on its main thread while a phone is still starting it.
 */
export interface CatalogPayloadWire {
  version: string;
  /** [id, name, slug, type, status, severity, riskScore, technique indexes] */
  rows: [string, string, string, string, string, string, number, number[]][];
  techniques: AttackLite[];
  tacticNames: Record<string, string>;
}

export function encodeCatalogPayload(p: CatalogPayload): CatalogPayloadWire {
  const techniques: AttackLite[] = [];
  const at = new Map<string, number>();
  const indexOf = (t: AttackLite) => {
    const key = JSON.stringify([t.id, t.name ?? null, t.tactics]);
    let i = at.get(key);
    if (i === undefined) at.set(key, (i = techniques.push(t) - 1));
    return i;
  };
  const rows = p.analytics.map((a): CatalogPayloadWire["rows"][number] => [a.id, a.name, a.slug, a.type, a.status, a.severity, a.riskScore, a.attack.map(indexOf)]);
  return { version: p.version, rows, techniques, tacticNames: p.tacticNames };
}

const isRow = (r: unknown, n: number): r is CatalogPayloadWire["rows"][number] =>
  Array.isArray(r) && r.length === 8 && r.slice(0, 6).every((x) => typeof x === "string") && typeof r[6] === "number" && Array.isArray(r[7]) && r[7].every((i) => Number.isInteger(i) && i >= 0 && i < n);

/** The payload from its fetched wire form; undefined when the shape is not that (never throws). */
export function decodeCatalogPayload(v: unknown): CatalogPayload | undefined {
  if (!v || typeof v !== "object") return undefined;
  const w = v as Partial<CatalogPayloadWire>;
  if (typeof w.version !== "string" || !Array.isArray(w.rows) || !Array.isArray(w.techniques) || typeof w.tacticNames !== "object" || w.tacticNames === null) return undefined;
  const techniques = w.techniques;
  if (!w.rows.every((r) => isRow(r, techniques.length))) return undefined;
  const analytics = w.rows.map(([id, name, slug, type, status, severity, riskScore, refs]): AnalyticLite => ({ id, name, slug, attack: refs.map((i) => techniques[i]!), type, status, severity, riskScore }));
  return { version: w.version, analytics, tacticNames: w.tacticNames };
}

/** Where the worker fetches the precompiled catalog of a content version (lib/engine EnginePayload). */
export function enginePayloadUrl(version: string): string {
  return `/test/engine/${encodeURIComponent(version)}`;
}

/** Where the page fetches what it shows of each analytic (this file's CatalogPayload). */
export function namesPayloadUrl(version: string): string {
  return `/test/catalog/${encodeURIComponent(version)}`;
}
