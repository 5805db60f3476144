/**
 * The shared SPL engine's public face: `compileSearch(search, { macros })` → CompiledSearch
 * (see api.ts). Parse, expand, check support once; evaluate, explain or run as often as needed.
 * Nothing here throws.
 */
import type { CompileOptions, CompiledSearch } from "./api";
import type { ParseError } from "../detection/matcher";
import type { BatchResult, EventInput, EventVerdict, Explanation, PredicateTrace, Row, Span, StageTrace, Support } from "../detection/types";
import type { Pipeline, Range } from "./ast";
import { expandMacros, indexMacros, type Expansion } from "./macros";
import { parsePipeline } from "./parse";
import { bindLookups, tablesIn } from "./commands/index";
import { commandName, runPipeline, type PipelineRun } from "./run";
import { Lineage } from "./lineage";
import { eventTime } from "./dataset";
import { abortOf, isEventShaped, makeRuntime, type RowData } from "./runtime";
import type { RawTrace } from "./search-lang";
import { checkSupport, fieldsRead, type Decidable } from "./support";
import { datamodelsIn } from "./datamodels";
import { smallBatchThreshold } from "./threshold";
import { datasetRef } from "./dataset";
import { EventGate } from "./gate";
import { SearchSet, type Screening } from "./search-set";
import { earlyVerdict, PlannedSearch, type SearchPlan } from "./plan";
import { scalarToString } from "./values";
import { lineColumn } from "./line-column";

const NO_FIELDS: readonly string[] = [];
/** The answer to anything that is not an EventInput (a loose caller's bug, not an event). */
const NOT_AN_EVENT: EventVerdict = Object.freeze({ verdict: "not_testable", code: "not_an_event", reason: "not an event: expected an object with fields (and optionally datasets and unknown)" });

export type * from "./api";
export { expandMacros, indexMacros } from "./macros";
export { lex } from "./lex";
export { lineColumn } from "./line-column";

function toRow(r: RowData): Row {
  const out: Row = {};
  for (const k of Object.keys(r)) {
    const v = r[k]!;
    out[k] = Array.isArray(v) ? v.map(scalarToString) : v;
  }
  return out;
}

class Compiled implements CompiledSearch {
  readonly language = "spl";
  readonly expanded: string;
  readonly parseError?: ParseError;
  readonly support: Support;
  readonly datamodels: string[];
  readonly datasets: string[];
  readonly fieldsRead: string[];
  readonly tables: string[];
  readonly macros: CompiledSearch["macros"];
  /** The answer for every event when the search cannot be evaluated per event. */
  private readonly early: EventVerdict | null;
  /** The fast path in front of the first stage (gate.ts). */
  private readonly gate: EventGate | null;
  /** A later stage cannot run, but an empty result before it decides the verdict (support.ts). */
  private readonly decide: (Decidable & { suffix: string }) | null;

  constructor(readonly search: string, private readonly expansion: Expansion, private readonly pipeline: Pipeline) {
    this.expanded = expansion.text;
    this.macros = expansion.uses;
    const err = pipeline.errors[0];
    if (err) {
      const span = this.span(err.at);
      this.parseError = { message: err.message, span, ...lineColumn(search, span.start) };
    }
    const s = checkSupport(pipeline, expansion);
    const threshold = s.level === "batch" && s.at && s.detail ? smallBatchThreshold(pipeline, expansion.text, s.at, s.detail) : undefined;
    this.support = s.level === "event" ? s : { level: s.level, reason: s.reason, code: s.code, ...(s.detail ? { detail: s.detail } : {}), ...(s.at ? { span: this.span(s.at) } : {}), ...(threshold ? { threshold } : {}) };
    this.datamodels = datamodelsIn(expansion.text);
    this.datasets = [...new Set(this.datamodels.map((d) => datasetRef(d)?.key ?? d))];
    this.fieldsRead = fieldsRead(pipeline);
    this.tables = tablesIn(pipeline);
    this.decide = s.level === "none" && s.decide ? { ...s.decide, suffix: this.decidedSuffix(s.decide.until) } : null;
    this.early = this.decide?.perEvent ? null : this.notTestable();
    this.gate = this.early ? null : EventGate.of(pipeline, this.decide?.suffix);
  }

