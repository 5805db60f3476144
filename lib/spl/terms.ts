/**
 * Bare search terms against `_raw` (spl-semantics §2.7): Splunk matches keywords and phrases by
 * segments, not substrings. The event text is broken at the default breakers of segmenters.conf
 * [V segmenters]: MAJOR `[ ] < > ( ) { } | ! ; , ' " * \n \r \s \t & ? +` and the sequences
 * `%21 %26 %2526 %3B %7C %20 %2B %3D -- %2520 %5D %5B %3A %0A %2C %28 %29`; MINOR
 * `/ : = @ . - $ # % \ _`.
 *
 * - A term matches where its text occurs in `_raw` case-insensitively, starts and ends on a segment
 *   boundary (a breaker or the edge of the text on each side, or the term itself starts / ends with
 *   a breaker), and breaks the same way there (a term containing minor breakers is a phrase of its
 *   subterms, "searches for the conjunction of the subterms and post-filters" [V caseterm]).
 *   `web` does not match `webserver`; `127.0.0.1` matches `ip=127.0.0.1:80`.
 * - `*` matches any run of characters inside one major segment (indexed terms never contain a
 *   major breaker); a leading or trailing `*` lifts that side's boundary: `win*` matches `Windows`.
 * - A quoted phrase is matched the same way, breakers included [V search, primer].
 * - `CASE(x)`: the same, case-sensitive [V caseterm].
 * - `TERM(x)`: x must be one indexed token: a whole major segment, or the part of one from its start
 *   to a minor breaker, or the part between two minor breakers [V segmenters MINOR, caseterm].
 *
 * What cannot be run faithfully is refused (a reason, never a guess): `TERM()` with a wildcard or a
 * major breaker, and a wildcard in a quoted phrase or next to a major breaker.
 */
import { foldCase } from "./wildcard";

const TOKEN = 0;
const MINOR = 1;
const MAJOR = 2;

const MAJOR_CHARS = "[]<>(){}|!;,'\"*\n\r \t&?+";
const MINOR_CHARS = "/:=@.-$#%\\_";
/** Multi-character major breakers (longest first where they share a start). */
const MAJOR_SEQUENCES = ["%2526", "%2520", "%21", "%26", "%3B", "%7C", "%20", "%2B", "%3D", "%5D", "%5B", "%3A", "%0A", "%2C", "%28", "%29", "--"];

const CLASS = new Uint8Array(128);
for (const c of MAJOR_CHARS) CLASS[c.charCodeAt(0)] = MAJOR;
for (const c of MINOR_CHARS) CLASS[c.charCodeAt(0)] = MINOR;

/** Each UTF-16 unit's class in `text`: 0 part of a token, 1 minor breaker, 2 major breaker. */
export function breakClasses(text: string): Uint8Array {
  const n = text.length;
  const out = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c < 128) out[i] = CLASS[c]!;
  }
  for (let i = text.indexOf("%"); i >= 0; i = text.indexOf("%", i + 1)) {
    for (const s of MAJOR_SEQUENCES) {
      if (s !== "--" && text.startsWith(s, i)) {
        out.fill(MAJOR, i, i + s.length);
        break;
      }
    }
  }
  for (let i = text.indexOf("--"); i >= 0; i = text.indexOf("--", i + 1)) out.fill(MAJOR, i, i + 2);
  return out;
}

/** The last few texts' classes (one event's `_raw` is tested by every analytic that reads it). */
const memoText: string[] = [];
const memoClasses: Uint8Array[] = [];
let memoNext = 0;
function classesOf(text: string): Uint8Array {
  for (let i = 0; i < memoText.length; i++) if (memoText[i] === text) return memoClasses[i]!;
  const out = breakClasses(text);
  memoText[memoNext] = text;
  memoClasses[memoNext] = out;
  memoNext = (memoNext + 1) % 4;
  return out;
}

export interface TermMatcher {
  /** The UTF-16 span of the first match in `raw`, or null. */
  find(raw: string): [number, number] | null;
}

/** A bare term as written: its text (unescaped), whether it was quoted, and its modifier. */
export interface TermSpec {
  text: string;
  quoted: boolean;
  modifier?: "case" | "term";
}

interface Piece {
  text: string;
  classes: Uint8Array;
}

/** Compile a bare term, or say why it cannot be matched faithfully. */
export function compileTerm(spec: TermSpec): TermMatcher | { unsupported: string } {
  const caseSensitive = spec.modifier === "case";
  // `a**b` is `a*b`: runs of stars are one wildcard.
  const text = (caseSensitive ? spec.text : foldCase(spec.text)).replace(/\*+/g, "*");
  const starred = text.includes("*");
  const pieces = text.split("*").map(piece);
  const hasMajor = pieces.some((p) => p.classes.includes(MAJOR));
  if (spec.modifier === "term") {
    if (starred) return { unsupported: "TERM() with a wildcard" };
    if (hasMajor) return { unsupported: "TERM() around a major breaker (it can never be one indexed term)" };
    if (text === "") return { unsupported: "an empty TERM()" };
    return new TokenMatcher(pieces[0]!, caseSensitive);
  }
  if (starred && spec.quoted) return { unsupported: "a wildcard inside a quoted phrase" };
  if (starred && hasMajor) return { unsupported: "a wildcard in a term that contains a major breaker" };
  if (text.replace(/\*/g, "") === "") return text === "" ? { unsupported: "an empty phrase" } : ANY;
  return new SegmentMatcher(pieces, caseSensitive);
}

