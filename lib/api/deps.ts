/**
 * What the API handlers need from the outside: the catalog, and an evaluator. The routes use the
 * process's catalog and the worker pool (every verdict, or an EvaluationStopped error); tests and
 * fuzzing may pass an in-process evaluator or a catalog of their own.
 */
import type { Catalog } from "../content/types";
import type { EvaluateJob } from "../server/pool";
import { BARE } from "../server/protocol";
import { pairVerdicts, type VerdictResult } from "../engine/index";
import type { ApiLimits } from "./limits";

export interface ApiDeps {
  catalog(): Promise<Catalog>;
  evaluate(job: EvaluateJob): Promise<VerdictResult[]>;
  /** Limits other than docs/api.md's (tests: a small answer limit, to reach the 422). */
  limits?: Partial<Pick<ApiLimits, "maxPairs" | "maxExplainPairs" | "maxResponseBytes">>;
}

/** Evaluates on the calling thread (tests, fuzzing): the same verdicts as the pool, no watchdog. */
export async function evaluateInProcess(job: EvaluateJob): Promise<VerdictResult[]> {
  const out: VerdictResult[] = [];
  const ask = pairVerdicts(job.catalog, job.analytics, job.explain === true);
  const all = job.detail !== "matches";
  for (const event of job.events) {
    const verdictOf = ask(event);
    for (let i = 0; i < job.analytics.length; i++) {
      const v = verdictOf(i);
      out.push(all || v.verdict === "match" ? v : BARE[v.verdict]);
    }
  }
  return out;
}