  /** What a decided verdict adds to its reason: the stage it did not need. */
  private decidedSuffix(until: number): string {
    const c = this.pipeline.commands[until]!;
    return ` — decided before \`${commandName(c)}\`, which cannot change an empty result (it is not run on pasted events)`;
  }

  /** Is each event evaluated although support is `none` (an early empty result decides)? */
  get decidesPerEvent(): boolean {
    return this.early === null && this.support.level === "none";
  }

  /** What the gate adds to its reasons (the plan carries it: PlanCompilers.gate). */
  get gateSuffix(): string | undefined {
    return this.gate ? this.decide?.suffix : undefined;
  }

  /** What the search set needs of a gated search (search-set.ts): its dataset, screen and outside verdict. */
  screening(): Screening | null {
    const gate = this.gate;
    return gate ? { ref: gate.ref, screen: gate.screen, outside: gate.outside, dropped: gate.dropped, ...(gate.screenIsWhole ? { screenIsWhole: true } : {}) } : null;
  }

  private span(at: Range): Span {
    return this.expansion.map.toSpan(at);
  }

  private notTestable(): EventVerdict | null {
    return earlyVerdict(this.support);
  }

  private execute(event: EventInput, trace: boolean): { run?: PipelineRun; verdict: EventVerdict } {
    if (this.early) return { verdict: this.early };
    const rt = makeRuntime(Date.now() / 1000, event.unknown ?? NO_FIELDS);
    const decide = this.decide;
    try {
      const run = runPipeline(this.pipeline, [event], rt, trace, true, decide ? { until: decide.until } : {});
      const hingesOn = [...rt.hinges];
      const extra = hingesOn.length ? { hingesOn } : {};
      if (decide && run.rows.length > 0) return { run, verdict: this.notTestable()! };
      if (run.rows.length > 0) return { run, verdict: { verdict: "match", rows: run.rows.map(toRow), ...extra } };
      const last = run.stages[run.stages.length - 1];
      const reason = (this.emptyReason(run) ?? (last ? `no row left after \`${last.command}\`` : "no rows")) + (decide ? decide.suffix : "");
      return { run, verdict: { verdict: "no_match", reason, ...extra } };
    } catch (e) {
      return { verdict: { verdict: "not_testable", ...abortOf(e) } };
    }
  }

  /** The gate's own words for an event outside the dataset; the first stage's for a null BY field. */
  private emptyReason(run: PipelineRun): string | undefined {
    if (run.emptyReason === undefined || run.stages.length !== 1) return undefined;
    const r = run.emptyReason;
    return r.startsWith("the event is not in") ? r : `no row left after \`tstats\`: ${r}`;
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
    if (run?.stoppedAt !== undefined && this.decide) stages.push(...this.skipped(run.stoppedAt, verdict.verdict === "no_match"));
    return { ...verdict, stages };
  }

