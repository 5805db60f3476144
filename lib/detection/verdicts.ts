/**
 * One (event, analytic) verdict as every surface reports it (the API, the CLI, the stored test
 * cases, the browser's tester), computed from a Matcher or a MatcherSet. Nothing here throws.
 */
import type { Matcher, MatcherSet } from "./matcher";
import type { EventInput, EventVerdict, StageTrace, Verdict } from "./types";

export interface VerdictResult {
  verdict: Verdict;
  /** Why not testable (always set then); for no_match, the stage that dropped the event. */
  reason?: string;
  /** For not_testable: the reason code (lib/detection/reasons.ts). */
  code?: string;
  /** Unknown fields the verdict depends on. */
  hingesOn?: string[];
  /** The clause-by-clause trace, when asked for. */
  trace?: StageTrace[];
}

export function fromEngine(v: EventVerdict): VerdictResult {
  const out: VerdictResult = { verdict: v.verdict };
  if (v.verdict === "not_testable") {
    out.reason = v.reason ?? "not testable";
    out.code = v.code ?? "internal_error";
  } else if (v.reason) out.reason = v.reason;
  if (v.hingesOn && v.hingesOn.length > 0) out.hingesOn = [...v.hingesOn];
  return out;
}

/** The verdict in words, as every surface shows it ("Fires", "Does not fire", "Not testable live: …"). */
export function verdictText(verdict: Verdict, reason?: string): string {
  if (verdict === "match") return "Fires";
  if (verdict === "no_match") return "Does not fire";
  return `Not testable live: ${reason ?? "no reason given"}`;
}

export function internalError(e: unknown): VerdictResult {
  return { verdict: "not_testable", code: "internal_error", reason: `internal error: ${e instanceof Error ? e.message : String(e)}` };
}

/** One matcher's verdict on one event (on its own), with its trace when asked. Never throws. */
export function verdictFor(matcher: Matcher, event: EventInput, explain = false): VerdictResult {
  try {
    if (!explain) return fromEngine(matcher.evaluate(event));
    const ex = matcher.explain(event);
    return { ...fromEngine(ex), trace: ex.stages };
  } catch (e) {
    return internalError(e);
  }
}

/**
 * One event against every matcher of a set: `verdictsOn(set, event)(i)` is matcher i's verdict.
 * Answers until the set is asked about another event. Never throws.
 */
export function verdictsOn(set: MatcherSet, event: EventInput): (i: number) => VerdictResult {
  let verdictOf: (i: number) => EventVerdict;
  try {
    verdictOf = set.forEvent(event);
  } catch (e) {
    const failed = internalError(e);
    return () => failed;
  }
  return (i) => {
    try {
      return fromEngine(verdictOf(i));
    } catch (e) {
      return internalError(e);
    }
  };
}
