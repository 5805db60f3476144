/**
 * The page's side of the engine worker: one request at a time, and a watchdog that is a crash
 * guard only. Verdicts never come from a clock (the engine bounds every regular expression itself,
 * lib/spl/regex/risk.ts): if the worker stays silent for WATCHDOG_MS, the run ends with an error,
 * never with a verdict. To name exactly the analytic that stopped, the client restarts the worker
 * and runs the request again in pinpoint mode (the worker names each unit before running it);
 * when it stops again, the error names the last unit announced. A pinpoint run that completes
 * delivers its results (without repeating what the first run already delivered).
 */
import type { EvadeRequest, EvaluateRequest, FromWorker, ToWorker } from "@/lib/tester/protocol";
import { takeBootedWorker } from "./engine-boot";
import { serverRunProblem } from "@/lib/tester/server-run";

export interface WorkerLike {
  postMessage(msg: ToWorker): void;
  terminate(): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: ErrorEvent) => void) | null;
  /** The catalog URL this worker was already sent to load (EngineBoot.tsx): not sent again. */
  loadedUrl?: string;
}

export type Listener = (msg: FromWorker) => void;

/** Asks the server for a catalog run's messages (lib/server/tester-run.ts); null when it declines or fails. */
export type RemoteRun = (msg: EvaluateRequest) => Promise<FromWorker[] | null>;

/** The server's run at `url` (`POST { input, only? }` → `{ messages }`); an error message among them voids the answer. */
export function serverRun(url: string): RemoteRun {
  return async (msg) => {
    try {
      const r = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ input: msg.input, ...(msg.only ? { only: msg.only } : {}) }) });
      if (!r.ok) return null;
      const v = (await r.json()) as { messages?: unknown };
      const ms = Array.isArray(v?.messages) ? (v.messages as FromWorker[]) : null;
      return ms && ms.length > 0 && ms.at(-1)?.type === "done" && !ms.some((m) => m?.type === "error") ? ms : null;
    } catch {
      return null;
    }
  };
}

/** May the server answer this request too (catalog mode, something pasted, nothing typed into fields, small)? */
function remoteEligible(msg: EvaluateRequest | EvadeRequest): msg is EvaluateRequest {
  return msg.type === "evaluate" && msg.mode === "catalog" && msg.input.trim() !== "" && !msg.pinpoint && !msg.picks && Object.keys(msg.edits).length === 0 && serverRunProblem(msg.input, msg.only) === null;
}

/** Silence after which the worker is taken for stopped (the worker reports every 25 ms slice). */
export const WATCHDOG_MS = 30_000;

/**
 * The worker: the one-script bundle the page names (lib/server/engine-worker.ts, production), else
 * the bundler's own (development).
 */
function startWorker(): WorkerLike {
  const bundled = document.querySelector<HTMLMetaElement>('meta[name="engine-worker"]')?.content;
  if (bundled) return new Worker(bundled, { name: "engine" }) as unknown as WorkerLike;
  return new Worker(new URL("./engine.worker.ts", import.meta.url), { type: "module" }) as unknown as WorkerLike;
}

/**
 * A worker started before any client asks: the one the page's HTML started and sent its load
 * (EngineBoot.tsx), else one started as soon as this module loads in a browser (only pages with a
 * tester load it), so that the worker's scripts load while the page hydrates. The first client takes it.
 */
let spare: WorkerLike | undefined;
if (typeof window !== "undefined" && typeof Worker === "function") {
  const booted = takeBootedWorker();
  try {
    spare = booted ? Object.assign(booted.worker as unknown as WorkerLike, "url" in booted.load ? { loadedUrl: String(booted.load.url) } : {}) : startWorker();
  } catch {
    spare = undefined;
  }
}

export function createEngineWorker(): WorkerLike {
  const w = spare;
  spare = undefined;
  return w ?? startWorker();
}

interface Active {
  msg: EvaluateRequest | EvadeRequest;
  listener: Listener;
  /** Whose answer the page shows: the first of the worker and the server to say more than progress. */
  source?: "local" | "remote";
  /** Pinpoint run: what the first run already delivered, and the unit last announced. */
  pinpoint?: { parsed: boolean; events: boolean; compiled: boolean; upTo: number; batches: Set<string>; running?: { id: string; event?: number } };
  /** Analytic mode: events delivered so far (explained or verdict rows). */
  upTo: number;
  parsed: boolean;
  events: boolean;
  compiled: boolean;
  batches: Set<string>;
}

export class EngineClient {
  private worker: WorkerLike | undefined;
  private load: Extract<ToWorker, { type: "load" }> | undefined;
  private names = new Map<string, string>();
  private active: Active | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private nextReq = 0;
  /** How many times the worker was restarted (shown in the UI, read by tests). */
  restarts = 0;
  /** The server's run, asked alongside the worker until the worker has finished a request. */
  private remote: RemoteRun | undefined;
  private localReady = false;
  failed: string | undefined;

