/**
 * The eval language (eval, where, function arguments): its own scanner, because `.`, `+`, `-`,
 * `*` are operators here. Precedence, loosest first: XOR, OR, AND, NOT, comparison (= == != < > <=
 * >= LIKE IN), additive (+ - .), multiplicative (* / %), unary minus (spl-semantics §1.2, §4).
 * Unquoted names are fields; "…" is a string; '…' is a field name. Never throws.
 */
import type { EvalBinaryOp, EvalExpr, Range } from "./ast";
import { scanString, unescapeSplString } from "./lex";

type ETok =
  | { k: "num"; s: number; e: number; text: string; value: number }
  | { k: "str"; s: number; e: number; value: string }
  | { k: "qfield"; s: number; e: number; value: string }
  | { k: "ident"; s: number; e: number; text: string }
  | { k: "op"; s: number; e: number; text: string }
  | { k: "end"; s: number; e: number };

const OPS2 = ["==", "!=", "<=", ">="];
const OPS1 = "=<>+-*/%.(),";

const KEYWORDS = new Set(["AND", "OR", "XOR", "NOT", "LIKE", "IN"]);

/** Does this token end an operand (so a following `.` is concatenation, not a decimal point)? */
function endsOperand(t: ETok | undefined): boolean {
  if (!t) return false;
  if (t.k === "op") return t.text === ")";
  if (t.k === "ident") return !KEYWORDS.has(t.text.toUpperCase());
  return t.k !== "end";
}

