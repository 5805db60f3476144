/**
 * Syntax tree → JavaScript RegExp source (no `u` flag). Every PCRE meaning is spelled out:
 * `.`, `\s`, anchors and `$` never rely on JS flags; only `i` is used, and only when the whole
 * pattern is caseless (otherwise caseless parts are folded by hand). Atomic groups and possessive
 * quantifiers become `(?=(X))\N` with a synthetic capturing group.
 */
import { setMembers, type Node } from "./ast";
import { caseClose, caseVariants, DIGIT, intersects, PCRE_EXTRA_FOLD, sameSet, WORD, type Ranges } from "./charset";

export interface JsEmitOptions {
  /** The `i` flag carries case-insensitivity: caseless nodes are not folded by hand. */
  useIFlag: boolean;
  /** Capturing groups placed before the translated pattern (shifts every group number). */
  groupBase?: number;
}

export interface JsEmitted {
  source: string;
  /** PCRE group number → JS group number (index 0 unused). */
  groupMap: number[];
}

const hex = (n: number, width: number) => n.toString(16).toUpperCase().padStart(width, "0");

function unitEscape(u: number): string {
  return u <= 0xff ? `\\x${hex(u, 2)}` : `\\u${hex(u, 4)}`;
}

/** One code unit inside a class. */
function classUnit(u: number): string {
  if (u >= 0x20 && u < 0x7f) {
    const ch = String.fromCharCode(u);
    return /[\\\]\[^-]/.test(ch) ? `\\${ch}` : ch;
  }
  return unitEscape(u);
}

/** One code unit outside a class. */
function literalUnit(u: number): string {
  if (u >= 0x20 && u < 0x7f) {
    const ch = String.fromCharCode(u);
    return /[\\^$.|?*+()[\]{}/]/.test(ch) ? `\\${ch}` : ch;
  }
  return unitEscape(u);
}

export function jsClass(ranges: Ranges, neg: boolean): string {
  if (ranges.length === 0) return neg ? "[\\s\\S]" : "[]";
  if (sameSet(ranges, DIGIT)) return neg ? "\\D" : "\\d";
  if (sameSet(ranges, WORD)) return neg ? "\\W" : "\\w";
  const only = ranges[0];
  if (!neg && ranges.length === 1 && only && only[0] === only[1]) return literalUnit(only[0]);
  const body = ranges
    .map(([lo, hi]) => (lo === hi ? classUnit(lo) : hi === lo + 1 ? classUnit(lo) + classUnit(hi) : `${classUnit(lo)}-${classUnit(hi)}`))
    .join("");
  return `[${neg ? "^" : ""}${body}]`;
}

const ASSERTIONS: Record<string, string> = {
  bos: "^",
  eos: "(?![\\s\\S])",
  eosnl: "(?=\\n?(?![\\s\\S]))",
  bol: "(?:^|(?<=\\n)(?=[\\s\\S]))",
  eol: "(?=\\n|(?![\\s\\S]))",
  wordb: "\\b",
  nwordb: "\\B",
};

interface Piece {
  s: string;
  /** Can take a quantifier as is. */
  atom: boolean;
}

export function emitJs(root: Node, groupCount: number, opts: JsEmitOptions): JsEmitted {
  // Number JS groups in order of their opening parenthesis; synthetic ones open before the body.
  const jsIndex = new Map<Node, number>();
  const groupMap: number[] = new Array<number>(groupCount + 1).fill(0);
  let next = opts.groupBase ?? 0;
  const number = (n: Node): void => {
    if ((n.t === "group" && n.kind === "atomic") || (n.t === "rep" && n.possessive)) jsIndex.set(n, ++next);
    if (n.t === "group" && n.kind === "cap") {
      jsIndex.set(n, ++next);
      groupMap[n.index ?? 0] = next;
    }
    if (n.t === "seq") n.items.forEach(number);
    else if (n.t === "alt") n.alts.forEach(number);
    else if (n.t === "group" || n.t === "rep") number(n.body);
  };
  number(root);

  // With the `i` flag, fold by hand only where PCRE has case pairs JavaScript lacks (Kelvin sign).
  const fold = (ranges: Ranges): Ranges => (!opts.useIFlag || intersects(ranges, PCRE_EXTRA_FOLD) ? caseClose(ranges) : ranges);
  const atomic = (inner: string, n: Node): string => `(?=(${inner}))\\${jsIndex.get(n) ?? 0}`;

  const emit = (n: Node): Piece => {
    switch (n.t) {
      case "lit": {
        if (n.cp > 0xffff) {
          const s = String.fromCodePoint(n.cp);
          return { s: unitEscape(s.charCodeAt(0)) + unitEscape(s.charCodeAt(1)), atom: false };
        }
        if (n.ci && (!opts.useIFlag || intersects(caseVariants(n.cp), PCRE_EXTRA_FOLD))) {
          return { s: jsClass(caseVariants(n.cp), false), atom: true };
        }
        return { s: literalUnit(n.cp), atom: true };
      }
      case "set":
        return { s: jsClass(setMembers(n, fold), n.neg), atom: true };
      case "assert":
        return { s: ASSERTIONS[n.kind] ?? "", atom: false };
      case "seq":
        return { s: n.items.map((c) => wrapAlt(c)).join(""), atom: false };
      case "alt":
        return { s: n.alts.map((c) => emit(c).s).join("|"), atom: false };
      case "group": {
        const body = emit(n.body).s;
        switch (n.kind) {
          case "cap": return { s: n.name !== undefined ? `(?<${n.name}>${body})` : `(${body})`, atom: true };
          case "nocap": return { s: `(?:${body})`, atom: true };
          case "atomic": return { s: `(?:${atomic(body, n)})`, atom: true };
          case "la": return { s: `(?=${body})`, atom: true };
          case "nla": return { s: `(?!${body})`, atom: true };
          case "lb": return { s: `(?<=${body})`, atom: false };
          case "nlb": return { s: `(?<!${body})`, atom: false };
        }
        return { s: body, atom: false };
      }
      case "rep": {
        const body = emit(n.body);
        const base = body.atom ? body.s : `(?:${body.s})`;
        const q = quantifier(n.min, n.max) + (n.greedy || n.possessive ? "" : "?");
        if (n.possessive) return { s: `(?:${atomic(base + q, n)})`, atom: true };
        return { s: base + q, atom: false };
      }
      case "bref":
        return { s: `(?:\\${groupMap[n.group] ?? 0})`, atom: true };
    }
  };
  const wrapAlt = (n: Node): string => (n.t === "alt" ? `(?:${emit(n).s})` : emit(n).s);
  const source = emit(root).s;
  return { source: source === "" ? "(?:)" : source, groupMap };
}

export function quantifier(min: number, max: number): string {
  if (min === 0 && max === Infinity) return "*";
  if (min === 1 && max === Infinity) return "+";
  if (min === 0 && max === 1) return "?";
  if (max === Infinity) return `{${min},}`;
  return min === max ? `{${min}}` : `{${min},${max}}`;
}

