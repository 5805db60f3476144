/**
 * Ascending comparators per sortable column (the table reverses them for descending order).
 * Empty values sort last in ascending order.
 */
import type { Severity } from "../rba/types";
import type { CatalogRow, SortColumn } from "./types";
import { compareLoosely } from "../detection/collate";

const SEVERITY_RANK: Record<Severity, number> = { informational: 0, low: 1, medium: 2, high: 3, critical: 4 };

/** Names and other text as the tables order them (numeric, case-insensitive; empty last). */
export function text(a: string | undefined, b: string | undefined): number {
  if (!a && !b) return 0;
  if (!a) return 1;
  if (!b) return -1;
  return compareLoosely(a, b);
}

function techniqueKey(row: CatalogRow): string | undefined {
  const t = row.techniques[0];
  return t ? (t.resolvedId ?? t.id) : undefined;
}

export const ROW_COMPARATORS: Record<SortColumn, (a: CatalogRow, b: CatalogRow) => number> = {
  name: (a, b) => text(a.name, b.name),
  type: (a, b) => text(a.type, b.type) || text(a.name, b.name),
  status: (a, b) => text(a.status, b.status) || text(a.name, b.name),
  source: (a, b) => text(a.dataSources[0], b.dataSources[0]) || text(a.name, b.name),
  techniques: (a, b) => text(techniqueKey(a), techniqueKey(b)) || text(a.name, b.name),
  tactics: (a, b) => text(a.tactics.join(", "), b.tactics.join(", ")) || text(a.name, b.name),
  risk: (a, b) => a.riskScore - b.riskScore || text(a.name, b.name),
  severity: (a, b) => SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity] || a.riskScore - b.riskScore || text(a.name, b.name),
  date: (a, b) => text(a.date, b.date) || text(a.name, b.name),
};

/** Sorts a copy (for callers without the table, e.g. the API). */
export function sortRows(rows: readonly CatalogRow[], column: SortColumn, desc = false): CatalogRow[] {
  const cmp = ROW_COMPARATORS[column];
  return [...rows].sort((a, b) => (desc ? -cmp(a, b) : cmp(a, b)));
}

/** Statuses in the default order: what runs in production first, what was retired last. */
const STATUS_RANK: Record<string, number> = { production: 0, experimental: 1, validation: 2, deprecated: 4, removed: 5 };
const statusRank = (s: string | undefined) => STATUS_RANK[(s ?? "").toLowerCase()] ?? 3;

/** The order without a chosen sort: production before experimental, deprecated last, then by name. */
export function defaultOrder(rows: readonly CatalogRow[]): CatalogRow[] {
  return [...rows].sort((a, b) => statusRank(a.status) - statusRank(b.status) || text(a.name, b.name));
}
