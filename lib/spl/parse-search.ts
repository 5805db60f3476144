/**
 * The search language (implied first command, `search`, `tstats … where`): precedence
 * `()` > NOT > OR > AND, with AND implicit between terms (spl-semantics §1.2). Keywords count only
 * in upper case (§1.3). Parses a slice of significant tokens; never throws.
 */
import type { Range, SearchExpr, SearchValue } from "./ast";
import { unescapeSplString, type Token } from "./lex";

const COMPARE_OPS = new Set(["=", "==", "!=", "<", ">", "<=", ">="]);

export interface SearchParse {
  expr: SearchExpr | null;
  errors: { message: string; at: Range }[];
}

class SearchParser {
  pos = 0;
  errors: { message: string; at: Range }[] = [];
  constructor(private readonly toks: Token[], private readonly end: number) {}

  peek(k = 0): Token | undefined {
    const i = this.pos + k;
    return i < this.end ? this.toks[i] : undefined;
  }

  isKeyword(t: Token | undefined, kw: string): boolean {
    return t !== undefined && t.kind === "word" && t.text === kw;
  }

  startsPrimary(t: Token | undefined): boolean {
    if (!t) return false;
    if (t.kind === "rparen" || t.kind === "comma" || t.kind === "pipe" || t.kind === "rbracket") return false;
    if (this.isKeyword(t, "AND") || this.isKeyword(t, "OR")) return false;
    return true;
  }

  parseAnd(): SearchExpr | null {
    const children: SearchExpr[] = [];
    for (;;) {
      // Explicit AND, and commas (a minor breaker between terms), only separate terms.
      if (this.isKeyword(this.peek(), "AND") || this.peek()?.kind === "comma") {
        this.pos++;
        continue;
      }
      if (!this.startsPrimary(this.peek())) break;
      const before = this.pos;
      const e = this.parseOr();
      if (e) children.push(e);
      if (this.pos === before) break;
    }
    if (children.length === 0) return null;
    if (children.length === 1) return children[0]!;
    return { kind: "and", at: [children[0]!.at[0], children[children.length - 1]!.at[1]], children };
  }

  parseOr(): SearchExpr | null {
    const first = this.parseNot();
    if (!first) return null;
    const children = [first];
    while (this.isKeyword(this.peek(), "OR")) {
      const orTok = this.peek()!;
      this.pos++;
      const next = this.parseNot();
      if (!next) {
        this.errors.push({ message: "OR has nothing on its right", at: [orTok.start, orTok.end] });
        break;
      }
      children.push(next);
    }
    if (children.length === 1) return first;
    return { kind: "or", at: [first.at[0], children[children.length - 1]!.at[1]], children };
  }

  parseNot(): SearchExpr | null {
    const t = this.peek();
    if (this.isKeyword(t, "NOT")) {
      this.pos++;
      const child = this.parseNot();
      if (!child) {
        this.errors.push({ message: "NOT has nothing to negate", at: [t!.start, t!.end] });
        return null;
      }
      return { kind: "not", at: [t!.start, child.at[1]], child };
    }
    return this.parsePrimary();
  }

  parsePrimary(): SearchExpr | null {
    const t = this.peek();
    if (!t) return null;
    if (t.kind === "lparen") {
      this.pos++;
      const inner = this.parseAnd();
      const close = this.peek();
      if (close?.kind === "rparen") this.pos++;
      else this.errors.push({ message: "missing closing parenthesis", at: [t.start, t.end] });
      if (!inner) return { kind: "and", at: [t.start, close?.end ?? t.end], children: [] };
      // Keep the parenthesised extent so the UI highlights the whole group.
      return { ...inner, at: [t.start, close?.kind === "rparen" ? close.end : inner.at[1]] } as SearchExpr;
    }
    if (t.kind === "lbracket") {
      return this.skipSubsearch(t);
    }
    if (t.kind === "word") {
      const next = this.peek(1);
      if (next?.kind === "operator" && COMPARE_OPS.has(next.text)) return this.parseCompare(t, next);
      if (next && next.kind === "word" && /^in$/i.test(next.text) && this.peek(2)?.kind === "lparen") {
        return this.parseIn(t);
      }
      this.pos++;
      if (t.text === "*") return { kind: "all", at: [t.start, t.end] };
      if (/^(CASE|TERM)$/i.test(t.text) && next?.kind === "lparen") {
        return this.parseModifiedTerm(t);
      }
      return { kind: "term", at: [t.start, t.end], text: unescapeSplString(t.text), quoted: false };
    }
    if (t.kind === "string") {
      // A quoted field name: `"result.message" = "*x*"`, `"result.status" IN (…)`.
      const next = this.peek(1);
      const named = { ...t, kind: "word" as const, text: t.value ?? "" };
      if (next?.kind === "operator" && COMPARE_OPS.has(next.text)) return this.parseCompare(named, next);
      if (next && next.kind === "word" && /^in$/i.test(next.text) && this.peek(2)?.kind === "lparen") return this.parseIn(named);
      this.pos++;
      return { kind: "term", at: [t.start, t.end], text: t.value ?? "", quoted: true };
    }
    if (t.kind === "macro") {
      this.pos++;
      return { kind: "unsupported", at: [t.start, t.end], what: `unexpanded macro ${t.text}` };
    }
    // Stray operator or comma: record and skip it.
    this.pos++;
    this.errors.push({ message: `unexpected \`${t.text}\``, at: [t.start, t.end] });
    return null;
  }

