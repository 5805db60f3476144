/**
 * The API's evaluation worker (a worker_threads thread). It gets its matchers from lib/engine (one
 * compile cache per thread, keyed by content version) and evaluates (event, analytic) pairs,
 * publishing which pair is running in the shared progress buffer so the main thread's watchdog (a
 * crash guard: regular expressions are bounded by the engine) can name exactly the analytic that
 * was running if it ever fires, and checking for cancellation between pairs. A content version's
 * rules arrive once (ContentMessage); a job names analytics by index and gets back one byte per
 * pair plus the results it asked details of, in one message. Bundled by scripts/build-worker.mjs;
 * run from source through tsx when no bundle exists.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { EventInput } from "../detection/types";
import type { VerdictResult } from "../detection/verdicts";
import { pairVerdicts, type ContentSource, type RuleSource } from "../engine/index";
import { SLOT, VERDICT_CODE, type ContentMessage, type FromWorker, type JobMessage, type WorkerData } from "./protocol";

const data = workerData as WorkerData;
const progress = new Int32Array(data.progress);
const epoch = data.epoch;

type Ask = (event: EventInput) => (i: number) => VerdictResult;

interface Known {
  content: ContentSource & { analytics: RuleSource[] };
  /** `pairVerdicts` per (selection, explain): the set and its indexes are built once. */
  asks: Map<string, Ask>;
}

/** The content versions this worker was sent (the last three). */
const contents = new Map<string, Known>();

function learn(m: ContentMessage): void {
  contents.delete(m.version);
  contents.set(m.version, { content: { version: m.version, macros: m.macros, analytics: m.analytics, ...(m.lookups ? { lookups: m.lookups } : {}) }, asks: new Map() });
  while (contents.size > 3) contents.delete(contents.keys().next().value!);
}

function askFor(known: Known, selection: Int32Array | null, explain: boolean): Ask {
  const key = `${explain ? "x" : "v"}${selection === null ? "*" : selection.join(",")}`;
  let ask = known.asks.get(key);
  if (!ask) {
    const all = known.content.analytics;
    const rules = selection === null ? all : Array.from(selection, (i) => all[i]!);
    ask = pairVerdicts(known.content, rules, explain);
    if (known.asks.size >= 32) known.asks.clear();
    known.asks.set(key, ask);
  }
  return ask;
}

/** Posts the answer; its verdict codes move to the main thread without a copy. */
function post(m: FromWorker): void {
  parentPort?.postMessage(m, [m.codes.buffer as ArrayBuffer]);
}

const UNKNOWN: VerdictResult = { verdict: "not_testable", code: "internal_error", reason: "internal error: the worker was not sent this content version" };

function runJob(m: JobMessage): void {
  const known = contents.get(m.catalog);
  const width = m.analytics === null ? known?.content.analytics.length ?? 0 : m.analytics.length;
  const total = width * m.events.length;
  // Every analytic is compiled here, before the job is published: compiling is linear in the
  // search text, and the watchdog times pairs.
  const ask: Ask = known ? askFor(known, m.analytics, m.explain) : () => () => UNKNOWN;
  const all = m.detail === "all";
  let askedEvent = -1;
  let verdictOf: (i: number) => VerdictResult = () => UNKNOWN;
  const codes = new Uint8Array(total);
  const details: [number, VerdictResult][] = [];
  // The job id is published with its first pair (below), after that pair's start time: the
  // watchdog must never pair this job with the previous job's stale start time.
  let p = 0;
  for (; p < total; p++) {
    if (Atomics.load(progress, SLOT.cancel) === m.job) break;
    const e = Math.floor(p / width);
    Atomics.store(progress, SLOT.startedAt, Date.now() - epoch);
    Atomics.store(progress, SLOT.pair, p);
    if (p === 0) Atomics.store(progress, SLOT.job, m.job);
    if (e !== askedEvent) {
      verdictOf = ask(m.events[e]!);
      askedEvent = e;
    }
    const v = verdictOf(p % width);
    codes[p] = VERDICT_CODE[v.verdict];
    if (all || v.verdict === "match") details.push([p, v]);
  }
  Atomics.store(progress, SLOT.job, 0);
  post({ type: "done", job: m.job, next: p, cancelled: p < total, codes: p < total ? codes.slice(0, p) : codes, details });
}

parentPort?.on("message", (m: ContentMessage | JobMessage) => {
  if (m && m.type === "content") learn(m);
  else if (m && m.type === "job") runJob(m);
});
