/**
 * The catalog index in a compact form a browser fetches once per content version: every row of
 * the table and every facet value of every analytic, strings shared through one table. It has no
 * search text (name, description and SPL of 1,711 analytics weigh megabytes): the browser asks the
 * server which entries match a text search (`textMatches`). Decoding gives back the index exactly,
 * haystacks aside (held by compact.test.ts).
 */
import type { Severity } from "../rba/types";
import type { CatalogEntry, CatalogIndex } from "./build";
import { FACET_KEYS } from "./query";
import type { CatalogRow, CatalogTechnique, FacetKey } from "./types";

export const COMPACT_FORMAT = 1;

/** [id, resolvedId or -1, status: 0 current, 1 deprecated, 2 revoked, 3 unknown] (string-table indexes). */
type CompactTechnique = [number, number, number];

/** slug, name, type, status, sources, techniques, tactics, risk, severity, date ("" = none), facet values per FACET_KEYS. */
type CompactEntry = [string, string, number, number, number[], CompactTechnique[], number[], number, number, string, number[][]];

export interface CompactCatalog {
  format: typeof COMPACT_FORMAT;
  /** Shared strings. */
  strings: string[];
  entries: CompactEntry[];
  /** Facet value → label, for the facets whose values are not their own label. */
  labels: Partial<Record<FacetKey, [string, string][]>>;
  tacticOrder: string[];
}

const STATUSES: (CatalogTechnique["status"] | undefined)[] = [undefined, "deprecated", "revoked", "unknown"];

export function encodeCatalogIndex(index: CatalogIndex): CompactCatalog {
  const strings: string[] = [];
  const at = new Map<string, number>();
  const s = (v: string): number => {
    let i = at.get(v);
    if (i === undefined) {
      i = strings.length;
      strings.push(v);
      at.set(v, i);
    }
    return i;
  };
  const entries = index.entries.map(({ row, facets }): CompactEntry => [
    row.slug,
    row.name,
    s(row.type),
    s(row.status),
    row.dataSources.map(s),
    row.techniques.map((t): CompactTechnique => [s(t.id), t.resolvedId === undefined ? -1 : s(t.resolvedId), STATUSES.indexOf(t.status)]),
    row.tactics.map(s),
    row.riskScore,
    s(row.severity),
    row.date ?? "",
    FACET_KEYS.map((k) => facets[k].map(s)),
  ]);
  const labels: CompactCatalog["labels"] = {};
  for (const key of FACET_KEYS) {
    const m = index.labels[key];
    if (m) labels[key] = [...m];
  }
  return { format: COMPACT_FORMAT, strings, entries, labels, tacticOrder: [...index.tacticOrder] };
}

/** Checks the shape well enough to decode without throwing on a stale or foreign document. */
export function isCompactCatalog(v: unknown): v is CompactCatalog {
  if (!v || typeof v !== "object") return false;
  const c = v as Partial<CompactCatalog>;
  return c.format === COMPACT_FORMAT && Array.isArray(c.strings) && Array.isArray(c.entries) && Array.isArray(c.tacticOrder) && !!c.labels && typeof c.labels === "object";
}

export function decodeCatalogIndex(c: CompactCatalog): CatalogIndex {
  const str = c.strings;
  const entries = c.entries.map(([slug, name, type, status, sources, techniques, tactics, riskScore, severity, date, facetValues]): CatalogEntry => {
    const row: CatalogRow = {
      slug,
      name,
      type: str[type]!,
      status: str[status]!,
      dataSources: sources.map((i) => str[i]!),
      techniques: techniques.map(([id, resolved, st]) => {
        const t: CatalogTechnique = { id: str[id]! };
        if (resolved >= 0) t.resolvedId = str[resolved]!;
        const statusName = STATUSES[st];
        if (statusName) t.status = statusName;
        return t;
      }),
      tactics: tactics.map((i) => str[i]!),
      riskScore,
      severity: str[severity] as Severity,
      ...(date ? { date } : {}),
    };
    const facets = Object.fromEntries(FACET_KEYS.map((k, i) => [k, (facetValues[i] ?? []).map((v) => str[v]!)])) as Record<FacetKey, string[]>;
    return { row, haystack: "", facets };
  });
  const labels: CatalogIndex["labels"] = {};
  for (const [key, pairs] of Object.entries(c.labels) as [FacetKey, [string, string][]][]) labels[key] = new Map(pairs);
  return { entries, labels, tacticOrder: [...c.tacticOrder] };
}
