"use client";
import type { TechniqueCoverage } from "@/lib/attack/coverage";
import { SHADE_BUCKETS } from "@/lib/attack/shades";
import { formatCount } from "@/lib/detection/numbers";
import { Icon } from "@/components/ui/Icon";

/** How an imported layer marks a technique: in the layer with no analytic (gap), or in it and covered. */
export type LayerMark = "gap" | "covered";

/**
 * What a screen reader hears after the visible count: the noun, the count on the technique itself
 * when sub-techniques add to it, and the imported layer's mark. The cell's name is its own text
 * ("SMB/Windows Admin Shares T1021.002 with 1 analytic"), so it always contains what is shown (axe label-content-name-mismatch).
 */
export function cellSuffix(t: TechniqueCoverage, mark?: LayerMark): string {
  const own = t.analytics.length;
  const n = t.total;
  let s = ` ${n === 1 ? "analytic" : "analytics"}`;
  if (t.subtechniques.length > 0 && n !== own) s += ` (${formatCount(own)} on the technique itself)`;
  if (mark === "gap") s += ", gap: in the imported layer with no analytic";
  if (mark === "covered") s += ", in the imported layer";
  return s;
}

/** The tag an imported layer puts on a cell (and the legend shows): "gap", or a checked "layer". */
export function LayerTag({ mark }: { mark?: LayerMark }) {
  if (mark === "gap")
    return (
      <span aria-hidden="true" className="rounded bg-red-700 px-1 text-[10px] font-semibold uppercase leading-4 tracking-wide text-white">
        gap
      </span>
    );
  if (mark === "covered")
    return (
      <span aria-hidden="true" className="rounded bg-emerald-700 px-1 text-[10px] font-semibold uppercase leading-4 tracking-wide text-white">
        <Icon name="check" className="mr-0.5" />
        layer
      </span>
    );
  return null;
}

/**
 * One technique (or sub-technique) as a button: name, id, the count printed (never colour alone),
 * shaded by count; an imported layer adds a "gap" or a checked "layer" tag and an outline.
 */
export function TechniqueCell({
  t,
  col,
  selected,
  mark,
  onSelect,
}: {
  t: TechniqueCoverage;
  col: number;
  selected: boolean;
  mark?: LayerMark;
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
      onClick={() => onSelect(t.id)}
      className={["dc-cell", shade.className, ring, selected && "ring-3 ring-inset ring-amber-500 dark:ring-amber-400"].filter(Boolean).join(" ")}
    >
      <span className="dc-cell-body">
        <span className="dc-cell-name">
          {t.name}
          {t.deprecated && <span className="italic"> (deprecated)</span>}
        </span>{" "}
        <span className="dc-cell-id">
          {t.id}
          <span className="sr-only"> with</span>
          <LayerTag mark={mark} />
        </span>
      </span>{" "}
      <span className="dc-cell-n">
        {formatCount(t.total)}
        <span className="sr-only">{cellSuffix(t, mark)}</span>
      </span>
    </button>
  );
}
