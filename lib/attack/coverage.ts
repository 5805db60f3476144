/**
 * ATT&CK coverage of a set of analytics: technique → the analytics mapped to it, laid out as the
 * Enterprise matrix (tactics as columns in matrix order, sub-techniques under their parent).
 * Revoked ids count under their replacement, with a note. Plain data: safe to hand to the browser.
 */
import { allTechniques, getTechnique, tactics, type Tactic, type Technique } from "./index";
import { shadeIndex } from "./shades";
import { compareText } from "../detection/collate";

/** A technique as an analytic cites it (a catalog row's techniques fit). */
export interface CatalogTechnique {
  /** As cited by the detection. */
  id: string;
  /** Where a revoked id resolves, when it does. */
  resolvedId?: string;
  /** Absent when current. */
  status?: "deprecated" | "revoked" | "unknown";
}

/** What coverage needs of an analytic (a catalog row fits). */
export interface CoverageSource {
  slug: string;
  name: string;
  techniques: readonly CatalogTechnique[];
}

export interface TechniqueCoverage {
  id: string;
  name: string;
  /** Tactic shortnames, matrix order. */
  tactics: string[];
  parent?: string;
  deprecated: boolean;
  /** Slugs of the analytics mapped to this technique itself, sorted by analytic name. */
  analytics: string[];
  /** Distinct analytics on this technique or any of its sub-techniques. */
  total: number;
  /** Shade bucket of `total` (see shades.ts). */
  shade: number;
  /** Sub-technique ids shown under this technique (parents only), by id. */
  subtechniques: string[];
  /** E.g. `T1574.002 (revoked) is counted here: 3 analytics cite it.` */
  notes: string[];
}

export interface MatrixColumn {
  tactic: Tactic;
  /** Parent technique ids in this column, sorted by name. */
  techniqueIds: string[];
}

/** A cited id that has no place in the matrix (unknown, or revoked with no replacement). */
export interface UnmappedCitation {
  slug: string;
  id: string;
  reason: string;
}

export interface CoverageStats {
  /** Analytics in the view. */
  analytics: number;
  /** Of those, how many cite at least one technique that is in the matrix. */
  mapped: number;
  /** Techniques and sub-techniques with at least one analytic of their own. */
  techniquesCovered: number;
  /** Parent techniques in the matrix (each counted once, whatever its number of tactics). */
  techniquesInMatrix: number;
  /** Parent techniques with an analytic on themselves or a sub-technique. */
  parentsCovered: number;
  /** Largest `total` over all techniques. */
  maxTotal: number;
}

export interface CoverageResult {
  /** Every technique shown in the matrix, by id (parents and sub-techniques). */
  techniques: Record<string, TechniqueCoverage>;
  columns: MatrixColumn[];
  /** Names of the analytics in the view that cite at least one technique (slug → name). */
  analytics: Record<string, string>;
  unmapped: UnmappedCitation[];
  stats: CoverageStats;
}

function byName(a: { name: string }, b: { name: string }): number {
  return compareText(a.name, b.name);
}

/** Where a cited technique counts: its replacement when revoked, else itself (when known). */
function placeOf(t: CatalogTechnique): { technique?: Technique; reason?: string } {
  const own = getTechnique(t.resolvedId ?? t.id);
  if (!own) return { reason: `${t.id} is not an Enterprise ATT&CK technique` };
  if (own.revoked) return { reason: `${t.id} is revoked and has no current replacement` };
  return { technique: own };
}

function blank(t: Technique): TechniqueCoverage {
  return {
    id: t.id,
    name: t.name,
    tactics: [...t.tactics],
    ...(t.parent ? { parent: t.parent } : {}),
    deprecated: t.deprecated,
    analytics: [],
    total: 0,
    shade: 0,
    subtechniques: [],
    notes: [],
  };
}

/**
 * Maps analytics onto the matrix. Every current technique and sub-technique appears (count 0 when
 * uncovered); deprecated ones appear only when an analytic cites them; revoked ids count under
 * the end of their revoked-by chain.
 */
