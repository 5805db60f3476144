/**
 * Free-text search over the catalog: case-insensitive; every term must occur (AND); a "quoted
 * phrase" is one term. Plain substring matching, so `T1021` also finds `T1021.002` and
 * `cmd.exe` finds SPL that mentions it.
 */

/** Splits the query into lower-cased terms; quotes group words; empty terms are dropped. */
export function searchTerms(q: string): string[] {
  const terms: string[] = [];
  const re = /"([^"]*)"?|(\S+)/g;
  for (const m of q.toLowerCase().matchAll(re)) {
    const term = (m[1] ?? m[2] ?? "").trim();
    if (term) terms.push(term);
  }
  return terms;
}

export function matchesTerms(haystack: string, terms: readonly string[]): boolean {
  for (const t of terms) if (!haystack.includes(t)) return false;
  return true;
}