  skipSubsearch(open: Token): SearchExpr {
    let depth = 0;
    let end = open.end;
    while (this.peek()) {
      const t = this.peek()!;
      this.pos++;
      if (t.kind === "lbracket") depth++;
      if (t.kind === "rbracket") depth--;
      end = t.end;
      if (depth === 0) break;
    }
    return { kind: "unsupported", at: [open.start, end], what: "subsearch" };
  }

  parseValue(): SearchValue | null {
    const t = this.peek();
    if (!t) return null;
    if (t.kind === "string") {
      this.pos++;
      return { value: t.value ?? "", quoted: true, at: [t.start, t.end] };
    }
    if (t.kind === "word") {
      if (/^(CASE|TERM)$/i.test(t.text) && this.peek(1)?.kind === "lparen") {
        const open = this.peek(1)!;
        const inner = this.peek(2);
        const close = this.peek(3);
        if (inner && (inner.kind === "word" || inner.kind === "string") && close?.kind === "rparen" && open.start === t.end) {
          this.pos += 4;
          const value = inner.kind === "string" ? inner.value ?? "" : unescapeSplString(inner.text);
          return { value, quoted: inner.kind === "string", modifier: t.text.toLowerCase() as "case" | "term", at: [t.start, close.end] };
        }
      }
      this.pos++;
      return { value: unescapeSplString(t.text), quoted: false, at: [t.start, t.end] };
    }
    return null;
  }

  parseCompare(field: Token, op: Token): SearchExpr {
    this.pos += 2;
    const value = this.parseValue() ?? { value: "", quoted: false, at: [op.end, op.end] as Range };
    const opText = op.text === "==" ? "=" : (op.text as "=" | "!=" | "<" | ">" | "<=" | ">=");
    return { kind: "compare", at: [field.start, value.at[1]], field: field.text, fieldAt: [field.start, field.end], op: opText, value };
  }

  parseIn(field: Token): SearchExpr {
    this.pos += 3; // field, IN, (
    const values: SearchValue[] = [];
    let end = field.end;
    for (;;) {
      const t = this.peek();
      if (!t) {
        this.errors.push({ message: "IN list has no closing parenthesis", at: [field.start, end] });
        break;
      }
      if (t.kind === "rparen") {
        this.pos++;
        end = t.end;
        break;
      }
      if (t.kind === "comma") {
        this.pos++;
        continue;
      }
      const v = this.parseValue();
      if (!v) {
        this.errors.push({ message: `unexpected \`${t.text}\` in IN list`, at: [t.start, t.end] });
        this.pos++;
        continue;
      }
      values.push(v);
      end = v.at[1];
    }
    return { kind: "in", at: [field.start, end], field: field.text, fieldAt: [field.start, field.end], values };
  }

  parseModifiedTerm(t: Token): SearchExpr {
    // CASE(x) / TERM(x) as a bare term: matched against _raw (terms.ts).
    this.pos--; // back onto the word
    const v = this.parseValue();
    if (!v) {
      this.pos++;
      return { kind: "term", at: [t.start, t.end], text: t.text, quoted: false };
    }
    return { kind: "term", at: v.at, text: v.value, quoted: v.quoted, ...(v.modifier ? { modifier: v.modifier } : {}) };
  }
}

/** Parse `toks[from, to)` (significant tokens only) as a search-language expression. */
export function parseSearchTokens(toks: Token[], from = 0, to = toks.length): SearchParse & { stoppedAt: number } {
  const p = new SearchParser(toks, to);
  p.pos = from;
  const expr = p.parseAnd();
  while (p.pos < to) {
    const t = toks[p.pos]!;
    p.errors.push({ message: `unexpected \`${t.text}\``, at: [t.start, t.end] });
    p.pos++;
    const more = p.parseAnd();
    if (more && expr && expr.kind === "and") expr.children.push(more);
  }
  return { expr, errors: p.errors, stoppedAt: p.pos };
}
