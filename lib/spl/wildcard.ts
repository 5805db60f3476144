/**
 * Search-language value matching (`field=value`, `field IN (…)`): the whole value must match, `*`
 * matches any run of characters including none, case-insensitive unless asked otherwise
 * [V search, usefields, wild]. No other metacharacters: the engine has already undone the SPL
 * escapes, and `\*` is a literal backslash followed by a wildcard [V bslash].
 *
 * Linear-time: the pattern is split at `*` into literal segments matched greedily left to right
 * (first segment anchored at the start, last at the end), so `*a*a*a*…` cannot backtrack.
 */

export interface CompiledValuePattern {
  /** The pattern as given. */
  readonly pattern: string;
  readonly caseSensitive: boolean;
  /** True when the pattern has no `*` (a plain equality test). */
  readonly literal: boolean;
  /** The pattern case-folded (foldCase), or as given when case-sensitive. */
  readonly folded: string;
  test(value: string): boolean;
  /**
   * On a match, the UTF-16 span of `value` from the start of the first literal segment to the end of
   * the last one (the whole value when the pattern is only `*`s); null when it does not match.
   */
  matchSpan(value: string): [number, number] | null;
}

// One event's field values are folded once, not once per analytic that tests them: a small
// memo of the most recent long inputs (a command line tested by hundreds of analytics).
const MEMO_SIZE = 8;
const memoIn: string[] = [];
const memoOut: string[] = [];
let memoNext = 0;

/** Lower-case `s` without changing its length (characters whose lower case is longer stay as is). */
export function foldCase(s: string): string {
  if (s.length < 24) return foldCaseUncached(s);
  for (let i = 0; i < memoIn.length; i++) if (memoIn[i] === s) return memoOut[i]!;
  const out = foldCaseUncached(s);
  memoIn[memoNext] = s;
  memoOut[memoNext] = out;
  memoNext = (memoNext + 1) % MEMO_SIZE;
  return out;
}

function foldCaseUncached(s: string): string {
  const lower = s.toLowerCase();
  if (lower.length === s.length) return lower;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charAt(i);
    const l = c.toLowerCase();
    out += l.length === 1 ? l : c;
  }
  return out;
}

class ValuePattern implements CompiledValuePattern {
  readonly literal: boolean;
  readonly folded: string;
  private readonly first: string;
  private readonly last: string;
  private readonly middles: string[];
  private readonly minLength: number;

  constructor(
    readonly pattern: string,
    readonly caseSensitive: boolean,
  ) {
    const folded = caseSensitive ? pattern : foldCase(pattern);
    this.folded = folded;
    const segments = folded.split("*");
    this.literal = segments.length === 1;
    this.first = segments[0] ?? "";
    this.last = this.literal ? "" : (segments[segments.length - 1] ?? "");
    this.middles = segments.slice(1, -1).filter((s) => s.length > 0);
    this.minLength = segments.reduce((n, s) => n + s.length, 0);
  }

  test(value: string): boolean {
    return this.locate(value) !== null;
  }

  matchSpan(value: string): [number, number] | null {
    return this.locate(value);
  }

  private locate(value: string): [number, number] | null {
    if (typeof value !== "string") return null;
    // Folding keeps the length, so a length that cannot match is rejected before folding.
    if (this.literal ? value.length !== this.first.length : value.length < this.minLength) return null;
    const v = this.caseSensitive ? value : foldCase(value);
    if (this.literal) return v === this.first ? [0, v.length] : null;
    if (!v.startsWith(this.first) || !v.endsWith(this.last)) return null;
    const end = v.length - this.last.length;
    let pos = this.first.length;
    let spanStart = this.first.length > 0 ? 0 : -1;
    let spanEnd = this.first.length;
    for (const mid of this.middles) {
      const idx = v.indexOf(mid, pos);
      if (idx < 0 || idx + mid.length > end) return null;
      if (spanStart < 0) spanStart = idx;
      pos = idx + mid.length;
      spanEnd = pos;
    }
    if (this.last.length > 0) {
      if (spanStart < 0) spanStart = end;
      spanEnd = v.length;
    }
    if (spanStart < 0) return [0, v.length];
    return [spanStart, spanEnd];
  }
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, CompiledValuePattern>();

/** Compile (or fetch from the cache) a search-language value pattern. */
export function compileSearchValue(pattern: string, opts?: { caseSensitive?: boolean }): CompiledValuePattern {
  const caseSensitive = opts?.caseSensitive === true;
  const key = (caseSensitive ? "s:" : "i:") + pattern;
  const hit = cache.get(key);
  if (hit) return hit;
  const compiled = new ValuePattern(String(pattern), caseSensitive);
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(key, compiled);
  return compiled;
}

/** Compile without the shared cache (lookup tables hold tens of thousands of patterns). */
export function compileSearchValueUncached(pattern: string, opts?: { caseSensitive?: boolean }): CompiledValuePattern {
  return new ValuePattern(String(pattern), opts?.caseSensitive === true);
}

/** One-shot convenience: does `value` match the search-language `pattern`? */
export function matchSearchValue(pattern: string, value: string, opts?: { caseSensitive?: boolean }): boolean {
  return compileSearchValue(pattern, opts).test(value);
}

/** True when the pattern contains a `*` wildcard. */
export function hasWildcard(pattern: string): boolean {
  return pattern.includes("*");
}
