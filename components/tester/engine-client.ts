/**
 * The page's side of the engine worker: one request at a time, a watchdog that terminates and
 * restarts a worker that stays silent longer than the time budget (a pathological regex), marks
 * the unit it was working on "not testable live: timed out", and resumes after it.
 */
import type { EvaluateRequest, FromWorker, ToWorker } from "@/lib/tester/protocol";

export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
}

export type Listener = (msg: FromWorker) => void;

export const TIME_BUDGET_MS = 1000;
/** Before the input is parsed (worker start-up, a 10 MB paste) the budget is longer. */
export const PARSE_BUDGET_MS = 15_000;
export const TIMED_OUT = "timed out (no answer within 1 s; the engine was restarted)";

export function createEngineWorker(): WorkerLike {
  return new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module" }) as unknown as WorkerLike;
}

interface Active {
  msg: EvaluateRequest;
  listener: Listener;
  /** Next unit the worker will work on (event index or analytic index). */
  pos: number;
  parsed: boolean;
}

export class EngineClient {
  private worker: WorkerLike | undefined;
  private load: Extract<ToWorker, { type: "load" }> | undefined;
  private active: Active | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextReq = 0;
  /** How many times the worker was restarted (shown in the UI, read by tests). */
  restarts = 0;
  failed: string | undefined;

  constructor(
    private readonly create: () => WorkerLike = createEngineWorker,
    private readonly budget = TIME_BUDGET_MS,
    private readonly parseBudget = PARSE_BUDGET_MS,
  ) {}

  private ensure(): WorkerLike | undefined {
    if (this.worker) return this.worker;
    try {
      const w = this.create();
      w.onmessage = (e) => this.receive(e.data);
      w.onerror = (e) => {
        e.preventDefault?.();
        this.crash(e.message || "the engine worker failed");
      };
      if (this.load) w.postMessage(this.load);
      this.worker = w;
      this.failed = undefined;
      return w;
    } catch (e) {
      this.failed = `cannot start the engine worker: ${e instanceof Error ? e.message : String(e)}`;
      return undefined;
    }
  }

  setLoad(load: Extract<ToWorker, { type: "load" }>): void {
    this.load = load;
    this.ensure()?.postMessage(load);
  }

  /** Starts a request (superseding any other); returns its id. */
  evaluate(params: Omit<EvaluateRequest, "type" | "req">, listener: Listener): number {
    const msg: EvaluateRequest = { ...params, type: "evaluate", req: ++this.nextReq };
    this.active = { msg, listener, pos: params.startAt ?? 0, parsed: false };
    const w = this.ensure();
    if (!w) {
      const message = this.failed ?? "no engine";
      queueMicrotask(() => listener({ type: "error", req: msg.req, message }));
      this.active = undefined;
      return msg.req;
    }
    w.postMessage(msg);
    this.arm();
    return msg.req;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    if (!this.active) return;
    this.timer = setTimeout(() => this.timeout(), this.active.parsed ? this.budget : this.parseBudget);
  }

  private receive(m: FromWorker): void {
    const a = this.active;
    if (!a || m.req !== a.msg.req) return;
    if (m.type === "parsed") a.parsed = true;
    if (m.type === "explained" || m.type === "verdicts" || m.type === "outcomes") a.pos = Math.max(a.pos, m.pos);
    if (m.type === "done" || m.type === "error") {
      if (this.timer) clearTimeout(this.timer);
      this.active = undefined;
    } else this.arm();
    a.listener(m);
  }

  private restart(): void {
    this.worker?.terminate();
    this.worker = undefined;
    this.restarts++;
    this.ensure();
  }

  private crash(message: string): void {
    const a = this.active;
    this.active = undefined;
    if (this.timer) clearTimeout(this.timer);
    this.restart();
    a?.listener({ type: "error", req: a.msg.req, message });
  }

  /** The worker stayed silent: the unit at `pos` is the culprit. Restart and resume after it. */
  private timeout(): void {
    const a = this.active;
    if (!a) return;
    this.restart();
    const { msg } = a;
    if (!a.parsed) {
      this.active = undefined;
      a.listener({ type: "error", req: msg.req, message: `the input could not be read in time (${Math.round(this.parseBudget / 1000)} s)` });
      return;
    }
    const unit = a.pos;
    if (msg.mode === "catalog") {
      const id = this.load?.analytics[unit]?.id;
      const total = this.load?.analytics.length ?? 0;
      if (id) a.listener({ type: "outcomes", req: msg.req, items: [{ id, verdict: "not_testable", reason: TIMED_OUT }], pos: unit + 1, total });
    } else {
      a.listener({ type: "verdicts", req: msg.req, items: [{ index: unit, line: 0, verdict: "not_testable", reason: TIMED_OUT }], pos: unit + 1 });
    }
    const skipped = msg.mode === "catalog" ? this.load?.analytics[unit]?.id : unit;
    const next: EvaluateRequest = { ...msg, startAt: unit + 1, skip: [...(msg.skip ?? []), ...(skipped !== undefined ? [skipped] : [])] };
    this.active = { msg: next, listener: a.listener, pos: unit + 1, parsed: false };
    this.worker?.postMessage(next);
    this.arm();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = undefined;
    this.active = undefined;
  }
}
