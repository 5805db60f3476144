/**
 * The tester's engine, as run inside the Web Worker: parses the input with lib/events, gets its
 * matchers from lib/engine (the one compile cache, keyed by content version), evaluates in time
 * slices and posts results progressively. Pure (no DOM, no Node): `createEngineHost(post)` returns
 * the message handler, so tests drive it in Node.
 */
import { contentOf, isEnginePayload, isThreadLookup, loadPayload, matchers as cache, type ContentSource } from "../engine/index";
import { formatLabel, parseEvents, prepareSpecs, toEventInput, withEdits, type DataSourceSpec, type ParsedEvent } from "../events";
import { runAnalytic } from "./analytic-run";
import { runCatalog } from "./catalog-run";
import { runEvasion } from "../evasion/run";
import { LIMITS, type AnalyticSource, type EvadeRequest, type EvaluateRequest, type FromWorker, type ToWorker } from "./protocol";

/** Work for this long, then post what is done and yield to the message loop. */
const SLICE_MS = 25;

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
const pause = () => new Promise<void>((r) => setTimeout(r, 0));

export interface EngineHost {
  handle(msg: ToWorker): Promise<void>;
}

/** Fetches JSON (the worker's `fetch`; tests pass their own). */
export type FetchJson = (url: string) => Promise<unknown>;

const defaultFetch: FetchJson = async (url) => {
  const r = await fetch(url);
  if (!r.ok) throw new Error(`${url} answered ${r.status}`);
  return r.json();
};