  /** The stages a run did not reach, for explain: why each was not needed (or could not run). */
  private skipped(from: number, decided: boolean): StageTrace[] {
    return this.pipeline.commands.slice(from).map((c, i) => ({
      command: commandName(c),
      span: this.span(c.at),
      rowsIn: 0,
      rowsOut: 0,
      predicates: [],
      note: i === 0 && !decided && this.decide ? `not run: ${this.support.level === "event" ? "" : this.support.reason}` : "not run: no row reached it, and no later stage can make one",
    }));
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

  run(events: readonly EventInput[]): BatchResult {
    if (this.support.level === "none" && !this.decide) return { ok: false, reason: this.support.reason, code: this.support.code };
    const now = Date.now() / 1000;
    const rt = makeRuntime(now);
    // Splunk returns events newest first [V cmd:head: "the most recent N events"]; ties keep
    // the pasted order. Lineage maps rows back to the caller's indexes.
    const order = newestFirst(events, now);
    const lineage = new Lineage(order);
    try {
      const r = runPipeline(this.pipeline, order.map((i) => events[i]!), rt, false, false, { lineage, ...(this.decide ? { until: this.decide.until } : {}) });
      const stages = r.stages.map((s) => ({ command: s.command, span: this.span(s.at), rowsIn: s.rowsIn, rowsOut: s.rowsOut }));
      const notes = r.notes ?? [];
      if (this.decide && this.support.level === "none") {
        if (r.rows.length > 0) return { ok: false, reason: this.support.reason, code: this.support.code };
        const last = r.stages[r.stages.length - 1];
        notes.push(`no row left after \`${last?.command ?? ""}\`${this.decide.suffix}`);
      }
      return {
        ok: true,
        rows: r.rows.map(toRow),
        lineage: r.rows.map((row) => (lineage.get(row) as number[] | undefined) ?? null),
        stages,
        ...(notes.length ? { notes } : {}),
      };
    } catch (e) {
      return { ok: false, ...abortOf(e) };
    }
  }
}

/** Indexes of `events` newest first by `_time` (stable: equal times keep their order). */
function newestFirst(events: readonly EventInput[], now: number): number[] {
  const times = events.map((e) => (isEventShaped(e) ? eventTime(e, now) : now));
  return events.map((_, i) => i).sort((a, b) => times[b]! - times[a]!);
}

/**
 * A set of compiled searches to ask about one event at a time: `set.evaluate(event)[i]` is exactly
 * `searches[i].evaluate(event)`, found without running most searches (see search-set.ts).
 */
/** Was this matcher compiled (or planned) by the SPL engine (so a SearchSet can screen it)? */
export function isCompiledSearch(m: unknown): m is CompiledSearch {
  return m instanceof Compiled || m instanceof PlannedSearch;
}

function screeningOf(s: CompiledSearch): Screening | null {
  if (s instanceof Compiled) return s.screening();
  if (s instanceof PlannedSearch) return s.plan.screening;
  return null;
}

export function searchSet(searches: readonly CompiledSearch[]): SearchSet {
  return new SearchSet(searches, screeningOf);
}

/** The plan of a compiled search (plan.ts): plain data a set can be built from. */
export function planOf(s: CompiledSearch): SearchPlan {
  if (s instanceof PlannedSearch) return s.plan;
  const plan: SearchPlan = { support: s.support, fieldsRead: [...s.fieldsRead], datasets: [...s.datasets], datamodels: [...s.datamodels], screening: screeningOf(s) };
  if (s.parseError) plan.parseError = s.parseError;
  if (s.tables?.length) plan.tables = [...s.tables];
  if (s instanceof Compiled && s.decidesPerEvent) plan.decidesPerEvent = true;
  if (s instanceof Compiled && s.gateSuffix) plan.gateSuffix = s.gateSuffix;
  return plan;
}

export { PlannedSearch, type SearchPlan };
export type { SearchSet };

type Options = CompileOptions | { macros: ReturnType<typeof indexMacros>; lookups?: CompileOptions["lookups"] };

/**
 * Only the first-stage gate of a search (gate.ts), as `compileSearch` would build it for a search
 * whose plan says it has one: macros expanded, the text parsed, no support check. `suffix` is the
 * plan's `gateSuffix`. Null when the text gives no gate (then the caller compiles the search).
 */
export function compileGate(search: string, options: Options, suffix: string): EventGate | null {
  try {
    const text = typeof search === "string" ? search : "";
    return EventGate.of(parsePipeline(expandMacros(text, options.macros).text), suffix);
  } catch {
    return null;
  }
}

export function compileSearch(search: string, options: Options): CompiledSearch {
  const text = typeof search === "string" ? search : "";
  try {
    const expansion = expandMacros(text, options.macros);
    const pipeline = parsePipeline(expansion.text);
    bindLookups(pipeline, options.lookups);
    return new Compiled(text, expansion, pipeline);
  } catch (e) {
    // Defensive: the parser does not throw, but a compile must never escape as an exception.
    const reason = `internal error while compiling: ${String(e)}`;
    const code = "internal_error";
    const empty: CompiledSearch = {
      language: "spl", search: text, expanded: text, support: { level: "none", reason, code }, datamodels: [], datasets: [], fieldsRead: [], macros: [],
      evaluate: () => ({ verdict: "not_testable", code, reason }),
      explain: () => ({ verdict: "not_testable", code, reason, stages: [] }),
      run: () => ({ ok: false, reason, code }),
    };
    return empty;
  }
}