  constructor(
    private readonly create: () => WorkerLike = createEngineWorker,
    private readonly watchdogMs = WATCHDOG_MS,
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
      // A worker booted with this very catalog URL is fetching it already.
      if (this.load && !("url" in this.load && w.loadedUrl === this.load.url)) w.postMessage(this.load);
      this.worker = w;
      this.failed = undefined;
      return w;
    } catch (e) {
      this.failed = `cannot start the engine worker: ${e instanceof Error ? e.message : String(e)}`;
      return undefined;
    }
  }

  /**
   * What the worker loads (sent again to a restarted worker). `names`: analytic id → name, for
   * naming the one that stopped (optional; the id is used without it).
   */
  setLoad(load: Extract<ToWorker, { type: "load" }>, names?: ReadonlyMap<string, string>): void {
    if (names) this.names = new Map(names);
    const same = this.load !== undefined && "url" in this.load && "url" in load && this.load.url === load.url;
    if (same) return;
    this.load = load;
    // A new worker is sent the load as it starts (ensure): posting it again made the worker
    // fetch the whole catalog twice.
    if (this.worker) this.worker.postMessage(load);
    else this.ensure();
  }

  /**
   * Let the server answer catalog runs too while this worker is still loading (the /test page's
   * first paste): whichever answers first is shown; both run the same engine host.
   */
  setRemote(run: RemoteRun | undefined): void {
    this.remote = run;
  }

  /** Starts a request (superseding any other); returns its id. */
  evaluate(params: Omit<EvaluateRequest, "type" | "req" | "pinpoint">, listener: Listener): number {
    return this.start({ ...params, type: "evaluate", req: ++this.nextReq }, listener);
  }

  /** Starts an evasion-lab request (superseding any other); returns its id. */
  evade(params: Omit<EvadeRequest, "type" | "req">, listener: Listener): number {
    return this.start({ ...params, type: "evade", req: ++this.nextReq }, listener);
  }

  private start(msg: EvaluateRequest | EvadeRequest, listener: Listener): number {
    this.active = { msg, listener, upTo: 0, parsed: false, events: false, compiled: false, batches: new Set() };
    const w = this.ensure();
    if (!w) {
      const message = this.failed ?? "no engine";
      queueMicrotask(() => listener({ type: "error", req: msg.req, message }));
      this.active = undefined;
      return msg.req;
    }
    w.postMessage(msg);
    this.arm();
    if (this.remote && !this.localReady && remoteEligible(msg)) {
      // The server answered as request 1: its messages are this request's.
      void this.remote(msg).then((ms) => ms?.forEach((m) => this.receive({ ...m, req: msg.req } as FromWorker, "remote")));
    }
    return msg.req;
  }

  private arm(): void {
    if (this.timer) clearTimeout(this.timer);
    if (!this.active) return;
    this.timer = setTimeout(() => this.stopped(), this.watchdogMs);
  }

  private receive(m: FromWorker, from: "local" | "remote" = "local"): void {
    // The worker has loaded the catalog once it finishes any request: the server is not asked again.
    if (from === "local" && m.type === "done") this.localReady = true;
    const a = this.active;
    if (!a || m.req !== a.msg.req) return;
    if (m.type !== "progress") {
      a.source ??= from;
      if (a.source !== from) return;
    }
    if (m.type === "done" || m.type === "error") {
      if (this.timer) clearTimeout(this.timer);
      this.active = undefined;
    } else this.arm();
    if (m.type === "running") {
      if (a.pinpoint) a.pinpoint.running = { id: m.id, ...(m.event !== undefined ? { event: m.event } : {}) };
      return;
    }
    const forward = a.pinpoint ? this.fresh(a.pinpoint, m) : m;
    this.note(a, m);
    if (forward) a.listener(forward);
  }

  /** What the page has seen of this request (a pinpoint run must not repeat it). */
  private note(a: Active, m: FromWorker): void {
    if (m.type === "parsed") a.parsed = true;
    if (m.type === "events") a.events = true;
    if (m.type === "compiled") a.compiled = true;
    if (m.type === "batch") a.batches.add(m.id);
    if (m.type === "explained" || m.type === "verdicts") a.upTo = Math.max(a.upTo, ...m.items.map((i) => i.index + 1));
  }

  /** A pinpoint run's message without what the first run already delivered (null: nothing new). */
  private fresh(p: NonNullable<Active["pinpoint"]>, m: FromWorker): FromWorker | null {
    if ((m.type === "parsed" && p.parsed) || (m.type === "events" && p.events) || (m.type === "compiled" && p.compiled)) return null;
    if (m.type === "batch" && p.batches.has(m.id)) return null;
    if (m.type === "explained") {
      const items = m.items.filter((i) => i.index >= p.upTo);
      return items.length ? { ...m, items } : null;
    }
    if (m.type === "verdicts") {
      const items = m.items.filter((i) => i.index >= p.upTo);
      return items.length ? { ...m, items } : null;
    }
    return m;
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

  /**
   * The worker stayed silent for the watchdog's time. First time: restart it and run the request
   * again naming each unit. Second time: the run ends with an error naming the unit that stopped.
   */
  private stopped(): void {
    const a = this.active;
    if (!a) return;
    this.restart();
    if (!a.pinpoint && a.msg.type === "evaluate") {
      const next: EvaluateRequest = { ...a.msg, pinpoint: true };
      a.msg = next;
      a.pinpoint = { parsed: a.parsed, events: a.events, compiled: a.compiled, upTo: a.upTo, batches: new Set(a.batches) };
      this.worker?.postMessage(next);
      this.arm();
      return;
    }
    this.active = undefined;
    const seconds = Math.round(this.watchdogMs / 100) / 10;
    const r = a.pinpoint?.running;
    const what = r
      ? `analytic "${this.names.get(r.id) ?? r.id}"${this.names.has(r.id) ? ` (${r.id})` : ""} ${r.event !== undefined ? `on event ${r.event + 1}` : "over the batch"}`
      : a.msg.type === "evade"
        ? "the evasion lab"
        : "reading the input";
    a.listener({ type: "error", req: a.msg.req, message: `${what} gave no answer within ${seconds} s (${a.pinpoint ? "twice; " : ""}the engine was restarted). This run has no verdicts.` });
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.worker?.terminate();
    this.worker = undefined;
    this.active = undefined;
  }
}
