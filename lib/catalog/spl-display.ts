/**
 * The SPL as the analytic page shows it: one line per top-level pipe segment, each a list of
 * highlighted pieces, macro invocations linked to the engine's MacroUse (to expand in place).
 * Works on the lexer's tokens (lib/spl/lex); the structural type below matches its Token.
 */
import type { MacroUse } from "../spl/api";

export interface SplToken {
  kind: string;
  start: number;
  end: number;
  text: string;
}

/**
 * Display classes on top of the lexer's kinds: `command` (first word after a pipe or `[`),
 * `function` (word right before `(`), `keyword` (AND OR NOT IN AS BY OVER; as/by/from/where…
 * in any case), `field` (word right
 * before a comparison operator); any other kind is passed through.
 */
export type SplPiece =
  | { kind: "text"; tokenKind: string; text: string }
  /** `macro` indexes into the MacroUse list given to splLines. */
  | { kind: "macro"; text: string; macro: number };

export interface SplLine {
  /** 1-based, as the page numbers them. */
  number: number;
  pieces: SplPiece[];
}

/** Splits at pipes outside subsearches; a line starts with its pipe. Surrounding blanks are trimmed. */
const KEYWORDS = new Set(["AND", "OR", "NOT", "IN", "AS", "BY", "OVER"]);
const CASE_FREE_KEYWORDS = new Set(["as", "by", "over", "in", "from", "where", "output", "outputnew"]);

/** Display class of each token (see SplPiece). */
export function classifyTokens(tokens: readonly SplToken[]): string[] {
  const out: string[] = [];
  let expectCommand = false;
  const next = (i: number): SplToken | undefined => {
    for (let j = i + 1; j < tokens.length; j++) if (tokens[j]!.kind !== "whitespace") return tokens[j];
    return undefined;
  };
  tokens.forEach((tok, i) => {
    let kind = tok.kind;
    if (tok.kind === "pipe" || tok.kind === "lbracket" || tok.kind === "subsearch-open") expectCommand = true;
    else if (tok.kind === "word") {
      const after = tokens[i + 1];
      if (expectCommand) kind = "command";
      else if (after && (after.kind === "lparen" || after.kind === "paren") && after.text === "(") kind = "function";
      else if (KEYWORDS.has(tok.text) || CASE_FREE_KEYWORDS.has(tok.text)) kind = "keyword";
      else if (next(i)?.kind === "operator") kind = "field";
      expectCommand = false;
    } else if (tok.kind !== "whitespace" && tok.kind !== "comment") expectCommand = false;
    out.push(kind);
  });
  return out;
}

export function splLines(tokens: readonly SplToken[], macros: readonly MacroUse[] = []): SplLine[] {
  const lines: SplPiece[][] = [[]];
  const kinds = classifyTokens(tokens);
  let depth = 0;
  for (const [i, tok] of tokens.entries()) {
    if (tok.kind === "lbracket" || tok.kind === "subsearch-open") depth++;
    else if (tok.kind === "rbracket" || tok.kind === "subsearch-close") depth = Math.max(0, depth - 1);
    if (tok.kind === "pipe" && depth === 0 && lines[lines.length - 1]!.some((p) => p.text.trim() !== "")) {
      lines.push([]);
    }
    const current = lines[lines.length - 1]!;
    const macro = tok.kind === "macro" ? macros.findIndex((m) => m.span.start === tok.start && m.span.end === tok.end) : -1;
    current.push(macro >= 0 ? { kind: "macro", text: tok.text, macro } : { kind: "text", tokenKind: kinds[i]!, text: tok.text });
  }
  return lines
    .map(trimLine)
    .filter((pieces) => pieces.length > 0)
    .map((pieces, i) => ({ number: i + 1, pieces }));
}

function trimLine(pieces: SplPiece[]): SplPiece[] {
  const out = [...pieces];
  while (out.length > 0 && out[0]!.kind === "text" && out[0]!.text.trim() === "") out.shift();
  while (out.length > 0 && out[out.length - 1]!.kind === "text" && out[out.length - 1]!.text.trim() === "") out.pop();
  const first = out[0];
  if (first && first.kind === "text") out[0] = { ...first, text: first.text.trimStart() };
  const last = out[out.length - 1];
  if (last && last.kind === "text") out[out.length - 1] = { ...last, text: last.text.trimEnd() };
  return out;
}

/** What the page says about where a macro's definition came from. */
export function macroOriginLabel(origin: MacroUse["origin"]): string {
  switch (origin) {
    case "content":
      return "defined in the content's macros";
    case "builtin-cim":
      return "CIM default (the content does not define it)";
    case "builtin-filter":
      return "ESCU tuning filter default (the content does not define it)";
  }
}

/** True for the per-detection `*_filter` macros that are empty (`search *`) by default. */
export function isEmptyFilterMacro(use: Pick<MacroUse, "name" | "definition">): boolean {
  return use.name.endsWith("_filter") && /^\s*(search\s+\*)?\s*$/.test(use.definition);
}
