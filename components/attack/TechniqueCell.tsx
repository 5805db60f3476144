"use client";
import type { TechniqueCoverage } from "@/lib/attack/coverage";
import { SHADE_BUCKETS } from "@/lib/attack/shades";

/** How an imported layer marks a technique: in the layer with no analytic (gap), or in it and covered. */
export type LayerMark = "gap" | "covered";

export function cellLabel(t: TechniqueCoverage, mark?: LayerMark): string {
  const own = t.analytics.length;
  const n = t.total;
  let s = `${t.id} ${t.name}: ${n} ${n === 1 ? "analytic" : "analytics"}`;
  if (t.subtechniques.length > 0 && n !== own) s += ` (${own} on the technique itself)`;
  if (t.deprecated) s += ", deprecated";
  if (mark === "gap") s += ", gap: in the imported layer with no analytic";
  if (mark === "covered") s += ", in the imported layer";
  return s;
}

function Mark({ mark }: { mark?: LayerMark }) {
  if (mark === "gap")
    return (
      <span aria-hidden="true" className="rounded bg-red-700 px-1 text-[10px] font-bold uppercase leading-4 tracking-wide text-white">
        gap
      </span>
    );
  if (mark === "covered")
    return (
      <span aria-hidden="true" className="rounded bg-emerald-700 px-1 text-[10px] font-bold uppercase leading-4 tracking-wide text-white">
        ✓ layer
      </span>
    );
  return null;
}

/**
 * One technique (or sub-technique) as a button: name, id, the count printed (never colour alone),
 * shaded by count; an imported layer adds a "gap" or "✓ layer" tag and an outline.
 */
export function TechniqueCell({
  t,
  col,
  selected,
  mark,
  sub = false,
  onSelect,
}: {
  t: TechniqueCoverage;
  col: number;
  selected: boolean;
  mark?: LayerMark;
  sub?: boolean;
  onSelect: (id: string) => void;
}) {
  const shade = SHADE_BUCKETS[t.shade] ?? SHADE_BUCKETS[0]!;
  const ring =
    mark === "gap"
      ? "outline-2 outline-dashed outline-red-600 -outline-offset-2 dark:outline-red-400"
      : mark === "covered"
        ? "outline-2 outline-emerald-600 -outline-offset-2 dark:outline-emerald-400"
        : "";
  return (
    <button
      type="button"
      data-cell={t.id}
      data-col={col}
      aria-pressed={selected}
      aria-label={cellLabel(t, mark)}
      title={cellLabel(t, mark)}
      onClick={() => onSelect(t.id)}
      className={`flex w-full items-start gap-1 rounded border px-1.5 py-1 text-left text-xs leading-tight ${shade.className} ${ring} ${
        selected ? "ring-2 ring-amber-500 ring-offset-1 dark:ring-amber-400 dark:ring-offset-slate-950" : ""
      } focus-visible:outline-3 focus-visible:outline-offset-1 focus-visible:outline-amber-500 focus-visible:outline-solid hover:brightness-95`}
    >
      <span className="min-w-0 flex-1">
        <span className={`block break-words ${sub ? "" : "font-medium"}`}>
          {t.name}
          {t.deprecated && <span className="italic"> (deprecated)</span>}
        </span>
        <span className="flex flex-wrap items-center gap-1 font-mono text-[10px] opacity-80">
          {t.id}
          <Mark mark={mark} />
        </span>
      </span>
      <span aria-hidden="true" className="shrink-0 rounded bg-white/70 px-1 font-semibold tabular-nums text-slate-900 dark:bg-slate-950/60 dark:text-slate-50">
        {t.total}
      </span>
    </button>
  );
}
