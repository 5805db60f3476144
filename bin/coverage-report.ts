/**
 * Coverage of a catalog: which analytics parse, which are live (testable per event, or over a
 * batch of pasted events), why the others are not (grouped by reason code), and totals by data
 * model and by data source. The target: ≥ 90 % of the catalog live.
 */
import type { Analytic } from "../lib/content/types";
import { REASON_CODES, reasonKey } from "../lib/detection/reasons";
import type { Matcher } from "../lib/engine/index";
import { compareText } from "../lib/detection/collate";

/** One analytic with its matcher (lib/engine `matcherFor`). */
export interface CompiledAnalytic {
  analytic: Analytic;
  matcher: Matcher;
}

export interface CoverageEntry {
  id: string;
  name: string;
  /** The CIM datasets read, comma-separated; null for raw-event searches. */
  datamodel: string | null;
  data_sources: string[];
  parsed: boolean;
  /** `event`: testable per event; `batch`: over a batch only; `none`: not testable live. */
  level: "event" | "batch" | "none";
  /** Testable per event. */
  testable: boolean;
  /** Testable per event or over a batch. */
  live: boolean;
  /** Why not testable per event (null when it is). */
  reason: string | null;
  /** The reason's code (lib/detection/reasons.ts), null when testable per event. */
  reason_code: string | null;
  /** What the reason is about (a data model, a command, a lookup…), when it names one. */
  reason_detail: string | null;
}

export interface Tally {
  key: string;
  total: number;
  event: number;
  batch: number;
}

export interface CoverageReport {
  total: number;
  parsed: number;
  event: number;
  batch: number;
  analytics: CoverageEntry[];
  byDatamodel: Tally[];
  byDataSource: Tally[];
  /** Not-live analytics by reason code (and by code:detail). */
  byCode: { code: string; count: number; details: { detail: string; count: number }[] }[];
}

function entryOf({ analytic, matcher }: CompiledAnalytic): CoverageEntry {
  const s = matcher.support;
  const parsed = matcher.parseError === undefined;
  const level = s.level;
  return {
    id: analytic.id,
    name: analytic.name,
    datamodel: matcher.datasets.length ? matcher.datasets.join(",") : null,
    data_sources: analytic.dataSources,
    parsed,
    level,
    testable: level === "event",
    live: level !== "none",
    reason: s.level === "event" ? null : s.reason,
    reason_code: s.level === "event" ? null : s.code,
    reason_detail: s.level === "event" ? null : s.detail ?? null,
  };
}

function tally(entries: readonly CoverageEntry[], keys: (e: CoverageEntry) => string[]): Tally[] {
  const m = new Map<string, Tally>();
  for (const e of entries) {
    for (const key of keys(e)) {
      const t = m.get(key) ?? { key, total: 0, event: 0, batch: 0 };
      t.total++;
      if (e.level === "event") t.event++;
      if (e.level === "batch") t.batch++;
      m.set(key, t);
    }
  }
  return [...m.values()].sort((a, b) => b.total - a.total || compareText(a.key, b.key));
}

function byCode(entries: readonly CoverageEntry[]): CoverageReport["byCode"] {
  const codes = new Map<string, Map<string, number>>();
  for (const e of entries) {
    if (e.live || !e.reason_code) continue;
    const details = codes.get(e.reason_code) ?? new Map<string, number>();
    const d = e.reason_detail ?? "";
    details.set(d, (details.get(d) ?? 0) + 1);
    codes.set(e.reason_code, details);
  }
  return [...codes]
    .map(([code, details]) => ({
      code,
      count: [...details.values()].reduce((a, b) => a + b, 0),
      details: [...details].map(([detail, count]) => ({ detail, count })).sort((a, b) => b.count - a.count || compareText(a.detail, b.detail)),
    }))
    .sort((a, b) => b.count - a.count || compareText(a.code, b.code));
}

export function coverageOf(list: readonly CompiledAnalytic[]): CoverageReport {
  const analytics = list.map(entryOf);
  return {
    total: analytics.length,
    parsed: analytics.filter((a) => a.parsed).length,
    event: analytics.filter((a) => a.level === "event").length,
    batch: analytics.filter((a) => a.level === "batch").length,
    analytics,
    byDatamodel: tally(analytics, (a) => [a.datamodel ?? "(none: raw events)"]),
    byDataSource: tally(analytics, (a) => (a.data_sources.length ? a.data_sources : ["(no data source named)"])),
    byCode: byCode(analytics),
  };
}

/** The `--json` shape: totals and every analytic with its level and reason code. */
export function coverageJson(r: CoverageReport): object {
  return { total: r.total, parsed: r.parsed, testable: r.event, batch: r.batch, live: r.event + r.batch, analytics: r.analytics };
}

/** The meaning of a code, for the report's legend. */
export function codeMeaning(code: string): string {
  return (REASON_CODES as Record<string, string>)[code] ?? "";
}

export { reasonKey };
