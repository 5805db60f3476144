/**
 * For command tests: run a pipeline of non-leading commands (`sort x | head 2`) over given rows,
 * as the runner would in a batch run (lineage tracked: row i of the input stands for event i).
 */
import { parsePipeline } from "../parse";
import { Lineage } from "../lineage";
import { runStage } from "../run";
import { makeRuntime, type RowData } from "../runtime";
import type { RunContext } from "./spec";
import type { Command } from "./index";

export interface CommandsRun {
  rows: RowData[];
  lineage: (readonly number[] | null)[];
  notes: string[];
}

export function runCommands(spl: string, input: RowData[], now = 1700000000): CommandsRun {
  const p = parsePipeline(spl.trimStart().startsWith("|") ? spl : `| ${spl}`);
  if (p.errors.length) throw new Error(`${spl}: ${p.errors.map((e) => e.message).join("; ")}`);
  const lineage = new Lineage(input.map((_, i) => i));
  input.forEach((r, i) => lineage.event(r, i));
  const notes: string[] = [];
  const stages = (cs: readonly Command[], rows: RowData[]): RowData[] => {
    for (const c of cs) {
      const ctx: RunContext = {
        rt: makeRuntime(now), events: [], trace: false, predicates: [], lineage, notes,
        // appendpipe's subpipeline runs over rows; a subsearch over events has none here.
        subsearch: (sub, over) => (over ? stages(sub.commands, over) : []),
      };
      rows = runStage(c, rows, ctx);
    }
    return rows;
  };
  const rows = stages(p.commands, input);
  return { rows, lineage: rows.map((r) => lineage.get(r) ?? null), notes };
}
