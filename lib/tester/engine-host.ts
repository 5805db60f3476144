/**
 * The tester's engine, as run inside the Web Worker: parses the input with lib/events, compiles
 * searches lazily (cached), evaluates in time slices and posts results progressively. Pure (no DOM,
 * no Node): `createEngineHost(post)` returns the message handler, so tests drive it in Node.
 */
import type { MacroDefinition } from "../content/types";
import { parseEvents, unknownFields, withEdits, type ParsedEvent } from "../events";
import { compileSearch, indexMacros, type CompiledSearch, type EventInput } from "../spl";
import type { AnalyticOutcome } from "./group";
import { LIMITS, type AnalyticSource, type EvaluateRequest, type ExplainedEvent, type FromWorker, type ToWorker, type VerdictRow } from "./protocol";

/** Work for this long, then post what is done and yield to the message loop. */
const SLICE_MS = 25;

const now = () => (typeof performance !== "undefined" ? performance.now() : Date.now());
const pause = () => new Promise<void>((r) => setTimeout(r, 0));

function toInput(e: ParsedEvent): EventInput {
  return { dataset: e.dataset, fields: e.fields, unknown: unknownFields(e) };
}

function capText(e: ParsedEvent, max = 20_000): ParsedEvent {
  return e.text.length > max ? { ...e, text: e.text.slice(0, max) } : e;
}

export interface EngineHost {
  handle(msg: ToWorker): Promise<void>;
}

