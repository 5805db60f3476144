/**
 * Character sets over UTF-16 code units (0..0xFFFF) as sorted, merged, inclusive ranges, plus the
 * PCRE class definitions the translator needs (ASCII `\d \s \w`, `\h \v`, POSIX classes) and case
 * folding: JavaScript's non-`u` `i` folding (ECMA-262 Canonicalize) plus the few pairs PCRE2 adds.
 */
export type Range = readonly [number, number];
export type Ranges = readonly Range[];

export const MAX_UNIT = 0xffff;

export function normalize(input: readonly Range[]): Ranges {
  const sorted = [...input].filter((r) => r[0] <= r[1]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last && lo <= last[1] + 1) last[1] = Math.max(last[1], hi);
    else out.push([lo, hi]);
  }
  return out;
}

export const union = (...sets: Ranges[]): Ranges => normalize(sets.flat());

export function complement(set: Ranges): Ranges {
  const out: [number, number][] = [];
  let next = 0;
  for (const [lo, hi] of set) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_UNIT) out.push([next, MAX_UNIT]);
  return out;
}

export function has(set: Ranges, unit: number): boolean {
  return set.some(([lo, hi]) => unit >= lo && unit <= hi);
}

export function sameSet(a: Ranges, b: Ranges): boolean {
  return a.length === b.length && a.every((r, i) => r[0] === b[i]?.[0] && r[1] === b[i]?.[1]);
}

export function size(set: Ranges): number {
  return set.reduce((n, [lo, hi]) => n + hi - lo + 1, 0);
}

export function intersects(a: Ranges, b: Ranges): boolean {
  return a.some(([lo, hi]) => b.some(([l2, h2]) => lo <= h2 && l2 <= hi));
}

const chars = (s: string): Ranges => normalize([...s].map((c) => [c.charCodeAt(0), c.charCodeAt(0)] as const));

/** PCRE2 without UCP: ASCII only. `\s` is HT LF VT FF CR and space (PCRE2 includes VT). */
export const DIGIT: Ranges = [[0x30, 0x39]];
export const WORD: Ranges = normalize([[0x30, 0x39], [0x41, 0x5a], [0x5f, 0x5f], [0x61, 0x7a]]);
export const SPACE: Ranges = normalize([[0x09, 0x0d], [0x20, 0x20]]);
/** PCRE2 `\h` (UTF mode): horizontal white space, Unicode list from the PCRE2 pattern docs. */
export const HSPACE: Ranges = normalize([
  [0x09, 0x09], [0x20, 0x20], [0xa0, 0xa0], [0x1680, 0x1680], [0x180e, 0x180e],
  [0x2000, 0x200a], [0x202f, 0x202f], [0x205f, 0x205f], [0x3000, 0x3000],
]);
/** PCRE2 `\v`: vertical white space LF VT FF CR NEL LS PS. */
export const VSPACE: Ranges = normalize([[0x0a, 0x0d], [0x85, 0x85], [0x2028, 0x2029]]);
export const NEWLINE: Ranges = [[0x0a, 0x0a]];

const UPPER: Ranges = [[0x41, 0x5a]];
const LOWER: Ranges = [[0x61, 0x7a]];
const ALPHA = union(UPPER, LOWER);
const PUNCT = normalize([[0x21, 0x2f], [0x3a, 0x40], [0x5b, 0x60], [0x7b, 0x7e]]);

/** POSIX classes as PCRE2 defines them without UCP (ASCII). `upper`/`lower` widen to `alpha`
 * under caseless matching (pcre2_compile does this); the caller passes `caseless`. */