export function computeCoverage(sources: readonly CoverageSource[]): CoverageResult {
  const techniques: Record<string, TechniqueCoverage> = {};
  for (const t of allTechniques()) if (!t.revoked && !t.deprecated) techniques[t.id] = blank(t);

  const names: Record<string, string> = {};
  const unmapped: UnmappedCitation[] = [];
  /** `cited → resolved` → slugs, for the revoked notes. */
  const revokedCitations = new Map<string, Set<string>>();
  let mapped = 0;

  // In name order, so that each technique's list is sorted as it is built: one sort of the
  // sources instead of one per technique's list.
  const ordered = [...sources].sort((a, b) => compareText(a.name, b.name) || compareText(a.slug, b.slug));
  for (const source of ordered) {
    let placed = false;
    for (const cited of source.techniques) {
      const { technique, reason } = placeOf(cited);
      if (!technique) {
        names[source.slug] = source.name;
        unmapped.push({ slug: source.slug, id: cited.id, reason: reason ?? "unknown" });
        continue;
      }
      let cov = techniques[technique.id];
      if (!cov) cov = techniques[technique.id] = blank(technique); // a deprecated technique
      if (!cov.analytics.includes(source.slug)) cov.analytics.push(source.slug);
      if (technique.parent && !techniques[technique.parent]) {
        const parent = getTechnique(technique.parent);
        if (parent) techniques[parent.id] = blank(parent);
      }
      if (cited.resolvedId && cited.resolvedId !== cited.id) {
        const key = `${cited.id}→${technique.id}`;
        const set = revokedCitations.get(key) ?? new Set<string>();
        set.add(source.slug);
        revokedCitations.set(key, set);
      }
      names[source.slug] = source.name;
      placed = true;
    }
    if (placed) mapped++;
  }

  for (const [key, slugs] of revokedCitations) {
    const [cited, resolved] = key.split("→") as [string, string];
    const n = slugs.size;
    techniques[resolved]?.notes.push(
      `${cited} (revoked) is counted here: ${n} ${n === 1 ? "analytic cites" : "analytics cite"} it and ATT&CK replaced it with ${resolved}.`,
    );
  }

  for (const cov of Object.values(techniques)) if (cov.parent) techniques[cov.parent]?.subtechniques.push(cov.id);

  let maxTotal = 0;
  let techniquesCovered = 0;
  let parentsCovered = 0;
  const parents: TechniqueCoverage[] = [];
  for (const cov of Object.values(techniques)) {
    if (cov.analytics.length > 0) techniquesCovered++;
    if (cov.parent) {
      cov.total = cov.analytics.length;
    } else {
      cov.subtechniques.sort();
      const all = new Set(cov.analytics);
      for (const sub of cov.subtechniques) for (const slug of techniques[sub]?.analytics ?? []) all.add(slug);
      cov.total = all.size;
      parents.push(cov);
      if (cov.total > 0) parentsCovered++;
    }
    cov.shade = shadeIndex(cov.total);
    maxTotal = Math.max(maxTotal, cov.total);
  }

  parents.sort(byName);
  const columns: MatrixColumn[] = tactics().map((tactic) => ({
    tactic,
    techniqueIds: parents.filter((p) => p.tactics.includes(tactic.shortname)).map((p) => p.id),
  }));

  return {
    techniques,
    columns,
    analytics: names,
    unmapped,
    stats: {
      analytics: sources.length,
      mapped,
      techniquesCovered,
      techniquesInMatrix: parents.length,
      parentsCovered,
      maxTotal,
    },
  };
}

/** Slugs of the analytics on a technique and, for a parent, on its sub-techniques (deduplicated, by name). */
export function analyticsUnder(coverage: CoverageResult, id: string, withSubtechniques = true): string[] {
  const cov = coverage.techniques[id];
  if (!cov) return [];
  const set = new Set(cov.analytics);
  if (withSubtechniques) for (const sub of cov.subtechniques) for (const s of coverage.techniques[sub]?.analytics ?? []) set.add(s);
  return [...set].sort((a, b) => compareText(coverage.analytics[a] ?? a, coverage.analytics[b] ?? b) || compareText(a, b));
}