export function createEngineHost(post: (msg: FromWorker) => void): EngineHost {
  let sources: AnalyticSource[] = [];
  let macros: Map<string, MacroDefinition> = new Map();
  const compiled = new Map<string, CompiledSearch>();
  let current = 0;

  const compile = (src: AnalyticSource): CompiledSearch => {
    let c = compiled.get(src.id);
    if (!c) {
      c = compileSearch(src.search, { macros });
      compiled.set(src.id, c);
    }
    return c;
  };

  const stale = (req: number) => req !== current;

  async function parse(req: EvaluateRequest) {
    const t0 = now();
    const parsed = parseEvents(req.input, { maxEvents: req.maxEvents ?? LIMITS.maxEvents });
    const events = parsed.events.map((e) => {
      const edits = req.edits[String(e.index)];
      return edits && Object.keys(edits).length ? withEdits(e, edits) : e;
    });
    post({
      type: "parsed", req: req.req, format: parsed.format, eventCount: events.length,
      problems: parsed.problems.slice(0, LIMITS.problems), problemCount: parsed.problems.length,
      ...(parsed.truncated ? { truncated: parsed.truncated } : {}), ms: now() - t0,
    });
    return events;
  }

  async function analyticMode(req: EvaluateRequest, events: ParsedEvent[]) {
    const src = sources.find((s) => s.id === req.analyticId) ?? sources[0];
    if (!src) return post({ type: "error", req: req.req, message: "no analytic loaded" });
    const c = compile(src);
    post({ type: "compiled", req: req.req, id: src.id, support: c.support, fieldsRead: c.fieldsRead, ...(c.parseError ? { parseError: c.parseError.message } : {}) });
    const skip = new Set(req.skip ?? []);
    let explained: ExplainedEvent[] = [];
    let rows: VerdictRow[] = [];
    let sliceStart = now();
    const flush = (pos: number) => {
      if (explained.length) post({ type: "explained", req: req.req, items: explained, pos });
      if (rows.length) post({ type: "verdicts", req: req.req, items: rows, pos });
      explained = [];
      rows = [];
    };
    for (let i = req.startAt ?? 0; i < events.length; i++) {
      const e = events[i]!;
      if (skip.has(i)) continue;
      const input = toInput(e);
      const process = typeof e.fields.process === "string" ? e.fields.process.slice(0, LIMITS.processChars) : undefined;
      let verdict;
      if (i < req.explainLimit) {
        const explanation = c.explain(input);
        explained.push({ index: i, event: capText(e), unknown: input.unknown ?? [], explanation });
        verdict = explanation;
      } else verdict = c.evaluate(input);
      const { rows: _r, ...rest } = verdict as VerdictRow;
      void _r;
      rows.push({ ...rest, ...(verdict.verdict === "match" && verdict.rows ? { rows: verdict.rows.slice(0, 3) } : {}), index: i, line: e.line, ...(process !== undefined ? { process } : {}) });
      if (now() - sliceStart > SLICE_MS) {
        flush(i + 1);
        await pause();
        if (stale(req.req)) return;
        sliceStart = now();
      }
    }
    flush(events.length);
    if (c.support.level === "batch" && events.length > 0) {
      const result = c.run(events.map(toInput));
      post({ type: "batch", req: req.req, id: src.id, result: result.ok ? { ...result, rows: result.rows.slice(0, LIMITS.batchRows) } : result, totalRows: result.ok ? result.rows.length : 0 });
    }
  }

  async function catalogMode(req: EvaluateRequest, events: ParsedEvent[]) {
    const inputs = events.map(toInput);
    if (events.length > 1) {
      post({
        type: "events", req: req.req,
        items: events.map((e) => ({ index: e.index, line: e.line, text: (typeof e.fields.process === "string" ? e.fields.process : e.text).slice(0, LIMITS.processChars) })),
      });
    }
    const skip = new Set(req.skip ?? []);
    let items: AnalyticOutcome[] = [];
    let sliceStart = now();
    for (let a = req.startAt ?? 0; a < sources.length; a++) {
      const src = sources[a]!;
      if (skip.has(src.id)) continue;
      const c = compile(src);
      let outcome: AnalyticOutcome;
      if (inputs.length === 0) outcome = { id: src.id, verdict: "no_match" };
      else if (c.support.level === "none") outcome = { id: src.id, verdict: "not_testable", reason: c.support.reason };
      else if (c.support.level === "batch") {
        const r = c.run(inputs);
        if (!r.ok) outcome = { id: src.id, verdict: "not_testable", reason: r.reason };
        else {
          outcome = { id: src.id, verdict: r.rows.length ? "match" : "no_match", overBatch: true, rowCount: r.rows.length };
          if (r.rows.length) post({ type: "batch", req: req.req, id: src.id, result: { ...r, rows: r.rows.slice(0, LIMITS.batchRows) }, totalRows: r.rows.length });
        }
      } else {
        const matched: number[] = [];
        const hinges = new Set<string>();
        let reason: string | undefined;
        for (let i = 0; i < inputs.length; i++) {
          const v = c.evaluate(inputs[i]!);
          if (v.verdict === "match") matched.push(i);
          else if (v.verdict === "not_testable") reason ??= v.reason;
          for (const h of v.hingesOn ?? []) hinges.add(h);
          if ((i & 255) === 255 && now() - sliceStart > SLICE_MS) {
            post({ type: "outcomes", req: req.req, items, pos: a, total: sources.length });
            items = [];
            await pause();
            if (stale(req.req)) return;
            sliceStart = now();
          }
        }
        const h = hinges.size ? { hingesOn: [...hinges] } : {};
        if (matched.length) outcome = { id: src.id, verdict: "match", matched, ...h };
        else if (reason !== undefined) outcome = { id: src.id, verdict: "not_testable", reason, ...h };
        else outcome = { id: src.id, verdict: "no_match", ...h };
      }
      items.push(outcome);
      if (now() - sliceStart > SLICE_MS) {
        post({ type: "outcomes", req: req.req, items, pos: a + 1, total: sources.length });
        items = [];
        await pause();
        if (stale(req.req)) return;
        sliceStart = now();
      }
    }
    post({ type: "outcomes", req: req.req, items, pos: sources.length, total: sources.length });
  }

  async function evaluate(req: EvaluateRequest) {
    current = req.req;
    const t0 = now();
    // Yield once so a burst of requests only runs the last one.
    await pause();
    if (stale(req.req)) return;
    const events = await parse(req);
    if (stale(req.req)) return;
    if (req.mode === "analytic") await analyticMode(req, events);
    else await catalogMode(req, events);
    if (!stale(req.req)) post({ type: "done", req: req.req, ms: now() - t0 });
  }

  return {
    async handle(msg: ToWorker) {
      try {
        if (msg.type === "load") {
          sources = Array.isArray(msg.analytics) ? msg.analytics : [];
          macros = indexMacros(Array.isArray(msg.macros) ? msg.macros : []);
          compiled.clear();
          return;
        }
        if (msg.type === "evaluate") await evaluate(msg);
      } catch (e) {
        post({ type: "error", req: msg.type === "evaluate" ? msg.req : current, message: e instanceof Error ? e.message : String(e) });
      }
    },
  };
}
