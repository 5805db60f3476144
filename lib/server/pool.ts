/**
 * The API's evaluation pool: worker threads that evaluate (event, analytic) pairs under a time
 * budget. A pair that runs longer than `pairTimeoutMs` (a catastrophic regular expression from
 * content) gets `not_testable` "timed out after 1 s": its worker is terminated and replaced, and
 * the job continues after that pair. A job also has an overall deadline and can be aborted (the
 * client went away); pairs not reached then are `not_testable` with the reason. Never rejects.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { EventInput } from "../spl/api";
import type { AnalyticSource, VerdictCatalog, VerdictResult } from "../verdicts/index";
import { SLOT, SLOT_COUNT, type FromWorker, type JobMessage, type WorkerData } from "./protocol";
import { findWorkerEntry, workerScript, type WorkerEntry } from "./worker-entry";

export interface PoolOptions {
  /** Worker threads (default: 2, or cores − 1 up to 4; `DC_EVAL_WORKERS` overrides). */
  size?: number;
  /** Budget of one (event, analytic) pair, in ms (default 1000). */
  pairTimeoutMs?: number;
  /** Budget of one whole job, in ms (default 15000). */
  jobDeadlineMs?: number;
  entry?: WorkerEntry;
}

export interface EvaluateJob {
  catalog: VerdictCatalog;
  analytics: AnalyticSource[];
  events: EventInput[];
  explain?: boolean;
  signal?: AbortSignal;
}

interface Running {
  id: number;
  job: EvaluateJob;
  catalogKey: number;
  total: number;
  results: (VerdictResult | undefined)[];
  /** Pairs before this index have results. */
  done: number;
  skip: number[];
  deadline: number;
  crashes: number;
  cancelReason?: string;
  resolve: (r: VerdictResult[]) => void;
}

interface Slot {
  worker: Worker;
  progress: Int32Array;
  epoch: number;
  seen: Set<number>;
  running?: Running;
  retired: boolean;
}

const catalogKeys = new WeakMap<object, number>();
let nextCatalogKey = 1;
let nextJobId = 1;

function seconds(ms: number): string {
  return `${Number((ms / 1000).toFixed(2))} s`;
}

function defaultSize(): number {
  const fromEnv = Number(process.env.DC_EVAL_WORKERS);
  if (Number.isInteger(fromEnv) && fromEnv >= 1 && fromEnv <= 16) return fromEnv;
  return Math.max(2, Math.min(4, availableParallelism() - 1));
}

export class EvaluationPool {
  readonly size: number;
  readonly pairTimeoutMs: number;
  readonly jobDeadlineMs: number;
  private readonly entry: WorkerEntry | { error: string };
  private readonly slots: Slot[] = [];
  private readonly queue: Running[] = [];
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  /** Workers replaced after a timeout or a crash (for tests and the health of the process). */
  restarts = 0;

  constructor(options: PoolOptions = {}) {
    this.size = options.size ?? defaultSize();
    this.pairTimeoutMs = options.pairTimeoutMs ?? 1000;
    this.jobDeadlineMs = options.jobDeadlineMs ?? 15_000;
    this.entry = options.entry ?? findWorkerEntry();
  }

  /** One verdict per pair, event-major (pair p = event ⌊p / analytics⌋, analytic p mod analytics). */
  evaluate(job: EvaluateJob): Promise<VerdictResult[]> {
    const total = job.analytics.length * job.events.length;
    if (total === 0) return Promise.resolve([]);
    if ("error" in this.entry || this.closed) {
      const reason = "error" in this.entry ? this.entry.error : "the evaluation pool is closed";
      return Promise.resolve(Array.from({ length: total }, () => ({ verdict: "not_testable" as const, reason })));
    }
    let key = catalogKeys.get(job.catalog);
    if (key === undefined) catalogKeys.set(job.catalog, (key = nextCatalogKey++));
    return new Promise((resolve) => {
      const running: Running = {
        id: nextJobId++, job, catalogKey: key, total, results: new Array(total), done: 0, skip: [],
        deadline: Date.now() + this.jobDeadlineMs, crashes: 0, resolve,
      };
      this.queue.push(running);
      this.pump();
    });
  }

  /** Terminates every worker (pending jobs end with not_testable). */
  async close(): Promise<void> {
    this.closed = true;
    for (const r of this.queue.splice(0)) this.finish(r, "the evaluation pool closed");
    const slots = this.slots.splice(0);
    for (const s of slots) {
      s.retired = true;
      if (s.running) this.finish(s.running, "the evaluation pool closed");
    }
    this.stopWatchdog();
    await Promise.all(slots.map((s) => s.worker.terminate()));
  }

  private spawn(): Slot {
    const entry = this.entry as WorkerEntry;
    const buffer = new SharedArrayBuffer(SLOT_COUNT * Int32Array.BYTES_PER_ELEMENT);
    const data: WorkerData = { progress: buffer, epoch: Date.now() };
    const { script, eval: isCode } = workerScript(entry);
    const worker = new Worker(script, { workerData: data, eval: isCode });
    const slot: Slot = { worker, progress: new Int32Array(buffer), epoch: data.epoch, seen: new Set(), retired: false };
    worker.unref();
    worker.on("message", (m: FromWorker) => this.onMessage(slot, m));
    worker.on("error", (e) => this.onCrash(slot, e instanceof Error ? e.message : String(e)));
    worker.on("exit", (code) => this.onCrash(slot, `exited with code ${code}`));
    return slot;
  }

