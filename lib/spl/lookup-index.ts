/**
 * Candidate rows for a WILDCARD lookup column without testing every pattern: each pattern is
 * filed under one trigram of its literal text (the rarest among the table's patterns); a value can
 * only match patterns filed under one of its own trigrams, or patterns too short to file (always
 * tested). The 92,000 patterns of dynamic_dns_providers_default then cost a few tests per value.
 * Candidates come back in file order; the caller tests each (lookup-match.ts).
 */
import { foldCase } from "./wildcard";

export interface WildcardIndex {
  candidates(value: string): number[];
}

const STAR = 42;

/** Trigrams of `s` (UTF-16 units, as one number each) that contain no `*`. */
function gramsOf(s: string, out: number[]): number[] {
  out.length = 0;
  for (let i = 0; i + 3 <= s.length; i++) {
    const a = s.charCodeAt(i), b = s.charCodeAt(i + 1), c = s.charCodeAt(i + 2);
    if (a === STAR || b === STAR || c === STAR) continue;
    out.push(a * 4294967296 + b * 65536 + c);
  }
  return out;
}

export function wildcardIndex(cells: readonly string[], sensitive: boolean): WildcardIndex {
  const fold = (s: string) => (sensitive ? s : s.toLowerCase().length === s.length ? s.toLowerCase() : foldCase(s));
  const folded = cells.map(fold);
  const freq = new Map<number, number>();
  const buf: number[] = [];
  for (const c of folded) for (const g of gramsOf(c, buf)) freq.set(g, (freq.get(g) ?? 0) + 1);
  const byGram = new Map<number, number[]>();
  const always: number[] = [];
  folded.forEach((c, row) => {
    if (c === "") return;
    const gs = gramsOf(c, buf);
    if (gs.length === 0) {
      always.push(row);
      return;
    }
    let best = gs[0]!;
    for (const g of gs) if (freq.get(g)! < freq.get(best)!) best = g;
    const list = byGram.get(best);
    if (list) list.push(row);
    else byGram.set(best, [row]);
  });
  const vbuf: number[] = [];
  return {
    candidates(value) {
      const seen = new Set<number>(always);
      for (const g of gramsOf(fold(value), vbuf)) for (const r of byGram.get(g) ?? []) seen.add(r);
      return [...seen].sort((a, b) => a - b);
    },
  };
}
