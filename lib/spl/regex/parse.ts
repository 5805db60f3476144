/**
 * PCRE2 pattern → syntax tree (see regex-ast.ts). Inline options are applied while parsing, so
 * every node carries the options in force at its position. Constructs with no faithful
 * translation are rejected here with PCRE's own wording where PCRE itself would reject them.
 */
import type { Node, ParsedPattern, ParseResult } from "./ast";
import { NEWLINE, VSPACE, complement, union } from "./charset";
import { readEscape, type Escape } from "./escape";
import { parseClass } from "./parse-class";
import { readOptionSetting, type Options } from "./options";

export type { Options } from "./options";

export class PcreSyntaxError {
  constructor(readonly reason: string, readonly offset: number) {}
}

type BrefNode = Extract<Node, { t: "bref" }>;

/** Pattern white space skipped in extended mode (ASCII plus the Unicode Pattern_White_Space). */
const X_SPACE = /[\t\n\v\f\r \u0085\u200e\u200f\u2028\u2029]/;

export function parsePcre(src: string, initial: Partial<Options> = {}): ParseResult {
  try {
    return { ok: true, pattern: new Parser(src, initial).parse() };
  } catch (e) {
    if (e instanceof PcreSyntaxError) return { ok: false, reason: e.reason, offset: e.offset };
    return { ok: false, reason: `internal translator error: ${String(e)}` };
  }
}

class Parser {
  private pos = 0;
  private opts: Options;
  private groupCount = 0;
  private readonly names: { name: string; index: number }[] = [];
  private readonly namedRefs: { node: BrefNode; name: string; offset: number }[] = [];
  private readonly numberedRefs: { node: BrefNode; offset: number }[] = [];
  /** Literals of a `\Q...\E` run before its last one (a quantifier binds to the last only). */
  private quotedPrefix: Node[] = [];

  constructor(private readonly src: string, initial: Partial<Options>) {
    this.opts = { i: false, m: false, s: false, x: false, n: false, U: false, ...initial };
  }

  private fail(reason: string, offset = this.pos): never {
    throw new PcreSyntaxError(reason, offset);
  }

  parse(): ParsedPattern {
    const root = this.parseAlternation();
    if (this.pos < this.src.length) this.fail("unmatched closing parenthesis");
    for (const ref of this.namedRefs) {
      const hit = this.names.find((n) => n.name === ref.name);
      if (!hit) this.fail("reference to non-existent subpattern", ref.offset);
      ref.node.group = hit.index;
    }
    for (const ref of this.numberedRefs) {
      if (ref.node.group < 1 || ref.node.group > this.groupCount) this.fail("reference to non-existent subpattern", ref.offset);
    }
    return { root, groupCount: this.groupCount, names: this.names };
  }

  private parseAlternation(): Node {
    const alts: Node[] = [];
    let items: Node[] = [];
    for (;;) {
      const c = this.src[this.pos];
      if (c === undefined || c === ")") break;
      if (c === "|") {
        alts.push(seq(items));
        items = [];
        this.pos++;
        continue;
      }
      const start = this.pos;
      const atom = this.parseAtom();
      items.push(...this.quotedPrefix);
      this.quotedPrefix = [];
      if (atom === null) continue;
      this.skipIgnorable();
      const rep = this.parseQuantifier(atom, start);
      items.push(rep ?? atom);
      if (rep) {
        this.skipIgnorable();
        if (this.quantifierAhead()) this.fail("quantifier does not follow a repeatable item");
      }
    }
    alts.push(seq(items));
    return alts.length === 1 ? (alts[0] as Node) : { t: "alt", alts };
  }

  /** Skips `(?#...)` comments, and white space and `#` comments in extended mode. */
  private skipIgnorable(): void {
    for (;;) {
      const c = this.src[this.pos];
      if (this.src.startsWith("(?#", this.pos)) {
        const close = this.src.indexOf(")", this.pos);
        if (close < 0) this.fail("missing ) at end of (?# comment");
        this.pos = close + 1;
      } else if (this.opts.x && c !== undefined && X_SPACE.test(c)) {
        this.pos++;
      } else if (this.opts.x && c === "#") {
        const nl = this.src.indexOf("\n", this.pos);
        this.pos = nl < 0 ? this.src.length : nl + 1;
      } else return;
    }
  }

