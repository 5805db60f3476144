/**
 * SPL text → tokens with spans. One pass, no backtracking, never throws.
 *
 * The token stream serves two purposes: highlighting (every character of the input belongs to
 * exactly one token, so concatenating token texts gives the input back) and the search-language
 * parser, which works on these coarse tokens. The eval language has its own scanner
 * (eval-scan.ts) because `.`, `+`, `-` are operators there and parts of values here.
 */

export type TokenKind =
  | "whitespace"
  | "comment" // ```…```
  | "macro" // `name(args)`
  | "string" // "…" (value = unescaped)
  | "pipe" // |
  | "lparen"
  | "rparen"
  | "lbracket" // [ (subsearch)
  | "rbracket"
  | "comma"
  | "operator" // = == != < > <= >=
  | "word"; // anything else, up to a delimiter

export interface Token {
  kind: TokenKind;
  start: number;
  end: number;
  text: string;
  /** For strings: the content after SPL unescaping (`\\` → `\`, `\"` → `"`). */
  value?: string;
  /** For strings/macros/comments missing their closing delimiter. */
  unterminated?: boolean;
}

const WORD_STOP = new Set([" ", "\t", "\n", "\r", "\f", "\v", "|", "(", ")", "[", "]", ",", "=", "!", "<", ">", '"', "`"]);

function isSpace(c: string): boolean {
  return c === " " || c === "\t" || c === "\n" || c === "\r" || c === "\f" || c === "\v";
}

/**
 * Undo one level of SPL string escaping: `\\` → `\`, `\"` → `"`. Every other backslash sequence
 * is kept as written (spl-semantics §2.6, §4.2: `\s`, `\d`, `\.` reach the regex engine intact).
 */
export function unescapeSplString(body: string): string {
  if (!body.includes("\\")) return body;
  let out = "";
  for (let i = 0; i < body.length; i++) {
    const c = body[i]!;
    if (c === "\\" && i + 1 < body.length) {
      const n = body[i + 1]!;
      if (n === "\\" || n === '"') {
        out += n;
        i++;
        continue;
      }
    }
    out += c;
  }
  return out;
}

/** Scan a double-quoted string starting at `i` (which holds `"`); returns the end (exclusive). */
export function scanString(text: string, i: number): { end: number; terminated: boolean } {
  let j = i + 1;
  while (j < text.length) {
    const c = text[j]!;
    if (c === "\\") {
      j += 2;
      continue;
    }
    if (c === '"') return { end: j + 1, terminated: true };
    j++;
  }
  return { end: text.length, terminated: false };
}

export function lex(text: string): Token[] {
  const tokens: Token[] = [];
  const push = (kind: TokenKind, start: number, end: number, extra?: Partial<Token>) => {
    tokens.push({ kind, start, end, text: text.slice(start, end), ...extra });
  };
  let i = 0;
  const n = text.length;
  while (i < n) {
    const c = text[i]!;
    if (isSpace(c)) {
      let j = i + 1;
      while (j < n && isSpace(text[j]!)) j++;
      push("whitespace", i, j);
      i = j;
      continue;
    }
    if (c === "`") {
      if (text.startsWith("```", i)) {
        const close = text.indexOf("```", i + 3);
        const end = close < 0 ? n : close + 3;
        push("comment", i, end, close < 0 ? { unterminated: true } : undefined);
        i = end;
        continue;
      }
      const close = text.indexOf("`", i + 1);
      const end = close < 0 ? n : close + 1;
      push("macro", i, end, close < 0 ? { unterminated: true } : undefined);
      i = end;
      continue;
    }
    if (c === '"') {
      const { end, terminated } = scanString(text, i);
      const body = text.slice(i + 1, terminated ? end - 1 : end);
      push("string", i, end, { value: unescapeSplString(body), ...(terminated ? {} : { unterminated: true }) });
      i = end;
      continue;
    }
    if (c === "|") { push("pipe", i, i + 1); i++; continue; }
    if (c === "(") { push("lparen", i, i + 1); i++; continue; }
    if (c === ")") { push("rparen", i, i + 1); i++; continue; }
    if (c === "[") { push("lbracket", i, i + 1); i++; continue; }
    if (c === "]") { push("rbracket", i, i + 1); i++; continue; }
    if (c === ",") { push("comma", i, i + 1); i++; continue; }
    if (c === "=" || c === "!" || c === "<" || c === ">") {
      const two = text.slice(i, i + 2);
      if (two === "==" || two === "!=" || two === "<=" || two === ">=") {
        push("operator", i, i + 2);
        i += 2;
        continue;
      }
      if (c === "!") {
        // A lone `!` is part of a word (e.g. a value such as `hello!`).
        let j = i + 1;
        while (j < n && !WORD_STOP.has(text[j]!)) j++;
        push("word", i, j);
        i = j;
        continue;
      }
      push("operator", i, i + 1);
      i++;
      continue;
    }
    let j = i + 1;
    while (j < n) {
      const d = text[j]!;
      if (WORD_STOP.has(d)) {
        // A backslash-escaped quote or delimiter stays inside the word (`C:\\path\"x`).
        if (d === '"' && text[j - 1] === "\\") { j++; continue; }
        break;
      }
      j++;
    }
    push("word", i, j);
    i = j;
  }
  return tokens;
}

/** Tokens without whitespace and comments: what parsers look at. */
export function significant(tokens: Token[]): Token[] {
  return tokens.filter((t) => t.kind !== "whitespace" && t.kind !== "comment");
}