  private pump(): void {
    while (this.queue.length > 0 && !this.closed) {
      let slot = this.slots.find((s) => !s.running);
      if (!slot && this.slots.length < this.size) this.slots.push((slot = this.spawn()));
      if (!slot) return;
      this.assign(slot, this.queue.shift()!);
    }
  }

  private assign(slot: Slot, r: Running): void {
    if (!r.cancelReason && Date.now() > r.deadline) r.cancelReason = `not evaluated: the request's time budget (${seconds(this.jobDeadlineMs)}) ran out`;
    if (!r.cancelReason && r.job.signal?.aborted) r.cancelReason = "not evaluated: the request was aborted";
    if (r.cancelReason || r.done >= r.total) return this.finish(r, r.cancelReason);
    slot.running = r;
    slot.worker.ref();
    const first = !slot.seen.has(r.catalogKey);
    slot.seen.add(r.catalogKey);
    const message: JobMessage = {
      type: "job", job: r.id, catalog: r.catalogKey, analytics: r.job.analytics.map((a) => ({ id: a.id, slug: a.slug, name: a.name, search: a.search })),
      events: r.job.events, explain: r.job.explain === true, from: r.done, skip: r.skip.filter((p) => p >= r.done),
      ...(first ? { macros: [...r.job.catalog.macros] } : {}),
    };
    slot.worker.postMessage(message);
    this.startWatchdog();
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    const r = slot.running;
    if (slot.retired || !r || m.job !== r.id) return;
    if (m.type === "results") {
      m.results.forEach((v, k) => {
        if (v) r.results[m.from + k] = v;
      });
      r.done = Math.max(r.done, m.from + m.results.length);
      r.crashes = 0;
      return;
    }
    r.done = Math.max(r.done, m.next);
    this.release(slot);
    this.finish(r, r.cancelReason);
    this.pump();
  }

  private release(slot: Slot): void {
    slot.running = undefined;
    slot.worker.unref();
  }

  /** Replace a slot's worker (after a timeout or a crash) and carry on with its job. */
  private replace(slot: Slot, failedPair: number | undefined, reason: string): void {
    const r = slot.running;
    slot.retired = true;
    void slot.worker.terminate();
    this.restarts++;
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    if (r) {
      if (failedPair !== undefined && failedPair >= r.done && failedPair < r.total) {
        r.results[failedPair] = { verdict: "not_testable", reason };
        r.skip.push(failedPair);
      } else if (++r.crashes >= 3) {
        r.cancelReason = `not evaluated: the evaluation worker keeps failing (${reason})`;
      }
      this.queue.unshift(r);
    }
    if (!this.closed) this.pump();
  }

  private onCrash(slot: Slot, message: string): void {
    if (slot.retired) return;
    const pair = this.currentPair(slot);
    this.replace(slot, pair, `not evaluated: the evaluation worker failed (${message})`);
  }

  private currentPair(slot: Slot): number | undefined {
    const r = slot.running;
    if (!r || Atomics.load(slot.progress, SLOT.job) !== r.id) return undefined;
    return Atomics.load(slot.progress, SLOT.pair);
  }

  private tick(): void {
    const now = Date.now();
    for (const slot of [...this.slots]) {
      const r = slot.running;
      if (!r || slot.retired) continue;
      if (!r.cancelReason) {
        if (r.job.signal?.aborted) r.cancelReason = "not evaluated: the request was aborted";
        else if (now > r.deadline) r.cancelReason = `not evaluated: the request's time budget (${seconds(this.jobDeadlineMs)}) ran out`;
        if (r.cancelReason) Atomics.store(slot.progress, SLOT.cancel, r.id);
      }
      const pair = this.currentPair(slot);
      if (pair === undefined) continue;
      const started = slot.epoch + Atomics.load(slot.progress, SLOT.startedAt);
      if (now - started > this.pairTimeoutMs) this.replace(slot, pair, `timed out after ${seconds(this.pairTimeoutMs)}`);
    }
    if (!this.slots.some((s) => s.running) && this.queue.length === 0) this.stopWatchdog();
  }

  private finish(r: Running, reason?: string): void {
    const fill = reason ?? "not evaluated";
    const out: VerdictResult[] = [];
    for (let p = 0; p < r.total; p++) out.push(r.results[p] ?? { verdict: "not_testable", reason: fill });
    r.resolve(out);
  }

  private startWatchdog(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => this.tick(), Math.max(10, Math.min(50, this.pairTimeoutMs / 10)));
    this.watchdog.unref();
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = undefined;
  }
}

const holder = globalThis as { __detectionConsolePool?: EvaluationPool };

/** The process's pool (one per server process; survives hot reloads in development). */
export function getPool(): EvaluationPool {
  return (holder.__detectionConsolePool ??= new EvaluationPool());
}
