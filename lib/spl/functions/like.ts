/**
 * SQL-style LIKE used by `like(s, p)` and `s LIKE p` [V cmpfn, eval]: `%` matches any run of
 * characters (including none), `_` exactly one character, the rest literally; whole-string;
 * case-sensitive [U: opensearch-project/sql#4837 aligns with SPL as case-sensitive]. There is no
 * escape for `%`/`_` [U]. Linear: `%` splits the pattern into fixed-length segments placed
 * leftmost-first, which is optimal for fixed-length segments (no backtracking).
 */

type Segment = (number | null)[]; // code points; null = `_`

function segmentAt(text: number[], seg: Segment, at: number): boolean {
  if (at + seg.length > text.length) return false;
  for (let k = 0; k < seg.length; k++) {
    const c = seg[k];
    if (c !== null && c !== text[at + k]) return false;
  }
  return true;
}

function codePoints(s: string): number[] {
  const out: number[] = [];
  for (const ch of s) out.push(ch.codePointAt(0) as number);
  return out;
}

const cache = new Map<string, Segment[]>();

function compile(pattern: string): Segment[] {
  const hit = cache.get(pattern);
  if (hit) return hit;
  const segments: Segment[] = [[]];
  for (const ch of pattern) {
    if (ch === "%") segments.push([]);
    else (segments[segments.length - 1] as Segment).push(ch === "_" ? null : (ch.codePointAt(0) as number));
  }
  if (cache.size > 2048) cache.clear();
  cache.set(pattern, segments);
  return segments;
}

export function likeMatch(value: string, pattern: string): boolean {
  const segments = compile(pattern);
  const text = codePoints(value);
  const first = segments[0] as Segment;
  if (segments.length === 1) return text.length === first.length && segmentAt(text, first, 0);
  const last = segments[segments.length - 1] as Segment;
  const end = text.length - last.length;
  if (end < first.length) return false;
  if (!segmentAt(text, first, 0) || !segmentAt(text, last, end)) return false;
  let pos = first.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const seg = segments[i] as Segment;
    if (seg.length === 0) continue;
    let found = -1;
    for (let at = pos; at + seg.length <= end; at++) {
      if (segmentAt(text, seg, at)) {
        found = at;
        break;
      }
    }
    if (found < 0) return false;
    pos = found + seg.length;
  }
  return true;
}
