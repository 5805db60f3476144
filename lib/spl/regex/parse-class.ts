/**
 * PCRE2 character classes `[...]`: a `]` first is literal, POSIX `[:name:]` / `[:^name:]`,
 * `\Q...\E` inside, ranges (an escape like `\d` next to `-` forming a range is a PCRE2 error),
 * and caseless POSIX upper/lower widening to alpha.
 */
import type { Node } from "./ast";
import { complement, normalize, posixClass, type Range, type Ranges } from "./charset";
import { readEscape } from "./escape";

export type ClassResult = { node: Node; end: number } | { reason: string; offset: number };

type Item = { k: "char"; cp: number; at: number } | { k: "set"; ranges: Ranges; at: number };

/** `pos` indexes the opening `[`. */
export function parseClass(src: string, pos: number, ci: boolean, groupsSoFar: number): ClassResult {
  const open = pos;
  let i = pos + 1;
  let neg = false;
  if (src[i] === "^") {
    neg = true;
    i++;
  }
  const members: Range[] = [];
  const fixed: Range[] = [];
  let first = true;
  const pending: Item[] = [];
  const fail = (reason: string, offset: number): ClassResult => ({ reason, offset });

  // Reads one class item (character or set); returns null at the closing bracket.
  const readItem = (): Item | "close" | "skip" | { reason: string; offset: number } => {
    const c = src[i];
    if (c === undefined) return { reason: "missing terminating ] for character class", offset: open };
    const at = i;
    if (c === "]" && !first) {
      i++;
      return "close";
    }
    first = false;
    if (c === "[") {
      const posix = /^\[([:.=])(\^?)([A-Za-z<>]*)\1\]/.exec(src.slice(i));
      if (posix) {
        if (posix[1] !== ":") return { reason: "POSIX collating elements are not supported", offset: at };
        const name = posix[3] ?? "";
        if (name === "<" || name === ">") return { reason: "PCRE word-boundary classes [[:<:]] and [[:>:]] are not supported", offset: at };
        const ranges = posixClass(name, ci);
        if (!ranges) return { reason: "unknown POSIX class name", offset: at };
        i += posix[0].length;
        return { k: "set", ranges: posix[2] ? complement(ranges) : ranges, at };
      }
    }
    if (c === "\\") {
      const { esc, end } = readEscape(src, i + 1, true, groupsSoFar);
      i = end;
      switch (esc.k) {
        case "error": return { reason: esc.reason, offset: at };
        case "char": return { k: "char", cp: esc.cp, at };
        case "set": return { k: "set", ranges: esc.neg ? complement(esc.ranges) : esc.ranges, at };
        case "endquote": return "skip";
        case "quote": {
          const close = src.indexOf("\\E", i);
          const text = src.slice(i, close < 0 ? undefined : close);
          i = close < 0 ? src.length : close + 2;
          for (const ch of text) pending.push({ k: "char", cp: ch.codePointAt(0) ?? 0, at });
          return "skip";
        }
        default: return { reason: "escape sequence is invalid in character class", offset: at };
      }
    }
    const cp = src.codePointAt(i) ?? 0;
    i += cp > 0xffff ? 2 : 1;
    return { k: "char", cp, at };
  };

  const next = (): ReturnType<typeof readItem> => {
    const queued = pending.shift();
    return queued ?? readItem();
  };

  for (;;) {
    const item = next();
    if (item === "close") break;
    if (item === "skip") continue;
    if ("reason" in item) return item;
    // A range needs "-" followed by something other than the closing bracket.
    const isRange = pending.length === 0 && src[i] === "-" && src[i + 1] !== undefined && src[i + 1] !== "]";
    if (!isRange) {
      if (item.k === "set") fixed.push(...item.ranges);
      else if (item.cp > 0xffff) return fail("a character outside the BMP inside a class is not supported", item.at);
      else members.push([item.cp, item.cp]);
      continue;
    }
    i++; // the "-"
    const hi = next();
    if (hi === "close" || hi === "skip") return fail("invalid range in character class", item.at);
    if ("reason" in hi) return hi;
    if (item.k === "set" || hi.k === "set") return fail("invalid range in character class", hi.at);
    if (hi.cp < item.cp) return fail("range out of order in character class", hi.at);
    if (hi.cp > 0xffff) return fail("a character outside the BMP inside a class is not supported", hi.at);
    members.push([item.cp, hi.cp]);
  }
  const node: Node = { t: "set", ranges: normalize(members), neg, ci };
  if (fixed.length) node.fixed = normalize(fixed);
  return { node, end: i };
}
