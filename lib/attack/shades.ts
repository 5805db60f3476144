/**
 * Shading of matrix cells by analytic count: a few fixed, roughly logarithmic buckets so that the
 * legend reads the same whatever the filters. Each bucket has a hex colour (for Navigator layers)
 * and a class for the page (its Tailwind utilities are in app/globals.css, once, rather than on
 * every cell); the count is always printed too (never colour alone).
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
  /** Cell class on the page (background, text, border, light and dark: app/globals.css). */
  className: string;
}

export const SHADE_BUCKETS: readonly ShadeBucket[] = [
  {
    min: 0,
    max: 0,
    label: "No analytic",
    hex: "#ffffff",
    className: "dc-shade-0",
  },
  {
    min: 1,
    max: 1,
    label: "1 analytic",
    hex: "#e0e7ff",
    className: "dc-shade-1",
  },
  {
    min: 2,
    max: 4,
    label: "2–4 analytics",
    hex: "#c7d2fe",
    className: "dc-shade-2",
  },
  {
    min: 5,
    max: 14,
    label: "5–14 analytics",
    hex: "#a5b4fc",
    className: "dc-shade-3",
  },
  {
    min: 15,
    max: 49,
    label: "15–49 analytics",
    hex: "#4f46e5",
    className: "dc-shade-4",
  },
  {
    min: 50,
    max: Number.POSITIVE_INFINITY,
    label: "50 or more analytics",
    hex: "#312e81",
    className: "dc-shade-5",
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
