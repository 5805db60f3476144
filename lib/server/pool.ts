/**
 * The API's evaluation pool: worker threads that evaluate (event, analytic) pairs. Verdicts never
 * come from a clock: the engine itself bounds every regular expression (lib/spl/regex/risk.ts), so
 * a job either returns every verdict or fails as a whole with an EvaluationStopped error (the
 * route answers it as an error, never as verdicts):
 * - the watchdog, a crash guard only: a pair still running after `watchdogMs` (it should never
 *   happen) stops the job, its worker is terminated and replaced, and the error names exactly the
 *   analytic and the event that were running (published by the worker before each pair);
 * - a worker that crashes, likewise;
 * - the job's deadline (`jobDeadlineMs`) and an aborted request (the client went away).
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { EventInput } from "../detection/types";
import type { VerdictResult } from "../detection/verdicts";
import { contentOf } from "../engine/index";
import type { AnalyticSource, Detail, VerdictCatalog } from "./protocol";
import { contentMessage, selectionOf } from "./pool-content";
import { BARE, SLOT, SLOT_COUNT, VERDICT_OF_CODE, type FromWorker, type JobMessage, type WorkerData } from "./protocol";
import { findWorkerEntry, workerScript, type WorkerEntry } from "./worker-entry";

export interface PoolOptions {
  /** Worker threads (default: 2, or cores − 1 up to 4; `DC_EVAL_WORKERS` overrides). */
  size?: number;
  /** Crash guard: a pair still running after this many ms stops the job (default 30000). */
  watchdogMs?: number;
  /** Budget of one whole job, in ms (default 15000): past it the job fails (no verdicts). */
  jobDeadlineMs?: number;
  entry?: WorkerEntry;
}

/** Why a job returned no verdicts: an error of the run, with the HTTP status that says it. */
export class EvaluationStopped extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

export interface EvaluateJob {
  catalog: VerdictCatalog;
  analytics: AnalyticSource[];
  events: EventInput[];
  explain?: boolean;
  /**
   * "all" (default): every pair's full result. "matches": full results for matches only; the
   * other pairs get a shared `{verdict}` without reason (for answers that only count them).
   */
  detail?: Detail;
  signal?: AbortSignal;
}

interface Running {
  id: number;
  job: EvaluateJob;
  catalogKey: string;
  /** Indices of the job's analytics in the catalog's (null: all, in order). */
  selection: Int32Array | null;
  total: number;
  results: (VerdictResult | undefined)[];
  /** Pairs before this index have results. */
  done: number;
  deadline: number;
  /** Set when the job stopped: it fails with this instead of returning verdicts. */
  stopped?: EvaluationStopped;
  settled?: boolean;
  resolve: (r: VerdictResult[]) => void;
  reject: (e: EvaluationStopped) => void;
}

