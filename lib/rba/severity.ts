/** contentctl's 20-point severity bands over a 0..100 risk score. */
import type { Severity } from "./types";

/** 0–20 informational, 21–40 low, 41–60 medium, 61–80 high, 81–100 critical (out-of-range clamps). */
export function severityForScore(score: number): Severity {
  if (!Number.isFinite(score) || score <= 20) return "informational";
  if (score <= 40) return "low";
  if (score <= 60) return "medium";
  if (score <= 80) return "high";
  return "critical";
}

/** round(impact × confidence / 100). No x.5 products occur in ESCU, so the rounding mode never matters there. */
export function legacyScore(impact: number, confidence: number): number {
  return Math.round((impact * confidence) / 100);
}
