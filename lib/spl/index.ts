/**
 * The shared SPL engine's public face: `compileSearch(search, { macros })` → CompiledSearch
 * (see api.ts). Parse, expand, check support once; evaluate, explain or run as often as needed.
 * Nothing here throws.
 */
import type {
  BatchResult, CompileOptions, CompiledSearch, EventInput, EventVerdict, Explanation, PredicateTrace, Row, Span,
  StageTrace, Support,
} from "./api";
import type { Pipeline, Range } from "./ast";
import { expandMacros, indexMacros, type Expansion } from "./macros";
import { parsePipeline } from "./parse";
import { runPipeline, type PipelineRun } from "./run";
import { EngineAbort, isEventShaped, makeRuntime, type RowData } from "./runtime";
import type { RawTrace } from "./search-lang";
import { checkSupport, fieldsRead } from "./support";
import { datamodelsIn } from "./datamodels";
import { TstatsGate } from "./tstats-gate";
import { SearchSet, type Screening } from "./search-set";
import { scalarToString } from "./values";

const NO_FIELDS: readonly string[] = [];
/** The answer to anything that is not an EventInput (a loose caller's bug, not an event). */
const NOT_AN_EVENT: EventVerdict = Object.freeze({ verdict: "not_testable", reason: "not an event: expected an object with a dataset string and fields" });

export type * from "./api";
export { expandMacros, indexMacros } from "./macros";
export { lex } from "./lex";

function toRow(r: RowData): Row {
  const out: Row = {};
  for (const k of Object.keys(r)) {
    const v = r[k]!;
    out[k] = Array.isArray(v) ? v.map(scalarToString) : v;
  }
  return out;
}

class Compiled implements CompiledSearch {
  readonly expanded: string;
  readonly parseError?: { message: string; span: Span };
  readonly support: Support;
  readonly datamodels: string[];
  readonly fieldsRead: string[];
  readonly macros: CompiledSearch["macros"];
  /** The answer for every event when the search cannot be evaluated per event. */
  private readonly early: EventVerdict | null;
  /** The fast path for searches that start with tstats. */
  private readonly gate: TstatsGate | null;

  constructor(readonly search: string, private readonly expansion: Expansion, private readonly pipeline: Pipeline) {
    this.expanded = expansion.text;
    this.macros = expansion.uses;
    const err = pipeline.errors[0];
    if (err) this.parseError = { message: err.message, span: this.span(err.at) };
    const s = checkSupport(pipeline, expansion);
    this.support = s.level === "event" ? s : { level: s.level, reason: s.reason, ...(s.at ? { span: this.span(s.at) } : {}) };
    this.datamodels = datamodelsIn(expansion.text);
    this.fieldsRead = fieldsRead(pipeline);
    this.early = this.notTestable();
    this.gate = this.early ? null : TstatsGate.of(pipeline);
  }

  /** The gate's screen (search-set.ts), when the search has one. */
  screening(): Screening | null {
    const screen = this.gate?.screen;
    return screen ? { datamodel: this.gate!.datamodel, screen } : null;
  }

  private span(at: Range): Span {
    return this.expansion.map.toSpan(at);
  }

  private notTestable(): EventVerdict | null {
    // Shared by every evaluation, so frozen (callers never mutate verdicts).
    if (this.support.level === "none") return Object.freeze({ verdict: "not_testable", reason: this.support.reason });
    if (this.support.level === "batch") return Object.freeze({ verdict: "not_testable", reason: `depends on other events: ${this.support.reason}` });
    return null;
  }

