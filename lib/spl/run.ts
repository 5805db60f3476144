/**
 * Run a parsed pipeline over events, stage by stage, optionally recording each filtering clause's
 * value (for the first row a stage sees). Failures inside a stage abort with a reason
 * (EngineAbort), which index.ts turns into a `not_testable` value.
 */
import type { EventInput } from "./api";
import type { Command, Pipeline, Range } from "./ast";
import { runRegexCommand, runRex } from "./commands/rex";
import { runStats } from "./commands/stats";
import { runConvert, runDedup, runFields, runFillnull, runMakemv, runMvexpand, runRename, runSort, runTable } from "./commands/transform";
import { runTstats } from "./commands/tstats";
import { assign } from "./commands/group";
import { evalExpr, traceEval } from "./eval-lang";
import { EngineAbort, fieldOf, quietRuntime, type RowData, type Runtime } from "./runtime";
import { traceSearch, type RawTrace } from "./search-lang";
import { rowPredicate } from "./search-compile";

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
}

function commandName(c: Command): string {
  if (c.type === "generic") return c.name;
  if (c.type === "stats") return c.variant;
  return c.type;
}

function runStage(c: Command, rows: RowData[], rt: Runtime, trace: boolean, stage: RawStage): RowData[] {
  switch (c.type) {
    case "where": {
      if (trace && rows[0]) stage.predicates.push(traceEval(c.expr, rows[0], quietRuntime(rt)));
      return rows.filter((r) => evalExpr(c.expr, r, rt) === true);
    }
    case "search": {
      if (!c.expr) return rows;
      const expr = c.expr;
      if (trace && rows[0]) {
        const first = rows[0];
        stage.predicates.push(traceSearch(expr, (n) => fieldOf(first, n), quietRuntime(rt)));
      }
      const keep = rowPredicate(expr);
      return rows.filter((r) => keep(r, rt));
    }
    case "eval":
      return rows.map((input) => {
        const row = { ...input };
        for (const a of c.assignments) assign(row, a.field, evalExpr(a.expr, row, rt));
        return row;
      });
    case "rename": return runRename(c, rows);
    case "rex": return runRex(c, rows, rt);
    case "regex": {
      const out = runRegexCommand(c, rows, rt);
      if (trace && rows[0]) {
        const kept = out[0] === rows[0];
        stage.predicates.push({ at: c.at, value: kept, language: "eval", fields: [{ name: c.field, value: rows[0][c.field] ?? null }], note: c.negate ? "keeps rows that do not match (and rows without the field)" : "keeps rows whose field matches" });
      }
      return out;
    }
    case "fillnull": return runFillnull(c, rows);
    case "table": return runTable(c, rows);
    case "fields": return runFields(c, rows);
    case "dedup": return runDedup(c, rows);
    case "stats": return runStats(c, rows, rt);
    case "convert": return runConvert(c, rows);
    case "sort": return runSort(c, rows);
    case "head": return rows.slice(0, c.count);
    case "makemv": return runMakemv(c, rows);
    case "mvexpand": return runMvexpand(c, rows);
    case "tstats": throw new EngineAbort("tstats can only start a search");
    case "generic": throw new EngineAbort(`\`${c.name}\` ${c.reason ?? "is not modelled by the engine"}`);
  }
}

export function runPipeline(p: Pipeline, events: EventInput[], rt: Runtime, trace = false, stopWhenEmpty = false): PipelineRun {
  const stages: RawStage[] = [];
  let rows: RowData[] = [];
  p.commands.forEach((c, i) => {
    if (stopWhenEmpty && i > 0 && rows.length === 0) return;
    const stage: RawStage = { command: commandName(c), at: c.at, rowsIn: i === 0 ? events.length : rows.length, rowsOut: 0, predicates: [] };
    if (i === 0) {
      if (c.type !== "tstats") throw new EngineAbort(`a search starting with \`${commandName(c)}\` is not run on pasted events`);
      const r = runTstats(c, events, rt, trace);
      rows = r.rows;
      if (r.trace) stage.predicates.push(r.trace);
    } else rows = runStage(c, rows, rt, trace, stage);
    stage.rowsOut = rows.length;
    stages.push(stage);
  });
  return { rows, stages };
}
