/**
 * Run a parsed pipeline over events, stage by stage, each through its command module, optionally
 * recording each filtering clause's value (for the first row a stage sees). Failures inside a stage
 * abort with a reason (EngineAbort), which index.ts turns into a `not_testable` value.
 */
import type { EventInput } from "../detection/types";
import type { Pipeline, Range } from "./ast";
import { specOf, type Command } from "./commands/index";
import type { RunContext } from "./commands/spec";
import { mapLineage, type Lineage } from "./lineage";
import { EngineAbort, type RowData, type Runtime } from "./runtime";
import type { RawTrace } from "./search-lang";
import { keepsEmpty } from "./support";

export interface RawStage {
  command: string;
  at: Range;
  rowsIn: number;
  rowsOut: number;
  predicates: RawTrace[];
  note?: string;
}

export interface PipelineRun {
  rows: RowData[];
  stages: RawStage[];
  /** Why the first stage returned no row, when it can say (tstats). */
  emptyReason?: string;
  /** Set when the run stopped before stage `stoppedAt` (`until`, or nothing left to run on). */
  stoppedAt?: number;
  /** Notes the commands left on how the batch was read. */
  notes?: string[];
}

export interface RunOptions {
  /** Run only the stages before this one. */
  until?: number;
  /** Batch runs: track which events each row stands for. */
  lineage?: Lineage;
}

/** The command's name as the trace shows it (`stats`, `eventstats`, `lookup`…). */
export function commandName(c: Command): string {
  return c.type === "unsupported" ? c.name : c.type;
}

/** The first stage from which every stage keeps an empty input empty (memoised per pipeline). */
const emptyFrom = new WeakMap<Pipeline, number>();
export function keepsEmptyFrom(p: Pipeline): number {
  let from = emptyFrom.get(p);
  if (from === undefined) {
    from = p.commands.length;
    while (from > 1 && keepsEmpty(p.commands[from - 1]!)) from--;
    emptyFrom.set(p, from);
  }
  return from;
}

/** One stage over rows: the command's run, and its rows' lineage when it declares `map`. */
export function runStage(c: Command, rows: RowData[], ctx: RunContext): RowData[] {
  const spec = specOf(c);
  const out = spec.run(c, rows, ctx);
  if (spec.lineage === "map") mapLineage(ctx.lineage, out, rows);
  return out;
}

/** The context of one stage; its `subsearch` runs over the same events, with the same lineage. */
function stageContext(rt: Runtime, events: readonly EventInput[], trace: boolean, lineage: Lineage | undefined, notes: string[]): RunContext {
  const subsearch = (p: Pipeline, rows?: RowData[]): RowData[] => {
    if (rows === undefined) {
      const r = runPipeline(p, events, rt, false, false, lineage ? { lineage } : {});
      if (r.notes) notes.push(...r.notes);
      return r.rows;
    }
    let out = rows;
    for (const c of p.commands) out = runStage(c, out, stageContext(rt, events, false, lineage, notes));
    return out;
  };
  return { rt, events, trace, predicates: [], subsearch, ...(lineage ? { lineage, notes } : {}) };
}

/**
 * Run the stages. `stopWhenEmpty` (per-event runs): once no row is left and no later stage can
 * make one out of nothing, stop — the verdict is no_match.
 */
export function runPipeline(p: Pipeline, events: readonly EventInput[], rt: Runtime, trace = false, stopWhenEmpty = false, opts: RunOptions = {}): PipelineRun {
  const stages: RawStage[] = [];
  let rows: RowData[] = [];
  let emptyReason: string | undefined;
  let stoppedAt: number | undefined;
  const notes: string[] = [];
  const end = Math.min(opts.until ?? p.commands.length, p.commands.length);
  const canStop = stopWhenEmpty ? keepsEmptyFrom(p) : Infinity;
  for (let i = 0; i < p.commands.length; i++) {
    const c = p.commands[i]!;
    if (i >= end || (i > 0 && i >= canStop && rows.length === 0)) {
      stoppedAt = i;
      break;
    }
    const spec = specOf(c);
    if (i === 0 && !spec.leads) throw new EngineAbort(`a search starting with \`${commandName(c)}\` is not run on pasted events`);
    if (i > 0 && c.type === "tstats") throw new EngineAbort("tstats can only start a search");
    const ctx = stageContext(rt, events, trace, opts.lineage, notes);
    const rowsIn = i === 0 ? events.length : rows.length;
    rows = runStage(c, i === 0 ? [] : rows, ctx);
    const stage: RawStage = { command: commandName(c), at: c.at, rowsIn, rowsOut: rows.length, predicates: ctx.predicates };
    if (ctx.note) {
      stage.note = ctx.note;
      if (i === 0) emptyReason = ctx.note;
    }
    stages.push(stage);
  }
  const out: PipelineRun = { rows, stages };
  if (emptyReason) out.emptyReason = emptyReason;
  if (stoppedAt !== undefined) out.stoppedAt = stoppedAt;
  if (notes.length) out.notes = [...new Set(notes)];
  return out;
}
