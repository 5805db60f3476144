/**
 * Turns the content model into catalog entries: a compact row for the table, the lower-cased text
 * the search looks through, and each facet's values. Memoised per analytics array.
 */
import type { Analytic } from "../content/types";
import type { CatalogRow, FacetKey, TacticInfo } from "./types";

export interface CatalogEntry {
  row: CatalogRow;
  /** Lower-cased name, description, SPL, id, slug, technique ids and names, tactic names. */
  haystack: string;
  facets: Record<FacetKey, string[]>;
}

export interface CatalogIndex {
  entries: CatalogEntry[];
  /** Display labels for facet values that are not their own label (tactics, techniques). */
  labels: Partial<Record<FacetKey, Map<string, string>>>;
  /** Tactic shortnames in matrix order (for ordering the tactic facet). */
  tacticOrder: string[];
}

function uniq(values: Iterable<string | undefined>): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  for (const v of values) {
    if (v && !seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

/** The technique id a filter should use: the end of a revoked chain when known. */
export function effectiveTechniqueId(ref: Analytic["attack"][number]): string {
  return ref.resolvedId ?? ref.id;
}

export function toCatalogEntry(analytic: Analytic, tacticsInOrder: readonly TacticInfo[]): CatalogEntry {
  const tacticShort = new Set(analytic.attack.flatMap((a) => a.tactics));
  const orderedTactics = tacticsInOrder.filter((t) => tacticShort.has(t.shortname));
  const known = new Set(tacticsInOrder.map((t) => t.shortname));
  const unknownTactics = [...tacticShort].filter((s) => !known.has(s)).sort();
  const row: CatalogRow = {
    slug: analytic.slug,
    name: analytic.name,
    type: analytic.type,
    status: analytic.status,
    dataSources: analytic.dataSources,
    techniques: analytic.attack.map((a) => ({
      id: a.id,
      ...(a.resolvedId ? { resolvedId: a.resolvedId } : {}),
      ...(a.status !== "current" ? { status: a.status } : {}),
    })),
    tactics: [...orderedTactics.map((t) => t.name), ...unknownTactics],
    riskScore: analytic.rba.riskScore,
    severity: analytic.rba.severity,
    ...(analytic.date ? { date: analytic.date } : {}),
  };
  const haystack = [
    analytic.name,
    analytic.description,
    analytic.search,
    analytic.id,
    analytic.slug,
    ...analytic.attack.flatMap((a) => [a.id, a.resolvedId ?? "", a.name ?? ""]),
    ...row.tactics,
  ]
    .join("\n")
    .toLowerCase();
  return {
    row,
    haystack,
    facets: {
      type: uniq([analytic.type]),
      status: uniq([analytic.status]),
      tactic: uniq([...orderedTactics.map((t) => t.shortname), ...unknownTactics]),
      technique: uniq(analytic.attack.map(effectiveTechniqueId)),
      source: uniq(analytic.dataSources),
      story: uniq(analytic.analyticStories),
      product: uniq(analytic.products),
      domain: uniq([analytic.securityDomain]),
    },
  };
}

export function buildCatalogIndex(analytics: readonly Analytic[], tacticsInOrder: readonly TacticInfo[]): CatalogIndex {
  const entries = analytics.map((a) => toCatalogEntry(a, tacticsInOrder));
  const tacticLabels = new Map(tacticsInOrder.map((t) => [t.shortname, t.name]));
  const techniqueLabels = new Map<string, string>();
  for (const a of analytics) {
    for (const ref of a.attack) {
      const id = effectiveTechniqueId(ref);
      if (ref.name && !techniqueLabels.has(id)) techniqueLabels.set(id, `${id} ${ref.name}`);
    }
  }
  return {
    entries,
    labels: { tactic: tacticLabels, technique: techniqueLabels },
    tacticOrder: tacticsInOrder.map((t) => t.shortname),
  };
}

const memo = new WeakMap<readonly Analytic[], CatalogIndex>();

/** Same as buildCatalogIndex, cached for the lifetime of the analytics array. */
export function catalogIndexFor(analytics: readonly Analytic[], tacticsInOrder: readonly TacticInfo[]): CatalogIndex {
  let index = memo.get(analytics);
  if (!index) {
    index = buildCatalogIndex(analytics, tacticsInOrder);
    memo.set(analytics, index);
  }
  return index;
}
