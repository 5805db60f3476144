/**
 * Gap analysis: which techniques of an imported layer have no analytic in the current view.
 * A technique counts as covered when an analytic maps to it, or (for a parent) to one of its
 * sub-techniques. A sub-technique covered only through its parent's analytics is still a gap
 * (those analytics were not written for it), with a note saying the parent has some.
 */
import type { CoverageResult } from "./coverage";
import { getTechnique, tactics } from "./index";
import type { ImportedLayer, ImportedTechnique } from "./layer-import";

export interface LayerTechniqueStatus {
  id: string;
  name: string;
  /** The technique's tactics (shortnames, matrix order). */
  tactics: string[];
  /** Analytics on the technique itself. */
  direct: number;
  /** Analytics on it or its sub-techniques. */
  total: number;
  covered: boolean;
  note?: string;
}

export interface GapReport {
  layerName: string;
  total: number;
  covered: LayerTechniqueStatus[];
  gaps: LayerTechniqueStatus[];
}

function statusOf(t: ImportedTechnique, coverage: CoverageResult, order: readonly string[]): LayerTechniqueStatus {
  const cov = coverage.techniques[t.id];
  const own = getTechnique(t.id);
  const techTactics = [...(cov?.tactics ?? own?.tactics ?? [])].sort((a, b) => order.indexOf(a) - order.indexOf(b));
  const direct = cov?.analytics.length ?? 0;
  const total = cov?.total ?? 0;
  const notes: string[] = [];
  if (t.note) notes.push(t.note);
  if (direct === 0 && total > 0) notes.push(`Covered through its sub-techniques (${total} ${total === 1 ? "analytic" : "analytics"}).`);
  const parent = cov?.parent ?? own?.parent;
  if (total === 0 && parent) {
    const p = coverage.techniques[parent]?.analytics.length ?? 0;
    if (p > 0) notes.push(`Its parent ${parent} has ${p} ${p === 1 ? "analytic" : "analytics"} of its own.`);
  }
  return {
    id: t.id,
    name: t.name,
    tactics: techTactics,
    direct,
    total,
    covered: total > 0,
    ...(notes.length > 0 ? { note: notes.join(" ") } : {}),
  };
}

export function findGaps(layer: ImportedLayer, coverage: CoverageResult): GapReport {
  const order = tactics().map((t) => t.shortname);
  const all = layer.techniques.map((t) => statusOf(t, coverage, order));
  return {
    layerName: layer.name,
    total: all.length,
    covered: all.filter((s) => s.covered),
    gaps: all.filter((s) => !s.covered),
  };
}
