/**
 * The syntax tree a PCRE pattern is parsed into. Every construct is already resolved to explicit
 * PCRE semantics (flags applied per node), so emitters for JavaScript and RE2 need no PCRE rules.
 */
import { union, type Ranges } from "./charset";

export type Assertion =
  | "bos" // \A, and ^ without multiline
  | "eos" // \z
  | "eosnl" // \Z, and $ without multiline: end, or before a final newline
  | "bol" // ^ with multiline: start, or after a newline that is not the last character
  | "eol" // $ with multiline: before any newline, or at the end
  | "wordb" // \b (ASCII word characters)
  | "nwordb"; // \B

export type GroupKind = "cap" | "nocap" | "atomic" | "la" | "nla" | "lb" | "nlb";

export type Node =
  /** One code point (astral allowed); `ci`: case-insensitive at that point. */
  | { t: "lit"; cp: number; ci: boolean }
  /** One UTF-16 code unit from `ranges` (case-folded first when `ci`) or `fixed` (escapes such as
   * `\w` and POSIX classes, which PCRE never folds); the complement of that when `neg`. */
  | { t: "set"; ranges: Ranges; fixed?: Ranges; neg: boolean; ci: boolean }
  | { t: "assert"; kind: Assertion }
  | { t: "seq"; items: Node[] }
  | { t: "alt"; alts: Node[] }
  /** `index` (1-based PCRE group number) and `name` for capturing groups. */
  | { t: "group"; kind: GroupKind; body: Node; index?: number; name?: string }
  | { t: "rep"; body: Node; min: number; max: number; greedy: boolean; possessive: boolean }
  /** Backreference to PCRE group `group`. */
  | { t: "bref"; group: number; ci: boolean };

export interface ParsedPattern {
  root: Node;
  groupCount: number;
  /** name → PCRE group number, in order of appearance. */
  names: { name: string; index: number }[];
}

export type ParseResult = { ok: true; pattern: ParsedPattern } | { ok: false; reason: string; offset?: number };

/** Visit every node, parents first. */
export function walk(node: Node, visit: (n: Node, ancestors: Node[]) => void, ancestors: Node[] = []): void {
  visit(node, ancestors);
  const next = [...ancestors, node];
  switch (node.t) {
    case "seq": for (const c of node.items) walk(c, visit, next); break;
    case "alt": for (const c of node.alts) walk(c, visit, next); break;
    case "group": case "rep": walk(node.body, visit, next); break;
    default: break;
  }
}

/** Members of a set node before negation, with `fold` applied to the caseless part. */
export function setMembers(n: Extract<Node, { t: "set" }>, fold: (r: Ranges) => Ranges): Ranges {
  const base = n.ci ? fold(n.ranges) : n.ranges;
  return n.fixed && n.fixed.length ? union(base, n.fixed) : base;
}
