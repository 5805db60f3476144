import { test } from "node:test";
import assert from "node:assert/strict";

/**
 * Characters a page may write as text: Latin, Greek and Cyrillic letters, and the WGL4 punctuation,
 * arrows, maths and shapes, which every common system font has. Any other glyph makes the browser
 * search the installed fonts for one that has it during the first layout (on Linux, a round trip to
 * the browser process per glyph and font); such marks are SVG icons (components/ui/Icon.tsx).
 */
const WGL4_SYMBOLS = "‐–—‘’‚“”„†‡•…‰‹›€™←↑→↓↔↕−∕√∞≈≠≡≤≥■□▪▫▬▲►▼◄◊○●◦";
const OUTSIDE = new RegExp(`[^\\u0000-\\u017F\\u0370-\\u03FF\\u0400-\\u045F${WGL4_SYMBOLS}]`, "u");

test("shipped code writes no glyph outside WGL4 (icons are SVG)", async () => {
  const { shippedLinesMatching, NEVER_RENDERED } = await import("../../scripts/import-graph");
  assert.deepEqual(shippedLinesMatching(OUTSIDE, NEVER_RENDERED), []);
});

test("the check itself: outside WGL4 flagged, WGL4 and letters not", () => {
  for (const c of ["✔", "✘", "⚠", "ℹ", "↗", "▸", "▾", "\u{FE0F}", "∅", "✂"]) assert.ok(OUTSIDE.test(c), c);
  for (const c of ["→", "…", "—", "·", "×", "§", "►", "▼", "●", "○", "□", "■", "≡", "é", "с", "≤"]) assert.ok(!OUTSIDE.test(c), c);
});
