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
export function splLines(tokens: readonly SplToken[], macros: readonly MacroUse[] = []): SplLine[] {
  const lines: SplPiece[][] = [[]];
  let depth = 0;
  for (const tok of tokens) {
    if (tok.kind === "lbracket" || tok.kind === "subsearch-open") depth++;
    else if (tok.kind === "rbracket" || tok.kind === "subsearch-close") depth = Math.max(0, depth - 1);
    if (tok.kind === "pipe" && depth === 0 && lines[lines.length - 1]!.some((p) => p.text.trim() !== "")) {
      lines.push([]);
    }
    const current = lines[lines.length - 1]!;
    const macro = tok.kind === "macro" ? macros.findIndex((m) => m.span.start === tok.start && m.span.end === tok.end) : -1;
    current.push(macro >= 0 ? { kind: "macro", text: tok.text, macro } : { kind: "text", tokenKind: tok.kind, text: tok.text });
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
