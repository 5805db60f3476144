"use client";
import type { KeyboardEvent } from "react";
import type { CoverageResult, TechniqueCoverage } from "@/lib/attack/coverage";
import { TechniqueCell, type LayerMark } from "./TechniqueCell";
import { formatCount } from "@/lib/detection/numbers";

export interface MatrixProps {
  coverage: CoverageResult;
  selected?: string;
  marks: ReadonlyMap<string, LayerMark>;
  expanded: ReadonlySet<string>;
  coveredOnly: boolean;
  onSelect: (id: string) => void;
  onToggle: (id: string) => void;
}

/** Arrow keys move between cells: up/down within a tactic, left/right to the same row of the next tactic. */
function onArrows(e: KeyboardEvent<HTMLDivElement>) {
  const el = e.target as HTMLElement;
  const col = el.dataset.col;
  if (!el.dataset.cell || col === undefined || !["ArrowUp", "ArrowDown", "ArrowLeft", "ArrowRight", "Home", "End"].includes(e.key)) return;
  const root = e.currentTarget;
  const cells = (c: number) => [...root.querySelectorAll<HTMLElement>(`[data-cell][data-col="${c}"]`)];
  const here = cells(Number(col));
  const i = here.indexOf(el);
  let target: HTMLElement | undefined;
  if (e.key === "ArrowUp") target = here[i - 1];
  else if (e.key === "ArrowDown") target = here[i + 1];
  else if (e.key === "Home") target = here[0];
  else if (e.key === "End") target = here[here.length - 1];
  else {
    const step = e.key === "ArrowLeft" ? -1 : 1;
    for (let c = Number(col) + step; c >= 0 && !target; c += step) {
      const next = cells(c);
      if (next.length === 0 && !root.querySelector(`[data-column="${c}"]`)) break;
      target = next[Math.min(i, next.length - 1)];
    }
  }
  if (target) {
    e.preventDefault();
    target.focus();
    target.scrollIntoView({ block: "nearest", inline: "nearest" });
  }
}

function visible(t: TechniqueCoverage | undefined, coveredOnly: boolean, marks: ReadonlyMap<string, LayerMark>): t is TechniqueCoverage {
  return !!t && (!coveredOnly || t.total > 0 || marks.has(t.id));
}

/** The Enterprise matrix: one column per tactic (matrix order), sticky tactic headers, collapsible sub-techniques. */
export function Matrix({ coverage, selected, marks, expanded, coveredOnly, onSelect, onToggle }: MatrixProps) {
  return (
    <div
      onKeyDown={onArrows}
      className="relative max-h-[75vh] overflow-auto rounded-md border border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900/40"
      role="group"
      aria-label="Enterprise ATT&CK matrix"
      aria-describedby="matrix-help"
    >
      <div className="flex w-max min-w-full gap-1.5 p-1.5">
        {coverage.columns.map((column, c) => {
          const shown = column.techniqueIds.map((id) => coverage.techniques[id]).filter((t) => visible(t, coveredOnly, marks));
          const covered = column.techniqueIds.filter((id) => (coverage.techniques[id]?.total ?? 0) > 0).length;
          return (
            <section key={column.tactic.shortname} data-column={c} aria-labelledby={`tactic-${column.tactic.shortname}`} className="dc-matrix-col">
              <h2
                id={`tactic-${column.tactic.shortname}`}
                className="sticky top-0 z-10 -mx-0.5 mb-1 border-b-2 border-slate-400 bg-slate-50 px-1 pb-1 pt-1 text-xs font-semibold dark:border-slate-600 dark:bg-slate-900"
              >
                <span className="block leading-tight">{column.tactic.name}</span>
                <span className="block font-normal text-slate-600 tabular-nums dark:text-slate-400">
                  {formatCount(covered)} of {formatCount(column.techniqueIds.length)} covered
                </span>
              </h2>
              <ul className="space-y-1">
                {shown.map((t) => {
                  const subs = t.subtechniques.map((id) => coverage.techniques[id]).filter((s) => visible(s, coveredOnly, marks));
                  const open = expanded.has(t.id);
                  const subsId = `subs-${column.tactic.shortname}-${t.id}`;
                  const subGaps = t.subtechniques.filter((s) => marks.get(s) === "gap").length;
                  return (
                    <li key={t.id}>
                      <TechniqueCell t={t} col={c} selected={selected === t.id} mark={marks.get(t.id)} onSelect={onSelect} />
                      {t.subtechniques.length > 0 && (
                        <button
                          type="button"
                          aria-expanded={open}
                          aria-controls={subsId}
                          onClick={() => onToggle(t.id)}
                          className="dc-subs"
                        >
                          <span aria-hidden="true" className={open ? "inline-block rotate-90" : "inline-block"}>
                            ►
                          </span>
                          {formatCount(t.subtechniques.length)} sub-technique{t.subtechniques.length === 1 ? "" : "s"}
                          <span className="sr-only"> of {t.id}</span>
                          {subGaps > 0 && <span className="font-semibold text-red-700 dark:text-red-400">· {formatCount(subGaps)} gap{subGaps === 1 ? "" : "s"}</span>}
                        </button>
                      )}
                      {open && (
                        <ul id={subsId} className="ml-2 mt-0.5 space-y-0.5 border-l-2 border-slate-300 pl-1 dark:border-slate-700">
                          {subs.map((s) => (
                            <li key={s.id}>
                              <TechniqueCell t={s} col={c} selected={selected === s.id} mark={marks.get(s.id)} onSelect={onSelect} />
                            </li>
                          ))}
                          {subs.length < t.subtechniques.length && (
                            <li className="px-1 text-[11px] italic text-slate-500">{formatCount(t.subtechniques.length - subs.length)} without analytics hidden</li>
                          )}
                        </ul>
                      )}
                    </li>
                  );
                })}
                {shown.length === 0 && <li className="px-1 text-xs italic text-slate-500">No technique covered</li>}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}
