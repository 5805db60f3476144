/**
 * Syntax tree → RE2 syntax for re2js, for patterns RE2 can run exactly: no lookaround,
 * backreferences, atomic groups, possessive quantifiers or multiline `^`, and counts up to 1000.
 * Case-insensitivity is folded by hand with the same folding the JS emitter uses, so both engines
 * accept the same characters.
 *
 * PCRE's non-multiline `$` (end, or before a final newline) has no RE2 form. It is run with a
 * "sentinel": the caller replaces every newline except a final one by a private-use character
 * absent from the input, and here `$` becomes RE2's multiline `$` while every atom that matches a
 * newline also matches the sentinel (and no atom matches the sentinel otherwise). Offsets are
 * unchanged because the sentinel is one code unit.
 */
import { setMembers, type Node } from "./ast";
import { caseClose, caseVariants, complement, has, union, type Ranges } from "./charset";
import { quantifier } from "./emit-js";

export const RE2_MAX_REPEAT = 1000;

/** Why RE2 cannot run this tree exactly, or null when it can. */
export function re2Obstacle(root: Node): string | null {
  let eosnl = false;
  let eol = false;
  let obstacle: string | null = null;
  const visit = (n: Node): void => {
    if (obstacle) return;
    switch (n.t) {
      case "assert":
        if (n.kind === "bol") obstacle = "multiline ^";
        if (n.kind === "eosnl") eosnl = true;
        if (n.kind === "eol") eol = true;
        return;
      case "bref": obstacle = "backreference"; return;
      case "group":
        if (n.kind !== "cap" && n.kind !== "nocap") obstacle = n.kind === "atomic" ? "atomic group" : "lookaround";
        visit(n.body);
        return;
      case "rep":
        if (n.possessive) obstacle = "possessive quantifier";
        if (n.min > RE2_MAX_REPEAT || (n.max !== Infinity && n.max > RE2_MAX_REPEAT)) obstacle = "repeat count above 1000";
        visit(n.body);
        return;
      case "seq": n.items.forEach(visit); return;
      case "alt": n.alts.forEach(visit); return;
      default: return;
    }
  };
  visit(root);
  if (!obstacle && eosnl && eol) obstacle = "both multiline and non-multiline $";
  return obstacle;
}

/** Does the tree use PCRE's non-multiline `$`/`\Z` (so the sentinel is needed)? */
export function needsSentinel(root: Node): boolean {
  let found = false;
  const visit = (n: Node): void => {
    if (found) return;
    if (n.t === "assert" && n.kind === "eosnl") found = true;
    else if (n.t === "seq") n.items.forEach(visit);
    else if (n.t === "alt") n.alts.forEach(visit);
    else if (n.t === "group" || n.t === "rep") visit(n.body);
  };
  visit(root);
  return found;
}

const hex = (n: number) => n.toString(16).toUpperCase();
const unit = (u: number) => (/[0-9A-Za-z]/.test(String.fromCharCode(u)) && u < 0x80 ? String.fromCharCode(u) : `\\x{${hex(u)}}`);

function re2Class(ranges: Ranges, neg: boolean): string {
  if (ranges.length === 0) return neg ? "[\\x{0}-\\x{10FFFF}]" : "[^\\x{0}-\\x{10FFFF}]";
  const body = ranges.map(([lo, hi]) => (lo === hi ? unit(lo) : `${unit(lo)}-${unit(hi)}`)).join("");
  return `[${neg ? "^" : ""}${body}]`;
}

/** `sentinel`: the private-use code unit standing for inner newlines, when needsSentinel. */
export function emitRe2(root: Node, sentinel?: number): string {
  const adjust = (ranges: Ranges, neg: boolean): Ranges => {
    if (sentinel === undefined) return ranges;
    const newlineMatches = has(ranges, 10) !== neg;
    const withS = union(ranges, [[sentinel, sentinel]]);
    const withoutS = complement(union(complement(ranges), [[sentinel, sentinel]]));
    // The sentinel must be matched exactly when a newline is.
    return newlineMatches !== neg ? withS : withoutS;
  };
  const set = (ranges: Ranges, neg: boolean) => re2Class(adjust(ranges, neg), neg);
  const emit = (n: Node): string => {
    switch (n.t) {
      case "lit": {
        if (n.cp > 0xffff) return `\\x{${hex(n.cp)}}`;
        const variants = n.ci ? caseVariants(n.cp) : ([[n.cp, n.cp]] as Ranges);
        const adjusted = adjust(variants, false);
        const only = adjusted[0];
        return adjusted.length === 1 && only && only[0] === only[1] ? unit(only[0]) : re2Class(adjusted, false);
      }
      case "set": return set(setMembers(n, caseClose), n.neg);
      case "assert":
        switch (n.kind) {
          case "bos": return "\\A";
          case "eos": return "\\z";
          case "eosnl": case "eol": return "(?m:$)";
          case "wordb": return "\\b";
          case "nwordb": return "\\B";
          default: return "";
        }
      case "seq": return n.items.map((c) => (c.t === "alt" ? `(?:${emit(c)})` : emit(c))).join("");
      case "alt": return n.alts.map(emit).join("|");
      case "group": {
        const body = emit(n.body);
        if (n.kind === "cap") return n.name !== undefined ? `(?P<${n.name}>${body})` : `(${body})`;
        return `(?:${body})`;
      }
      case "rep": return `(?:${emit(n.body)})${quantifier(n.min, n.max)}${n.greedy ? "" : "?"}`;
      case "bref": return "";
    }
  };
  return emit(root);
}