interface Slot {
  worker: Worker;
  progress: Int32Array;
  epoch: number;
  seen: Set<string>;
  running?: Running;
  retired: boolean;
}

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
  readonly watchdogMs: number;
  readonly jobDeadlineMs: number;
  private readonly entry: WorkerEntry | { error: string };
  private readonly slots: Slot[] = [];
  private readonly queue: Running[] = [];
  private watchdog: ReturnType<typeof setInterval> | undefined;
  private closed = false;
  /** Workers replaced after the watchdog fired or a crash (for tests and the health of the process). */
  restarts = 0;

  constructor(options: PoolOptions = {}) {
    this.size = options.size ?? defaultSize();
    this.watchdogMs = options.watchdogMs ?? 30_000;
    this.jobDeadlineMs = options.jobDeadlineMs ?? 15_000;
    this.entry = options.entry ?? findWorkerEntry();
  }

  /**
   * One verdict per pair, event-major (pair p = event floor(p / analytics), analytic p mod analytics),
   * or a rejection with EvaluationStopped (no verdicts at all).
   */
  evaluate(job: EvaluateJob): Promise<VerdictResult[]> {
    const total = job.analytics.length * job.events.length;
    if (total === 0) return Promise.resolve([]);
    if ("error" in this.entry || this.closed) {
      return Promise.reject(new EvaluationStopped(503, "error" in this.entry ? this.entry.error : "the evaluation pool is closed"));
    }
    const key = contentOf(job.catalog).version;
    const selection = selectionOf(job.catalog, job.analytics);
    const stranger = selection ? selection.indexOf(-1) : -1;
    if (stranger >= 0) return Promise.reject(new EvaluationStopped(500, `internal error: analytic ${job.analytics[stranger]!.id} is not in the catalog`));
    return new Promise((resolve, reject) => {
      const running: Running = {
        id: nextJobId++, job, catalogKey: key, selection, total, results: new Array(total), done: 0,
        deadline: Date.now() + this.jobDeadlineMs, resolve, reject,
      };
      this.queue.push(running);
      this.pump();
    });
  }

  /** Terminates every worker (pending jobs end with not_testable). */
  async close(): Promise<void> {
    this.closed = true;
    const closed = () => new EvaluationStopped(503, "the evaluation pool closed");
    for (const r of this.queue.splice(0)) this.finish(r, closed());
    const slots = this.slots.splice(0);
    for (const s of slots) {
      s.retired = true;
      if (s.running) this.finish(s.running, closed());
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

  private overDeadline(): EvaluationStopped {
    return new EvaluationStopped(503, `the request's time budget (${seconds(this.jobDeadlineMs)}) ran out before every verdict was computed; no verdicts are returned (retry, or send fewer events or analytics)`);
  }

  private assign(slot: Slot, r: Running): void {
    if (!r.stopped && Date.now() > r.deadline) r.stopped = this.overDeadline();
    if (!r.stopped && r.job.signal?.aborted) r.stopped = new EvaluationStopped(499, "the request was aborted");
    if (r.stopped || r.done >= r.total) return this.finish(r, r.stopped);
    slot.running = r;
    if (!slot.seen.has(r.catalogKey)) {
      slot.seen.add(r.catalogKey);
      slot.worker.postMessage(contentMessage(r.job.catalog, r.catalogKey));
    }
    const message: JobMessage = {
      type: "job", job: r.id, catalog: r.catalogKey, analytics: r.selection, events: r.job.events,
      explain: r.job.explain === true, detail: r.job.detail ?? "all",
    };
    slot.worker.postMessage(message);
    this.startWatchdog();
  }

  private onMessage(slot: Slot, m: FromWorker): void {
    const r = slot.running;
    if (slot.retired || !r || m.job !== r.id) return;
    const { codes } = m;
    for (let p = 0; p < codes.length; p++) {
      const verdict = VERDICT_OF_CODE[codes[p]!];
      if (verdict) r.results[p] = BARE[verdict];
    }
    for (const [p, v] of m.details) r.results[p] = v;
    r.done = Math.max(r.done, m.next);
    this.release(slot);
    this.finish(r, r.stopped);
    this.pump();
  }

  private release(slot: Slot): void {
    slot.running = undefined;
  }

  /** Replace a slot's worker (the watchdog fired, or it crashed): its job fails with `why`. */
  private replace(slot: Slot, why: EvaluationStopped): void {
    const r = slot.running;
    slot.retired = true;
    void slot.worker.terminate();
    this.restarts++;
    const at = this.slots.indexOf(slot);
    if (at >= 0) this.slots.splice(at, 1);
    if (r) this.finish(r, r.stopped ?? why);
    if (!this.closed) this.pump();
  }

  /** "analytic "Name" (id) on event N", for the pair a slot is running. */
  private blame(r: Running | undefined, pair: number | undefined): string {
    if (!r || pair === undefined || pair >= r.total) return "an unknown analytic (the worker had not started a pair)";
    const width = r.job.analytics.length;
    const a = r.job.analytics[pair % width]!;
    return `analytic "${a.name}" (${a.id}) on event ${Math.floor(pair / width)}`;
  }

  private onCrash(slot: Slot, message: string): void {
    if (slot.retired) return;
    const what = this.blame(slot.running, this.currentPair(slot));
    this.replace(slot, new EvaluationStopped(500, `the evaluation worker failed while running ${what} (${message}); no verdicts are returned`));
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
      if (!r.stopped) {
        if (r.job.signal?.aborted) r.stopped = new EvaluationStopped(499, "the request was aborted");
        else if (now > r.deadline) r.stopped = this.overDeadline();
        if (r.stopped) {
          Atomics.store(slot.progress, SLOT.cancel, r.id);
          this.finish(r, r.stopped); // answered now; the worker stops between pairs (or the watchdog ends it)
        }
      }
      const pair = this.currentPair(slot);
      if (pair === undefined) continue;
      const started = slot.epoch + Atomics.load(slot.progress, SLOT.startedAt);
      if (now - started > this.watchdogMs) {
        const what = this.blame(r, pair);
        this.replace(slot, new EvaluationStopped(500, `the engine stopped: ${what} was still running after ${seconds(this.watchdogMs)} (the watchdog, a crash guard, ended it); no verdicts are returned`));
      }
    }
    if (!this.slots.some((s) => s.running) && this.queue.length === 0) this.stopWatchdog();
  }

  /** Settle a job once: every verdict, or the error (a verdict missing is an error too). */
  private finish(r: Running, stopped?: EvaluationStopped): void {
    if (r.settled) return;
    r.settled = true;
    const missing = r.results.findIndex((v) => v === undefined);
    if (stopped) return r.reject(stopped);
    if (r.results.length !== r.total || missing >= 0) return r.reject(new EvaluationStopped(500, `internal error: ${this.blame(r, missing)} has no verdict`));
    r.resolve(r.results as VerdictResult[]);
  }

  /**
   * The watchdog's timer runs while a job does, and keeps the process alive meanwhile (workers
   * stay unref'd: no ref/unref of a worker per job, which cost every request two calls into it).
   */
  private startWatchdog(): void {
    if (this.watchdog) return;
    this.watchdog = setInterval(() => this.tick(), Math.max(10, Math.min(50, this.watchdogMs / 10)));
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