  private execute(event: EventInput, trace: boolean): { run?: PipelineRun; verdict: EventVerdict } {
    if (this.early) return { verdict: this.early };
    const rt = makeRuntime(Date.now() / 1000, event.unknown ?? NO_FIELDS);
    try {
      const run = runPipeline(this.pipeline, [event], rt, trace, true);
      const hingesOn = [...rt.hinges];
      const extra = hingesOn.length ? { hingesOn } : {};
      if (run.rows.length > 0) return { run, verdict: { verdict: "match", rows: run.rows.map(toRow), ...extra } };
      const last = run.stages[run.stages.length - 1];
      const reason = last ? `no row left after \`${last.command}\`` : "no rows";
      return { run, verdict: { verdict: "no_match", reason, ...extra } };
    } catch (e) {
      const reason = e instanceof EngineAbort ? e.reason : `internal error: ${String(e)}`;
      return { verdict: { verdict: "not_testable", reason } };
    }
  }

  evaluate(event: EventInput): EventVerdict {
    if (this.early) return this.early;
    if (!isEventShaped(event)) return NOT_AN_EVENT;
    const dropped = this.gate?.drop(event);
    if (dropped) return dropped;
    return this.execute(event, false).verdict;
  }

  explain(event: EventInput): Explanation {
    if (!this.early && !isEventShaped(event)) return { ...NOT_AN_EVENT, stages: [] };
    const { run, verdict } = this.execute(event, true);
    const stages: StageTrace[] = (run?.stages ?? []).map((s) => ({
      command: s.command,
      span: this.span(s.at),
      rowsIn: s.rowsIn,
      rowsOut: s.rowsOut,
      predicates: s.predicates.map((p) => this.predicate(p)),
      ...(s.note ? { note: s.note } : {}),
    }));
    return { ...verdict, stages };
  }

  private predicate(t: RawTrace): PredicateTrace {
    const out: PredicateTrace = {
      text: this.expanded.slice(t.at[0], t.at[1]),
      span: this.span(t.at),
      value: t.value,
      language: t.language,
    };
    if (t.fields) out.fields = t.fields.map((f) => ({ name: f.name, value: f.value === null ? null : Array.isArray(f.value) ? f.value.map(scalarToString) : f.value }));
    if (t.matches) out.matches = t.matches;
    if (t.children) out.children = t.children.map((c) => this.predicate(c));
    if (t.note) out.note = t.note;
    return out;
  }

  run(events: EventInput[]): BatchResult {
    if (this.support.level === "none") return { ok: false, reason: this.support.reason };
    const rt = makeRuntime(Date.now() / 1000);
    try {
      const r = runPipeline(this.pipeline, events, rt, false, false);
      return { ok: true, rows: r.rows.map(toRow), stages: r.stages.map((s) => ({ command: s.command, span: this.span(s.at), rowsIn: s.rowsIn, rowsOut: s.rowsOut })) };
    } catch (e) {
      return { ok: false, reason: e instanceof EngineAbort ? e.reason : `internal error: ${String(e)}` };
    }
  }
}

/**
 * A set of compiled searches to ask about one event at a time: `set.evaluate(event)[i]` is exactly
 * `searches[i].evaluate(event)`, found without running most searches (see search-set.ts).
 */
export function searchSet(searches: readonly CompiledSearch[]): SearchSet {
  return new SearchSet(searches, (s) => (s instanceof Compiled ? s.screening() : null));
}
export type { SearchSet };

export function compileSearch(search: string, options: CompileOptions | { macros: ReturnType<typeof indexMacros> }): CompiledSearch {
  const text = typeof search === "string" ? search : "";
  try {
    const expansion = expandMacros(text, options.macros);
    const pipeline = parsePipeline(expansion.text);
    return new Compiled(text, expansion, pipeline);
  } catch (e) {
    // Defensive: the parser does not throw, but a compile must never escape as an exception.
    const reason = `internal error while compiling: ${String(e)}`;
    const empty: CompiledSearch = {
      search: text, expanded: text, support: { level: "none", reason }, datamodels: [], fieldsRead: [], macros: [],
      evaluate: () => ({ verdict: "not_testable", reason }),
      explain: () => ({ verdict: "not_testable", reason, stages: [] }),
      run: () => ({ ok: false, reason }),
    };
    return empty;
  }
}
