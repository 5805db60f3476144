/**
 * The browser's whole-catalog tester (`/test`): every pasted event against every loaded analytic,
 * event-major through the engine's MatcherSet (the same verdicts as the API and the CLI), in time
 * slices. Per analytic it collects which events fired and what the verdict hinged on; analytics
 * that only run over a batch run once over all the events. Pure: no DOM, no Node.
 */
import type { EventInput } from "../detection/types";
import type { Matcher, MatcherSet } from "../detection/matcher";
import type { AnalyticOutcome } from "./group";
import { LIMITS, firstRows, type AnalyticSource, type FromWorker } from "./protocol";

export interface CatalogRunDeps {
  req: number;
  post(msg: FromWorker): void;
  /** Yield to the message loop; resolves false when the request was superseded. */
  yieldNow(): Promise<boolean>;
  /** Time to yield (a slice is over)? */
  sliceOver(): boolean;
  /** Post a `running` message before each unit (a pinpoint run, after the watchdog fired). */
  pinpoint?: boolean;
}

interface Tally {
  matched: number[];
  hinges: Set<string>;
  reason?: string;
  code?: string;
}

/**
 * Which analytics take part, and how: over the batch (batch-only searches), else per event through
 * the set — a search that cannot run as a whole too: its per-event verdict is the API's (no_match
 * when the event fails the filters before the construct it cannot run, else not_testable).
 */
function plan(matchers: readonly Matcher[]) {
  const perEvent: number[] = [];
  const batch: number[] = [];
  matchers.forEach((m, i) => (m.support.level === "batch" ? batch : perEvent).push(i));
  return { perEvent, batch };
}

function outcomeOf(id: string, t: Tally): AnalyticOutcome {
  const h = t.hinges.size ? { hingesOn: [...t.hinges] } : {};
  if (t.matched.length) return { id, verdict: "match", matched: t.matched, ...h };
  if (t.reason !== undefined) return { id, verdict: "not_testable", reason: t.reason, ...(t.code ? { code: t.code } : {}), ...h };
  return { id, verdict: "no_match", ...h };
}

/**
 * Run the catalog. `pos` in progress messages counts (event, analytic) pairs, event-major: pair
 * p = event floor(p / analytics), analytic p mod analytics. A pinpoint run also names each analytic
 * before it runs (`running`), so a hang is blamed on exactly the one that was running.
 */
export async function runCatalog(
  deps: CatalogRunDeps,
  sources: readonly AnalyticSource[],
  matchers: readonly Matcher[],
  set: MatcherSet,
  inputs: readonly EventInput[],
): Promise<boolean> {
  const width = sources.length;
  const { perEvent, batch } = plan(matchers);
  const tallies = new Map<number, Tally>(perEvent.map((i) => [i, { matched: [], hinges: new Set() }]));
  for (let e = 0; e < inputs.length; e++) {
    const verdictOf = set.forEvent(inputs[e]!);
    for (const i of perEvent) {
      if (deps.pinpoint) deps.post({ type: "running", req: deps.req, id: sources[i]!.id, event: e });
      const v = verdictOf(i);
      const t = tallies.get(i)!;
      if (v.verdict === "match") t.matched.push(e);
      else if (v.verdict === "not_testable" && t.reason === undefined) {
        t.reason = v.reason;
        if (v.code) t.code = v.code;
      }
      if (v.hingesOn) for (const h of v.hingesOn) t.hinges.add(h);
    }
    if (deps.sliceOver()) {
      deps.post({ type: "progress", req: deps.req, pos: (e + 1) * width, total: inputs.length * width });
      if (!(await deps.yieldNow())) return false;
    }
  }
  const items: AnalyticOutcome[] = [];
  for (const i of perEvent) items.push(inputs.length === 0 ? { id: sources[i]!.id, verdict: "no_match" } : outcomeOf(sources[i]!.id, tallies.get(i)!));
  for (const i of batch) items.push(runBatch(deps, sources[i]!.id, matchers[i]!, inputs));
  deps.post({ type: "outcomes", req: deps.req, items, pos: inputs.length * width, total: width });
  return true;
}

function runBatch(deps: CatalogRunDeps, id: string, m: Matcher, inputs: readonly EventInput[]): AnalyticOutcome {
  if (inputs.length === 0) return { id, verdict: "no_match" };
  if (deps.pinpoint) deps.post({ type: "running", req: deps.req, id });
  const threshold = m.support.level === "batch" ? m.support.threshold : undefined;
  // The first stage keeps none of the events: no row, without compiling the whole search.
  if (m.runsEmpty?.(inputs)) return { id, verdict: "no_match", overBatch: true, rowCount: 0, ...(threshold ? { threshold } : {}) };
  const r = m.run(inputs);
  if (!r.ok) return { id, verdict: "not_testable", reason: r.reason, ...(r.code ? { code: r.code } : {}) };
  if (r.rows.length) deps.post({ type: "batch", req: deps.req, id, result: firstRows(r, LIMITS.batchRows), totalRows: r.rows.length });
  return { id, verdict: r.rows.length ? "match" : "no_match", overBatch: true, rowCount: r.rows.length, ...(threshold ? { threshold } : {}) };
}
