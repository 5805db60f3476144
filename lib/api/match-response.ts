/**
 * The answer of `POST /api/match`, from the verdicts of every (event, analytic) pair, event-major.
 * Compact by default: how many pairs got each verdict, and the matches (with the fields they hinge
 * on). `?pairs=all` gives every pair's result, the records `cli match` prints line by line.
 */
import type { StageTrace, Verdict } from "../detection/types";
import type { VerdictResult } from "../detection/verdicts";

export interface MatchResult {
  /** 0-based index into `events`. */
  event: number;
  /** The analytic's id. */
  analytic: string;
  verdict: Verdict;
  reason?: string;
  hingesOn?: string[];
  trace?: StageTrace[];
}

export interface CompactMatch {
  event: number;
  analytic: string;
  name: string;
  hingesOn?: string[];
  trace?: StageTrace[];
}

export interface CompactAnswer {
  events: number;
  analytics: number;
  counts: Record<Verdict, number>;
  matches: CompactMatch[];
}

interface Named {
  id: string;
  name: string;
}

/** Every pair: `{results: [{event, analytic, verdict, reason?, hingesOn?, trace?}]}`. */
export function allPairs(verdicts: readonly VerdictResult[], analytics: readonly Named[], explain: boolean): { results: MatchResult[] } {
  const width = analytics.length;
  const results = verdicts.map((v, p) => {
    const r: MatchResult = { event: Math.floor(p / width), analytic: analytics[p % width]!.id, verdict: v.verdict };
    if (v.reason !== undefined) r.reason = v.reason;
    if (v.hingesOn) r.hingesOn = v.hingesOn;
    if (explain) r.trace = v.trace ?? [];
    return r;
  });
  return { results };
}

/** Counts and matches. */
export function compact(verdicts: readonly VerdictResult[], events: number, analytics: readonly Named[], explain: boolean): CompactAnswer {
  const width = analytics.length;
  const counts: Record<Verdict, number> = { match: 0, no_match: 0, not_testable: 0 };
  const matches: CompactMatch[] = [];
  for (let p = 0; p < verdicts.length; p++) {
    const v = verdicts[p]!;
    counts[v.verdict]++;
    if (v.verdict === "match") {
      const a = analytics[p % width]!;
      const m: CompactMatch = { event: Math.floor(p / width), analytic: a.id, name: a.name };
      if (v.hingesOn) m.hingesOn = v.hingesOn;
      if (explain) m.trace = v.trace ?? [];
      matches.push(m);
    }
  }
  return { events, analytics: width, counts, matches };
}