export function posixClass(name: string, caseless: boolean): Ranges | null {
  switch (name) {
    case "alpha": return ALPHA;
    case "digit": return DIGIT;
    case "alnum": return union(ALPHA, DIGIT);
    case "upper": return caseless ? ALPHA : UPPER;
    case "lower": return caseless ? ALPHA : LOWER;
    case "space": return SPACE;
    case "blank": return chars(" \t");
    case "punct": return PUNCT;
    case "print": return [[0x20, 0x7e]];
    case "graph": return [[0x21, 0x7e]];
    case "cntrl": return normalize([[0x00, 0x1f], [0x7f, 0x7f]]);
    case "xdigit": return normalize([[0x30, 0x39], [0x41, 0x46], [0x61, 0x66]]);
    case "word": return WORD;
    case "ascii": return [[0x00, 0x7f]];
    default: return null;
  }
}

/** ECMA-262 Canonicalize for non-unicode, ignoreCase patterns. */
function canonicalize(unit: number): number {
  const upper = String.fromCharCode(unit).toUpperCase();
  if (upper.length !== 1) return unit;
  const cu = upper.charCodeAt(0);
  return unit >= 128 && cu < 128 ? unit : cu;
}

let foldTable: { canon: Uint16Array; members: Map<number, number[]> } | null = null;

function folds() {
  if (foldTable) return foldTable;
  const canon = new Uint16Array(MAX_UNIT + 1);
  const groups = new Map<number, number[]>();
  for (let u = 0; u <= MAX_UNIT; u++) {
    const c = canonicalize(u);
    canon[u] = c;
    const g = groups.get(c);
    if (g) g.push(u);
    else groups.set(c, [u]);
  }
  const members = new Map<number, number[]>();
  for (const [c, g] of groups) if (g.length > 1) members.set(c, g);
  foldTable = { canon, members };
  return foldTable;
}

/** Every code unit that a JS non-`u` `i` RegExp treats as equal to some member of `set`. */
export function jsClose(set: Ranges): Ranges {
  const { canon, members } = folds();
  const extra: Range[] = [];
  for (const [lo, hi] of set) {
    for (let u = lo; u <= hi; u++) {
      const g = members.get(canon[u] ?? u);
      if (g) for (const m of g) extra.push([m, m]);
    }
  }
  return extra.length ? union(set, extra) : set;
}

/**
 * Case pairs PCRE2 (UTF mode, Unicode simple case folding) has and JavaScript's non-`u`
 * canonicalization lacks, e.g. KELVIN SIGN ~ k, LATIN SMALL LONG S ~ s (found by comparing a
 * `ui` RegExp with a non-`u` one over the BMP).
 */
const PCRE_EXTRA_PAIRS: [number, number][] = [
  [0x212a, 0x6b], [0x17f, 0x73], [0x212b, 0xe5], [0x1e9e, 0xdf], [0x3f4, 0x3b8], [0x2126, 0x3c9],
  [0x1fbc, 0x1fb3], [0x1fcc, 0x1fc3], [0x1ffc, 0x1ff3],
  ...Array.from({ length: 8 }, (_, k) => [[0x1f88 + k, 0x1f80 + k], [0x1f98 + k, 0x1f90 + k], [0x1fa8 + k, 0x1fa0 + k]] as [number, number][]).flat(),
];

/** Code units whose PCRE case partners JavaScript's `i` flag would miss. */
export const PCRE_EXTRA_FOLD: Ranges = normalize(PCRE_EXTRA_PAIRS.flatMap(([a, b]) => [[a, a], [b, b]] as Range[]));

/** PCRE2 caseless closure of `set` (literal characters and ranges; not `\w`-style escapes). */
export function caseClose(set: Ranges): Ranges {
  let out = jsClose(set);
  for (const [a, b] of PCRE_EXTRA_PAIRS) {
    if (has(out, a) || has(out, b)) out = union(out, jsClose([[a, a], [b, b]]));
  }
  return out;
}

/** Case variants of one code point (itself included); astral code points fold to themselves. */
export function caseVariants(cp: number): Ranges {
  return cp > MAX_UNIT ? [[cp, cp]] : caseClose([[cp, cp]]);
}