  private quantifierAhead(): boolean {
    const c = this.src[this.pos];
    return c === "*" || c === "+" || c === "?" || (c === "{" && /^\{\d+(,\d*)?\}/.test(this.src.slice(this.pos)));
  }

  /** One atom, or null when the text consumed produces nothing (comments, option settings). */
  private parseAtom(): Node | null {
    const before = this.pos;
    this.skipIgnorable();
    if (this.pos !== before) return null;
    const c = this.src[this.pos] ?? "";
    const ci = this.opts.i;
    if (this.quantifierAhead()) this.fail("quantifier does not follow a repeatable item");
    if (c === "{" && /^\{\s*,\s*\d+\s*\}/.test(this.src.slice(this.pos))) {
      this.fail("{,n} is a literal before PCRE2 10.43 and a quantifier after it; the meaning in Splunk is unknown");
    }
    switch (c) {
      case "(": return this.parseGroup();
      case "[": {
        const r = parseClass(this.src, this.pos, ci, this.groupCount);
        if ("reason" in r) this.fail(r.reason, r.offset);
        this.pos = r.end;
        return r.node;
      }
      case ".":
        this.pos++;
        return { t: "set", ranges: this.opts.s ? [] : NEWLINE, neg: true, ci: false };
      case "^":
        this.pos++;
        return { t: "assert", kind: this.opts.m ? "bol" : "bos" };
      case "$":
        this.pos++;
        return { t: "assert", kind: this.opts.m ? "eol" : "eosnl" };
      case "\\": return this.parseEscape();
      default: {
        const cp = this.src.codePointAt(this.pos) ?? 0;
        this.pos += cp > 0xffff ? 2 : 1;
        return { t: "lit", cp, ci };
      }
    }
  }

  private parseEscape(): Node | null {
    const at = this.pos;
    const { esc, end } = readEscape(this.src, this.pos + 1, false, this.groupCount);
    this.pos = end;
    return this.escapeNode(esc, at);
  }

  private escapeNode(esc: Escape, at: number): Node | null {
    const ci = this.opts.i;
    switch (esc.k) {
      case "error": return this.fail(esc.reason, at);
      case "char": return { t: "lit", cp: esc.cp, ci };
      case "set": return { t: "set", ranges: esc.ranges, neg: esc.neg, ci: false }; // never folded
      case "assert": return { t: "assert", kind: esc.kind };
      case "endquote": return null;
      case "newline": {
        // \R is atomic in PCRE: CR LF, or one vertical space character, never CR alone before LF.
        const cr = { t: "lit", cp: 13, ci: false } as const;
        const lf = { t: "lit", cp: 10, ci: false } as const;
        const others = complement(union(complement(VSPACE), [[13, 13]]));
        return {
          t: "alt",
          alts: [
            seq([cr, lf]),
            { t: "set", ranges: others, neg: false, ci: false },
            seq([cr, { t: "group", kind: "nla", body: lf }]),
          ],
        };
      }
      case "quote": {
        const close = this.src.indexOf("\\E", this.pos);
        const text = this.src.slice(this.pos, close < 0 ? undefined : close);
        this.pos = close < 0 ? this.src.length : close + 2;
        const lits: Node[] = [...text].map((ch) => ({ t: "lit", cp: ch.codePointAt(0) ?? 0, ci }));
        const last = lits.pop();
        this.quotedPrefix = lits;
        return last ?? null;
      }
      case "bref": {
        const node: BrefNode = { t: "bref", group: 0, ci };
        if (esc.name !== undefined) this.namedRefs.push({ node, name: esc.name, offset: at });
        else {
          node.group = esc.relative !== undefined ? this.groupCount + 1 + esc.relative : (esc.num ?? 0);
          this.numberedRefs.push({ node, offset: at });
        }
        return node;
      }
    }
  }

