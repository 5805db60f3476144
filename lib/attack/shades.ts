/**
 * Shading of matrix cells by analytic count: a few fixed, roughly logarithmic buckets so that the
 * legend reads the same whatever the filters. Each bucket has a hex colour (for Navigator layers)
 * and Tailwind classes (for the page); the count is always printed too (never colour alone).
 */

export interface ShadeBucket {
  /** Smallest count in the bucket. */
  min: number;
  /** Largest count in the bucket (Infinity for the last one). */
  max: number;
  /** Legend text, e.g. `2–4 analytics`. */
  label: string;
  /** Background for Navigator layers and legends. */
  hex: string;
  /** Cell classes on the page (background, text, border), light and dark. */
  className: string;
}

export const SHADE_BUCKETS: readonly ShadeBucket[] = [
  {
    min: 0,
    max: 0,
    label: "No analytic",
    hex: "#ffffff",
    className: "bg-white text-slate-700 border-slate-200 dark:bg-slate-900 dark:text-slate-300 dark:border-slate-700",
  },
  {
    min: 1,
    max: 1,
    label: "1 analytic",
    hex: "#e0e7ff",
    className: "bg-indigo-100 text-indigo-950 border-indigo-200 dark:bg-indigo-950 dark:text-indigo-100 dark:border-indigo-800",
  },
  {
    min: 2,
    max: 4,
    label: "2–4 analytics",
    hex: "#c7d2fe",
    className: "bg-indigo-200 text-indigo-950 border-indigo-300 dark:bg-indigo-900 dark:text-indigo-50 dark:border-indigo-700",
  },
  {
    min: 5,
    max: 14,
    label: "5–14 analytics",
    hex: "#a5b4fc",
    className: "bg-indigo-300 text-indigo-950 border-indigo-400 dark:bg-indigo-800 dark:text-white dark:border-indigo-600",
  },
  {
    min: 15,
    max: 49,
    label: "15–49 analytics",
    hex: "#4f46e5",
    className: "bg-indigo-600 text-white border-indigo-700 dark:bg-indigo-600 dark:text-white dark:border-indigo-400",
  },
  {
    min: 50,
    max: Number.POSITIVE_INFINITY,
    label: "50 or more analytics",
    hex: "#312e81",
    className: "bg-indigo-900 text-white border-indigo-950 dark:bg-indigo-400 dark:text-indigo-950 dark:border-indigo-200",
  },
];

/** Index into SHADE_BUCKETS for a count; negative or non-finite counts shade as 0. */
export function shadeIndex(count: number): number {
  if (!Number.isFinite(count) || count <= 0) return 0;
  const i = SHADE_BUCKETS.findIndex((b) => count >= b.min && count <= b.max);
  return i === -1 ? SHADE_BUCKETS.length - 1 : i;
}

export function shadeFor(count: number): ShadeBucket {
  return SHADE_BUCKETS[shadeIndex(count)]!;
}
