/**
 * What the API handlers need from the outside: the catalog, and an evaluator. The routes use the
 * process's catalog and the worker pool (time budget per pair); tests and fuzzing may pass an
 * in-process evaluator or a catalog of their own.
 */
import type { Catalog } from "../content/types";
import type { EvaluateJob } from "../server/pool";
import { pairVerdicts, type VerdictResult } from "../verdicts/index";

export interface ApiDeps {
  catalog(): Promise<Catalog>;
  evaluate(job: EvaluateJob): Promise<VerdictResult[]>;
}

/** Evaluates on the calling thread, without a time budget (tests, fuzzing, trusted content). */
export async function evaluateInProcess(job: EvaluateJob): Promise<VerdictResult[]> {
  const out: VerdictResult[] = [];
  const ask = pairVerdicts(job.catalog, job.analytics, job.explain === true);
  for (const event of job.events) {
    const verdictOf = ask(event);
    for (let i = 0; i < job.analytics.length; i++) out.push(verdictOf(i));
  }
  return out;
}