export function createEngineHost(post: (msg: FromWorker) => void, fetchJson: FetchJson = defaultFetch): EngineHost {
  let content: ContentSource & { analytics: AnalyticSource[] } = { analytics: [], macros: [] };
  let current = 0;
  const stale = (req: number) => req !== current;
  /** Analytics compiled so far for the loaded content (compiling starts when the content loads). */
  let compiled = 0;
  let loads = 0;
  /** A precompiled catalog being fetched: evaluations wait for it; its failure is reported to them. */
  let loading: Promise<void> | null = null;
  /** The content's data sources, for recognising pasted events (lib/events). */
  let dataSources: DataSourceSpec[] = [];
  let loadError: string | undefined;

  /**
   * Compile the loaded analytics in time slices (the engine is ready before the user pastes);
   * `req` set: post progress for that request on each slice, so its watchdog knows the worker is alive.
   */
  async function warm(req?: number): Promise<void> {
    const load = loads;
    const ctx = contentOfLoad();
    let sliceStart = now();
    while (compiled < content.analytics.length) {
      cache.matcher(ctx, content.analytics[compiled]!).prepare?.();
      compiled++;
      if (now() - sliceStart > SLICE_MS) {
        if (req !== undefined) post({ type: "progress", req, pos: 0, total: content.analytics.length });
        await pause();
        if (load !== loads || (req !== undefined && stale(req))) return;
        sliceStart = now();
      }
    }
    // Recognising events with the content's data sources reads each one's example: once, now.
    prepareSpecs(dataSources);
  }

  function parse(req: EvaluateRequest): ParsedEvent[] {
    const t0 = now();
    const parsed = parseEvents(req.input, { maxEvents: req.maxEvents ?? LIMITS.maxEvents, dataSources, ...(req.picks ? { picks: req.picks } : {}) });
    const events = parsed.events.map((e) => {
      const edits = req.edits[String(e.index)];
      return edits && Object.keys(edits).length ? withEdits(e, edits) : e;
    });
    post({
      type: "parsed", req: req.req, format: parsed.format, formatLabel: formatLabel(parsed.format, true), eventCount: events.length,
      problems: parsed.problems.slice(0, LIMITS.problems), problemCount: parsed.problems.length,
      ...(parsed.truncated ? { truncated: parsed.truncated } : {}), ms: now() - t0,
    });
    return events;
  }

  function slicing(req: number, pinpoint?: boolean) {
    let sliceStart = now();
    return {
      req,
      post,
      pinpoint: pinpoint === true,
      sliceOver: () => now() - sliceStart > SLICE_MS,
      async yieldNow() {
        await pause();
        sliceStart = now();
        return !stale(req);
      },
    };
  }

  async function catalogMode(req: EvaluateRequest, events: ParsedEvent[]): Promise<boolean> {
    if (events.length > 1) {
      post({
        type: "events", req: req.req,
        items: events.map((e) => ({ index: e.index, line: e.line, text: (typeof e.fields.process === "string" ? e.fields.process : e.text).slice(0, LIMITS.processChars) })),
      });
    }
    await warm(req.req);
    if (stale(req.req)) return false;
    const ctx = contentOfLoad();
    const only = req.only ? new Set(req.only) : undefined;
    const analytics = only ? content.analytics.filter((a) => only.has(a.id)) : content.analytics;
    const ms = analytics.map((a) => cache.matcher(ctx, a));
    const set = cache.set(ctx, analytics);
    return runCatalog(slicing(req.req, req.pinpoint), analytics, ms, set, events.map(toEventInput));
  }

  async function analyticMode(req: EvaluateRequest, events: ParsedEvent[]): Promise<boolean> {
    const src = content.analytics.find((s) => s.id === req.analyticId) ?? content.analytics[0];
    if (!src) {
      post({ type: "error", req: req.req, message: "no analytic loaded" });
      return false;
    }
    return runAnalytic(slicing(req.req, req.pinpoint), req, src.id, cache.matcher(contentOfLoad(), src), events);
  }

  /** The loaded content's context (version, macros, lookup tables), computed once per load. */
  const contentOfLoad = () => contentOf(content);

  /** Set the content of the current load (the caller started it with `loads++`) and start compiling. */
  function setContent(next: ContentSource & { analytics: AnalyticSource[] }, version?: string) {
    content = version ? { ...next, version } : next;
    compiled = 0;
    void warm();
  }

  /** Load a precompiled catalog (lib/engine EnginePayload): its plans seed the compile cache. */
  function loadUrl(url: string) {
    loadError = undefined;
    const load = ++loads;
    loading = fetchInto(url, load, "the catalog", (v) => {
      if (!isEnginePayload(v)) throw new Error("the catalog answered with something else than a catalog");
      const c = loadPayload(v);
      const ds = (v as { dataSources?: unknown }).dataSources;
      dataSources = Array.isArray(ds) ? (ds as DataSourceSpec[]) : [];
      setContent({ ...c, analytics: [...c.analytics] }, v.version);
    });
  }

  /** Fetch `url` and apply it while load `load` is still the current one; a failure becomes loadError. */
  function fetchInto(url: string, load: number, what: string, apply: (v: unknown) => void): Promise<void> {
    return fetchJson(url)
      .then((v) => {
        if (load === loads) apply(v);
      })
      .catch((e: unknown) => {
        if (load === loads) loadError = `${what} could not be loaded: ${e instanceof Error ? e.message : String(e)}`;
      });
  }

  /** Fetch every data source of the content; events are read once they are here (same recognition as /test). */
  function loadDataSources(url: string): Promise<void> {
    return fetchInto(url, loads, "the data sources", (v) => {
      const ds = (v as { dataSources?: unknown } | null)?.dataSources;
      if (!Array.isArray(ds)) throw new Error("the data sources answered with something else than data sources");
      dataSources = ds as DataSourceSpec[];
      prepareSpecs(dataSources);
    });
  }

  /**
   * Wait for a catalog being fetched, telling the page every quarter second that the worker is
   * alive (its watchdog must not take a slow network or a busy server for a hang). False when the
   * request was superseded meanwhile.
   */
  async function waitForLoad(req: number): Promise<boolean> {
    let done = false;
    void loading!.then(() => (done = true));
    while (!done) {
      await Promise.race([loading, new Promise((r) => setTimeout(r, 250))]);
      if (stale(req)) return false;
      if (!done) post({ type: "progress", req, pos: 0, total: 0 });
    }
    return !stale(req);
  }

  /** Start request `req` (superseding any other); false when it was superseded or cannot run. */
  async function begin(req: number): Promise<boolean> {
    current = req;
    // Yield once so a burst of requests only runs the last one.
    await pause();
    if (stale(req)) return false;
    if (loading && !(await waitForLoad(req))) return false;
    if (loadError) {
      post({ type: "error", req, message: loadError });
      return false;
    }
    return true;
  }

  async function evaluate(req: EvaluateRequest) {
    const t0 = now();
    if (!(await begin(req.req))) return;
    const events = parse(req);
    if (stale(req.req)) return;
    const finished = req.mode === "analytic" ? await analyticMode(req, events) : await catalogMode(req, events);
    if (finished && !stale(req.req)) post({ type: "done", req: req.req, ms: now() - t0 });
  }

  /** The evasion lab: one analytic, its variants read and judged as pastes are (lib/evasion). */
  async function evade(req: EvadeRequest) {
    const t0 = now();
    if (!(await begin(req.req))) return;
    const src = content.analytics.find((s) => s.id === req.analyticId) ?? content.analytics[0];
    if (!src) return post({ type: "error", req: req.req, message: "no analytic loaded" });
    const candidates = Array.isArray(req.candidates) ? req.candidates.filter((c) => typeof c?.input === "string" && typeof c.label === "string") : [];
    const report = runEvasion(cache.matcher(contentOfLoad(), src), candidates, { dataSources });
    if (stale(req.req)) return;
    post({ type: "evasion", req: req.req, report });
    post({ type: "done", req: req.req, ms: now() - t0 });
  }

  /**
   * The lookup tables the analytics read (`{ lookups }` at `url`): the content is set once they are
   * here, so no analytic compiles without its table (the same verdicts as the CLI and the API).
   */
  function loadWithLookups(url: string, next: ContentSource & { analytics: AnalyticSource[] }, version?: string): Promise<void> {
    return fetchInto(url, loads, "the lookup tables", (v) => {
      const ls = (v as { lookups?: unknown } | null)?.lookups;
      if (!Array.isArray(ls) || !ls.every(isThreadLookup)) throw new Error("the lookup tables answered with something else than lookup tables");
      setContent(ls.length ? { ...next, lookups: ls } : next, version);
    });
  }

  function load(msg: Extract<ToWorker, { type: "load" }>) {
    if ("url" in msg) return loadUrl(String(msg.url));
    loading = null;
    loadError = undefined;
    const analytics = Array.isArray(msg.analytics) ? msg.analytics : [];
    const macros = Array.isArray(msg.macros) ? msg.macros : [];
    const version = typeof msg.version === "string" ? msg.version : undefined;
    dataSources = Array.isArray(msg.dataSources) ? msg.dataSources : [];
    loads++;
    const waits: Promise<void>[] = [];
    if (typeof msg.lookupsUrl === "string") waits.push(loadWithLookups(msg.lookupsUrl, { analytics, macros }, version));
    else setContent({ analytics, macros }, version);
    if (typeof msg.dataSourcesUrl === "string") waits.push(loadDataSources(msg.dataSourcesUrl));
    if (waits.length) loading = Promise.all(waits).then(() => undefined);
  }

  /** The protocol table: one handler per message kind (lib/tester/protocol.ts). */
  const HANDLERS: { [K in ToWorker["type"]]: (msg: Extract<ToWorker, { type: K }>) => void | Promise<void> } = { load, evaluate, evade };

  return {
    async handle(msg: ToWorker) {
      try {
        const handler = HANDLERS[msg?.type] as ((m: ToWorker) => void | Promise<void>) | undefined;
        if (handler) await handler(msg);
      } catch (e) {
        post({ type: "error", req: msg.type === "load" ? current : msg.req, message: e instanceof Error ? e.message : String(e) });
      }
    },
  };
}