function scan(text: string, from: number, to: number): { toks: ETok[]; errors: { message: string; at: Range }[] } {
  const toks: ETok[] = [];
  const errors: { message: string; at: Range }[] = [];
  let i = from;
  while (i < to) {
    const c = text[i]!;
    if (c === " " || c === "\t" || c === "\n" || c === "\r") { i++; continue; }
    if (c === '"') {
      const { end, terminated } = scanString(text, i);
      const stop = Math.min(end, to);
      if (!terminated) errors.push({ message: "unterminated string", at: [i, stop] });
      toks.push({ k: "str", s: i, e: stop, value: unescapeSplString(text.slice(i + 1, terminated ? stop - 1 : stop)) });
      i = stop;
      continue;
    }
    if (c === "'") {
      const close = text.indexOf("'", i + 1);
      const stop = close < 0 || close >= to ? to : close + 1;
      if (close < 0 || close >= to) errors.push({ message: "unterminated quoted field name", at: [i, stop] });
      toks.push({ k: "qfield", s: i, e: stop, value: text.slice(i + 1, close < 0 || close >= to ? to : close) });
      i = stop;
      continue;
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(i, Math.min(to, i + 64)));
    if (num && !(c === "." && endsOperand(toks[toks.length - 1]))) {
      // A number, unless `.5` follows an operand (then `.` is concatenation).
      const t = num[0];
      // `1.` followed by a letter is `1 . x`: keep the dot as an operator.
      const txt = /\.$/.test(t) && /[A-Za-z_'"]/.test(text[i + t.length] ?? "") ? t.slice(0, -1) : t;
      toks.push({ k: "num", s: i, e: i + txt.length, text: txt, value: Number(txt) });
      i += txt.length;
      continue;
    }
    if (/[A-Za-z_]/.test(c)) {
      let j = i + 1;
      while (j < to && /[A-Za-z0-9_]/.test(text[j]!)) j++;
      toks.push({ k: "ident", s: i, e: j, text: text.slice(i, j) });
      i = j;
      continue;
    }
    const two = text.slice(i, i + 2);
    if (OPS2.includes(two)) { toks.push({ k: "op", s: i, e: i + 2, text: two }); i += 2; continue; }
    if (OPS1.includes(c)) { toks.push({ k: "op", s: i, e: i + 1, text: c }); i++; continue; }
    errors.push({ message: `unexpected character \`${c}\` in an expression`, at: [i, i + 1] });
    i++;
  }
  toks.push({ k: "end", s: to, e: to });
  return { toks, errors };
}

class EvalParser {
  pos = 0;
  constructor(private readonly toks: ETok[], readonly errors: { message: string; at: Range }[]) {}

  peek(k = 0): ETok { return this.toks[Math.min(this.pos + k, this.toks.length - 1)]!; }
  isOp(t: ETok, op: string): boolean { return t.k === "op" && t.text === op; }
  isWord(t: ETok, w: string): boolean { return t.k === "ident" && t.text.toUpperCase() === w; }

  bin(op: EvalBinaryOp, left: EvalExpr, right: EvalExpr): EvalExpr {
    return { kind: "binary", at: [left.at[0], right.at[1]], op, left, right };
  }

  parseExpr(): EvalExpr { return this.parseXor(); }

  parseXor(): EvalExpr {
    let left = this.parseOr();
    while (this.isWord(this.peek(), "XOR")) { this.pos++; left = this.bin("XOR", left, this.parseOr()); }
    return left;
  }
  parseOr(): EvalExpr {
    let left = this.parseAnd();
    while (this.isWord(this.peek(), "OR")) { this.pos++; left = this.bin("OR", left, this.parseAnd()); }
    return left;
  }
  parseAnd(): EvalExpr {
    let left = this.parseNot();
    while (this.isWord(this.peek(), "AND")) { this.pos++; left = this.bin("AND", left, this.parseNot()); }
    return left;
  }
  parseNot(): EvalExpr {
    const t = this.peek();
    // `NOT x`, `NOT(…)` and `NOT (…)` all negate what follows.
    if (this.isWord(t, "NOT")) {
      this.pos++;
      const operand = this.parseNot();
      return { kind: "unary", at: [t.s, operand.at[1]], op: "NOT", operand };
    }
    return this.parseCompare();
  }
  parseCompare(): EvalExpr {
    const left = this.parseAdd();
    const t = this.peek();
    if (t.k === "op" && ["=", "==", "!=", "<", ">", "<=", ">="].includes(t.text)) {
      this.pos++;
      return this.bin(t.text as EvalBinaryOp, left, this.parseAdd());
    }
    if (this.isWord(t, "LIKE")) {
      this.pos++;
      const pattern = this.parseAdd();
      return { kind: "like", at: [left.at[0], pattern.at[1]], operand: left, pattern };
    }
    if (this.isWord(t, "IN") && this.isOp(this.peek(1), "(")) {
      this.pos += 2;
      const list = this.parseArgs();
      const close = this.toks[this.pos - 1]!;
      return { kind: "in", at: [left.at[0], close.e], operand: left, list };
    }
    if (this.isWord(t, "NOT") && this.isWord(this.peek(1), "IN") && this.isOp(this.peek(2), "(")) {
      this.pos += 3;
      const list = this.parseArgs();
      const close = this.toks[this.pos - 1]!;
      const inner: EvalExpr = { kind: "in", at: [left.at[0], close.e], operand: left, list };
      return { kind: "unary", at: inner.at, op: "NOT", operand: inner };
    }
    return left;
  }
  parseAdd(): EvalExpr {
    let left = this.parseMul();
    for (;;) {
      const t = this.peek();
      if (t.k === "op" && (t.text === "+" || t.text === "-" || t.text === ".")) {
        this.pos++;
        left = this.bin(t.text as EvalBinaryOp, left, this.parseMul());
      } else return left;
    }
  }
  parseMul(): EvalExpr {
    let left = this.parseUnary();
    for (;;) {
      const t = this.peek();
      if (t.k === "op" && (t.text === "*" || t.text === "/" || t.text === "%")) {
        this.pos++;
        left = this.bin(t.text as EvalBinaryOp, left, this.parseUnary());
      } else return left;
    }
  }
  parseUnary(): EvalExpr {
    const t = this.peek();
    if (t.k === "op" && (t.text === "-" || t.text === "+")) {
      this.pos++;
      const operand = this.parseUnary();
      return { kind: "unary", at: [t.s, operand.at[1]], op: t.text as "-" | "+", operand };
    }
    return this.parsePrimary();
  }
  /** After `(` has been consumed: comma-separated expressions up to `)`. */
  parseArgs(): EvalExpr[] {
    const args: EvalExpr[] = [];
    if (this.isOp(this.peek(), ")")) { this.pos++; return args; }
    for (;;) {
      args.push(this.parseExpr());
      const t = this.peek();
      if (this.isOp(t, ",")) { this.pos++; continue; }
      if (this.isOp(t, ")")) { this.pos++; break; }
      this.errors.push({ message: t.k === "end" ? "missing closing parenthesis" : `unexpected \`${"text" in t ? t.text : ""}\` in an argument list`, at: [t.s, t.e] });
      if (t.k !== "end") this.pos++;
      break;
    }
    return args;
  }
  parsePrimary(): EvalExpr {
    const t = this.peek();
    switch (t.k) {
      case "num": this.pos++; return { kind: "number", at: [t.s, t.e], value: t.value, text: t.text };
      case "str": this.pos++; return { kind: "string", at: [t.s, t.e], value: t.value };
      case "qfield": this.pos++; return { kind: "field", at: [t.s, t.e], name: t.value };
      case "ident": {
        this.pos++;
        if (this.isOp(this.peek(), "(")) {
          this.pos++;
          const args = this.parseArgs();
          const close = this.toks[this.pos - 1]!;
          return { kind: "call", at: [t.s, close.e], name: t.text.toLowerCase(), args };
        }
        return { kind: "field", at: [t.s, t.e], name: t.text };
      }
      case "op":
        if (t.text === "(") {
          this.pos++;
          const inner = this.parseExpr();
          const close = this.peek();
          if (this.isOp(close, ")")) this.pos++;
          else this.errors.push({ message: "missing closing parenthesis", at: [t.s, t.e] });
          return { ...inner, at: [t.s, this.isOp(close, ")") ? close.e : inner.at[1]] } as EvalExpr;
        }
        this.pos++;
        this.errors.push({ message: `unexpected \`${t.text}\``, at: [t.s, t.e] });
        return { kind: "string", at: [t.s, t.e], value: "" };
      case "end":
        this.errors.push({ message: "expression expected", at: [t.s, t.e] });
        return { kind: "string", at: [t.s, t.e], value: "" };
    }
  }
}

export interface EvalParse {
  expr: EvalExpr;
  errors: { message: string; at: Range }[];
  /** Offset where parsing stopped (start of the first unconsumed token). */
  stoppedAt: number;
}

/** Parse text[from, to) as one eval expression; `stopAtComma` ends at a top-level comma. */
export function parseEvalExpr(text: string, from: number, to: number, stopAtComma = false): EvalParse {
  const { toks, errors } = scan(text, from, to);
  const p = new EvalParser(toks, errors);
  const expr = p.parseExpr();
  const next = p.peek();
  if (next.k !== "end" && !(stopAtComma && next.k === "op" && next.text === ",")) {
    errors.push({ message: `unexpected \`${text.slice(next.s, next.e)}\` after the expression`, at: [next.s, next.e] });
  }
  return { expr, errors, stoppedAt: next.s };
}