  private parseQuantifier(atom: Node, start: number): Node | null {
    const src = this.src;
    let min: number;
    let max: number;
    const c = src[this.pos];
    if (c === "*") [min, max] = [0, Infinity];
    else if (c === "+") [min, max] = [1, Infinity];
    else if (c === "?") [min, max] = [0, 1];
    else if (c === "{") {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(this.pos));
      if (!m) return null;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] === "" ? Infinity : Number(m[3]);
      if (min > 65535 || (max !== Infinity && max > 65535)) this.fail("number too big in {} quantifier");
      if (max < min) this.fail("numbers out of order in {} quantifier");
      this.pos += m[0].length - 1;
    } else return null;
    this.pos++;
    if (atom.t === "assert") this.fail("quantifier does not follow a repeatable item", start);
    if (atom.t === "group" && atom.kind !== "cap" && atom.kind !== "nocap" && atom.kind !== "atomic") {
      this.fail("a quantified lookaround assertion is not supported", start);
    }
    let greedy = !this.opts.U;
    let possessive = false;
    if (src[this.pos] === "?") {
      greedy = !greedy;
      this.pos++;
    } else if (src[this.pos] === "+") {
      possessive = true;
      greedy = true;
      this.pos++;
    }
    return { t: "rep", body: atom, min, max, greedy, possessive };
  }

  private parseGroup(): Node | null {
    const open = this.pos;
    const src = this.src;
    if (src[open + 1] === "*") this.fail("PCRE verbs and (*...) constructs are not supported", open);
    if (src[open + 1] !== "?") {
      this.pos++;
      if (this.opts.n) return this.finishGroup("nocap", open);
      return this.finishGroup("cap", open);
    }
    this.pos += 2;
    const rest = src.slice(this.pos);
    const simple: Record<string, "nocap" | "atomic" | "la" | "nla" | "lb" | "nlb"> = {
      ":": "nocap", ">": "atomic", "=": "la", "!": "nla", "<=": "lb", "<!": "nlb",
    };
    for (const [prefix, kind] of Object.entries(simple)) {
      if (rest.startsWith(prefix)) {
        this.pos += prefix.length;
        return this.finishGroup(kind, open);
      }
    }
    const named = /^(?:P?<|')([A-Za-z_]\w*)[>']/.exec(rest);
    if (named) {
      const name = named[1] ?? "";
      if (name.length > 32) this.fail("subpattern name is too long (maximum 32 code units)", open);
      if (this.names.some((n) => n.name === name)) this.fail("two named subpatterns have the same name (PCRE2_DUPNAMES not set)", open);
      this.pos += named[0].length;
      return this.finishGroup("cap", open, name);
    }
    const pref = /^P=([A-Za-z_]\w*)\)/.exec(rest);
    if (pref) {
      this.pos += pref[0].length;
      const node: BrefNode = { t: "bref", group: 0, ci: this.opts.i };
      this.namedRefs.push({ node, name: pref[1] ?? "", offset: open });
      return node;
    }
    if (rest.startsWith("|")) this.fail("PCRE branch reset groups (?|...) are not supported", open);
    if (/^(?:R|[+-]?\d+|&|P>)/.test(rest)) this.fail("PCRE recursion and subroutine calls are not supported", open);
    if (rest.startsWith("(")) this.fail("PCRE conditional groups (?(...)...) are not supported", open);
    if (rest.startsWith("C")) this.fail("PCRE callouts (?C...) are not supported", open);
    if (rest.startsWith("*")) this.fail("PCRE non-atomic lookaround (?*...) is not supported", open);
    return this.parseOptionSetting(open);
  }

  private parseOptionSetting(open: number): Node | null {
    const setting = readOptionSetting(this.src.slice(this.pos), this.opts);
    if (!setting.ok) this.fail(setting.reason, open);
    this.pos += setting.length;
    if (!setting.scoped) {
      this.opts = setting.options; // lasts to the end of the enclosing group, across later alternatives
      return null;
    }
    const saved = this.opts;
    this.opts = setting.options;
    const node = this.finishGroupBody("nocap", open);
    this.opts = saved;
    return node;
  }

  private finishGroup(kind: "cap" | "nocap" | "atomic" | "la" | "nla" | "lb" | "nlb", open: number, name?: string): Node {
    const saved = this.opts;
    const node = this.finishGroupBody(kind, open, name);
    this.opts = saved;
    return node;
  }

  private finishGroupBody(kind: "cap" | "nocap" | "atomic" | "la" | "nla" | "lb" | "nlb", open: number, name?: string): Node {
    let index: number | undefined;
    if (kind === "cap") {
      index = ++this.groupCount;
      if (name !== undefined) this.names.push({ name, index });
    }
    const body = this.parseAlternation();
    if (this.src[this.pos] !== ")") this.fail("missing closing parenthesis", open);
    this.pos++;
    const node: Node = { t: "group", kind, body };
    if (index !== undefined) node.index = index;
    if (name !== undefined) node.name = name;
    return node;
  }
}

export function seq(items: Node[]): Node {
  return items.length === 1 ? (items[0] as Node) : { t: "seq", items };
}