function piece(text: string): Piece {
  return { text, classes: breakClasses(text) };
}

/** Matches any event that has text (`**`). */
const ANY: TermMatcher = { find: (raw) => (raw.length > 0 ? [0, raw.length] : null) };

/** Does `p` occur at `at` in `raw` with the same breaks as on its own? */
function aligned(raw: string, classes: Uint8Array, p: Piece, at: number): boolean {
  if (!raw.startsWith(p.text, at)) return false;
  for (let i = 0; i < p.classes.length; i++) if (classes[at + i] !== p.classes[i]) return false;
  return true;
}

const startsSegment = (classes: Uint8Array, at: number) => at === 0 || classes[at - 1] !== TOKEN || classes[at] !== TOKEN;
const endsSegment = (classes: Uint8Array, end: number) => end === classes.length || classes[end] !== TOKEN || classes[end - 1] !== TOKEN;

function nextMajor(classes: Uint8Array, from: number): number {
  for (let i = from; i < classes.length; i++) if (classes[i] === MAJOR) return i;
  return classes.length;
}

abstract class RawMatcher implements TermMatcher {
  constructor(private readonly caseSensitive: boolean) {}
  find(value: string): [number, number] | null {
    if (typeof value !== "string") return null;
    const raw = this.caseSensitive ? value : foldCase(value);
    return this.locate(raw, classesOf(raw));
  }
  protected abstract locate(raw: string, classes: Uint8Array): [number, number] | null;
}

/** A keyword or phrase, with or without `*`: segments p0 * p1 * … * pk. */
class SegmentMatcher extends RawMatcher {
  constructor(private readonly pieces: Piece[], caseSensitive: boolean) {
    super(caseSensitive);
  }

  protected locate(raw: string, classes: Uint8Array): [number, number] | null {
    const ps = this.pieces;
    if (ps.length === 1) return this.literal(raw, classes, ps[0]!);
    // The first piece with text anchors the search; a match never crosses a major breaker.
    const lead = ps[0]!.text === "";
    const first = lead ? 1 : 0;
    const anchor = ps[first]!;
    const anchorLast = first === ps.length - 1;
    for (let at = raw.indexOf(anchor.text); at >= 0; at = raw.indexOf(anchor.text, at + 1)) {
      if (!aligned(raw, classes, anchor, at) || (!lead && !startsSegment(classes, at))) continue;
      const after = at + anchor.text.length;
      if (anchorLast) {
        // `*x`: only the end is bounded.
        if (endsSegment(classes, after)) return [segmentStart(classes, at), after];
        continue;
      }
      const segEnd = nextMajor(classes, after);
      const end = this.rest(raw, classes, after, first + 1, segEnd);
      if (end !== null) return [lead ? segmentStart(classes, at) : at, end];
      // What follows the anchor starts with `*`: a later start in the same segment leaves less
      // room for the same pieces, so the next chance is in the next segment.
      at = Math.max(at, segEnd);
    }
    return null;
  }

  /** Match pieces[i…] after a `*`, from `pos`, before `segEnd`; the end of the match or null. */
  private rest(raw: string, classes: Uint8Array, pos: number, i: number, segEnd: number): number | null {
    const ps = this.pieces;
    for (; i < ps.length - 1; i++) {
      const p = ps[i]!;
      let at = raw.indexOf(p.text, pos);
      while (at >= 0 && at + p.text.length <= segEnd && !aligned(raw, classes, p, at)) at = raw.indexOf(p.text, at + 1);
      if (at < 0 || at + p.text.length > segEnd) return null;
      pos = at + p.text.length;
    }
    const last = ps[ps.length - 1]!;
    if (last.text === "") return segEnd;
    for (let at = raw.indexOf(last.text, pos); at >= 0 && at + last.text.length <= segEnd; at = raw.indexOf(last.text, at + 1)) {
      if (aligned(raw, classes, last, at) && endsSegment(classes, at + last.text.length)) return at + last.text.length;
    }
    return null;
  }

  private literal(raw: string, classes: Uint8Array, p: Piece): [number, number] | null {
    const n = p.text.length;
    for (let at = raw.indexOf(p.text); at >= 0; at = raw.indexOf(p.text, at + 1)) {
      if (aligned(raw, classes, p, at) && startsSegment(classes, at) && endsSegment(classes, at + n)) return [at, at + n];
    }
    return null;
  }
}

function segmentStart(classes: Uint8Array, at: number): number {
  let s = at;
  while (s > 0 && classes[s - 1] !== MAJOR) s--;
  return s;
}

/** TERM(x): x is one indexed token of the text. */
class TokenMatcher extends RawMatcher {
  private readonly breaks: boolean;
  constructor(private readonly token: Piece, caseSensitive: boolean) {
    super(caseSensitive);
    this.breaks = token.classes.some((c) => c !== TOKEN);
  }

  protected locate(raw: string, classes: Uint8Array): [number, number] | null {
    const p = this.token;
    const n = p.text.length;
    for (let at = raw.indexOf(p.text); at >= 0; at = raw.indexOf(p.text, at + 1)) {
      if (!aligned(raw, classes, p, at)) continue;
      const end = at + n;
      if (end !== raw.length && classes[end] === TOKEN) continue;
      // A major segment and its prefixes start after a major breaker; a piece between minor
      // breakers starts after a minor one and holds no breaker itself.
      const before = at === 0 ? MAJOR : classes[at - 1]!;
      if (before === MAJOR || (before === MINOR && !this.breaks)) return [at, end];
    }
    return null;
  }
}
