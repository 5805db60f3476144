/**
 * The API's evaluation worker (a worker_threads thread). It compiles analytics (once per
 * catalog, via lib/verdicts) and evaluates (event, analytic) pairs, publishing which pair is
 * running in the shared progress buffer so the main thread can terminate it when a pair exceeds
 * its time budget (a catastrophic regular expression), and checking for cancellation between pairs.
 * Bundled by scripts/build-worker.mjs; run from source through tsx when no bundle exists.
 */
import { parentPort, workerData } from "node:worker_threads";
import type { MacroDefinition } from "../content/types";
import { pairVerdicts, type AnalyticSource, type VerdictCatalog, type VerdictResult } from "../verdicts/index";
import { SLOT, type FromWorker, type JobMessage, type WorkerData } from "./protocol";

const data = workerData as WorkerData;
const progress = new Int32Array(data.progress);
const epoch = data.epoch;

/** The same content for the same main-thread catalog: keeps compiled searches across jobs. */
interface WorkerCatalog extends VerdictCatalog {
  analytics: AnalyticSource[];
  byId: Map<string, AnalyticSource>;
}
const catalogs = new Map<number, WorkerCatalog>();

function catalogFor(key: number, macros: MacroDefinition[] | undefined): WorkerCatalog {
  let c = catalogs.get(key);
  if (!c) {
    c = { analytics: [], macros: macros ?? [], byId: new Map() };
    catalogs.set(key, c);
  }
  return c;
}

/** The worker's stable object for an analytic (the compile cache is keyed by it). */
function stable(c: WorkerCatalog, a: AnalyticSource): AnalyticSource {
  const known = c.byId.get(a.id);
  if (known && known.search === a.search) return known;
  const copy = { id: a.id, slug: a.slug, name: a.name, search: a.search };
  c.byId.set(a.id, copy);
  c.analytics.push(copy);
  return copy;
}

const CHUNK_PAIRS = 256;
const CHUNK_MS = 50;

function post(m: FromWorker): void {
  parentPort?.postMessage(m);
}

function runJob(m: JobMessage): void {
  const catalog = catalogFor(m.catalog, m.macros);
  const analytics = m.analytics.map((a) => stable(catalog, a));
  const width = analytics.length;
  const total = width * m.events.length;
  const skip = new Set(m.skip);
  // Every analytic is compiled here, before the job is published: the watchdog times pairs, and
  // compiling is linear in the search text.
  const ask = pairVerdicts(catalog, analytics, m.explain);
  let askedEvent = -1;
  let verdictOf: (i: number) => VerdictResult = () => ({ verdict: "not_testable", reason: "not evaluated" });
  let firstResult = true;
  Atomics.store(progress, SLOT.job, m.job);
  let chunkFrom = m.from;
  let chunk: (VerdictResult | null)[] = [];
  let chunkStart = Date.now();
  const flush = () => {
    if (chunk.length > 0) post({ type: "results", job: m.job, from: chunkFrom, results: chunk });
    chunkFrom += chunk.length;
    chunk = [];
    chunkStart = Date.now();
  };
  let p = m.from;
  for (; p < total; p++) {
    if (Atomics.load(progress, SLOT.cancel) === m.job) break;
    if (skip.has(p)) {
      chunk.push(null);
      continue;
    }
    const e = Math.floor(p / width);
    Atomics.store(progress, SLOT.startedAt, Date.now() - epoch);
    Atomics.store(progress, SLOT.pair, p);
    if (e !== askedEvent) {
      verdictOf = ask(m.events[e]!);
      askedEvent = e;
    }
    chunk.push(verdictOf(p % width));
    // The job's first result goes out at once: if the next pair hangs and this worker is replaced,
    // the job resumes after what it has done (results not yet posted die with the worker).
    if (chunk.length >= CHUNK_PAIRS || Date.now() - chunkStart >= CHUNK_MS || firstResult) flush();
    firstResult = false;
  }
  flush();
  Atomics.store(progress, SLOT.job, 0);
  post({ type: "done", job: m.job, next: p, cancelled: p < total });
}

parentPort?.on("message", (m: JobMessage) => {
  if (m && m.type === "job") runJob(m);
});
