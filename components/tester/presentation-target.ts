/**
 * Which section a presentation link points at: the last section heading at or above the top of
 * the view (a heading up to OFFSET px below the top counts as reached, the page's header is there).
 * Pure, so it is tested without a browser.
 */
export const OFFSET = 120;

export function sectionAt(headings: { id: string; top: number }[], offset = OFFSET): string | undefined {
  let id: string | undefined;
  for (const h of headings) {
    if (h.top > offset) break;
    id = h.id;
  }
  return id;
}

/** A `#t=…` hash is a test's permalink (lib/tester/permalink): presentation never overwrites it. */
export function isPermalinkHash(hash: string): boolean {
  return /(^#?|&)t=/.test(hash);
}
