import { test } from "node:test";
import assert from "node:assert/strict";

/**
 * The console sets text in two weights: normal and semibold. Each other weight is one more face
 * the browser looks up, and one more strike per size, during a page's first layout; on Linux each
 * is a blocking round trip to the browser process, and a 500 renders as 400 there anyway.
 */
const OTHER_WEIGHT = /\bfont-(thin|extralight|light|medium|bold|extrabold|black)\b|font-?weight\s*:(?!\s*(?:400|600|normal|inherit)\b)/i;

test("shipped code and the stylesheet use only the normal and semibold weights", async () => {
  const { shippedLinesMatching, NEVER_RENDERED } = await import("../../scripts/import-graph");
  assert.deepEqual(shippedLinesMatching(OTHER_WEIGHT, NEVER_RENDERED), []);
});

test("the check itself: other weights flagged, normal and semibold not", () => {
  for (const s of ["font-medium", "hover:font-bold", "font-light", "font-weight: 500", "fontWeight: 700"]) assert.ok(OTHER_WEIGHT.test(s), s);
  for (const s of ["font-semibold", "font-normal", "font-mono", "font-sans", "font-weight: 600", "font-weight:400"]) assert.ok(!OTHER_WEIGHT.test(s), s);
});
