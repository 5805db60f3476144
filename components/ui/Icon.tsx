/**
 * Small line icons drawn as SVG, for the marks no common system font has. A text glyph such as a
 * tick or a warning sign sends the browser through every installed font for one that has it (on
 * Linux a round trip to the browser process per glyph and font), in the page's first layout.
 * Glyphs the UI writes as text stay within WGL4, which every system font covers (glyphs.test.ts).
 *
 * Adding an icon is a line in `PATHS`: strokes on a 16 × 16 grid, drawn in the text colour.
 */
const PATHS = {
  check: "M3 8.5l3.5 3.5L13 4.5",
  cross: "M4 4l8 8M12 4l-8 8",
  /** The empty set: a null value. */
  empty: "M8 3a5 5 0 1 0 0.01 0M12.5 2.5l-9 11",
  warning: "M8 2L14.5 13.5h-13zM8 6.5v3.5M8 11.75v0.5",
  info: "M8 1.75a6.25 6.25 0 1 0 0.01 0M8 7v4.5M8 4.75v0.5",
  /** Opens elsewhere (a new tab, another site). */
  external: "M6.5 3H3v10h10V9.5M9 2.5h4.5V7M13.5 2.5L7 9",
  /** Input cut short. */
  cut: "M2 8h4M10 8h4M7 4.5l2 7M9 4.5l-2 7",
} as const;

export type IconName = keyof typeof PATHS;

/** An icon the size of the surrounding text, hidden from assistive technology: the words beside it carry the meaning. */
export function Icon({ name, className = "" }: { name: IconName; className?: string }) {
  return (
    <svg
      aria-hidden="true"
      viewBox="0 0 16 16"
      className={className ? `dc-icon ${className}` : "dc-icon"}
    >
      <path d={PATHS[name]} />
    </svg>
  );
}
