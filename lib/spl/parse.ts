/**
 * Expanded SPL text → pipeline AST. Splits on top-level pipes (not inside strings or subsearch
 * brackets), then parses each segment with its command's parser. An unknown command parses
 * generically (name + raw arguments), so every search parses. Never throws.
 */
import type { Command, Pipeline, Range } from "./ast";
import { lex, significant, type Token } from "./lex";
import { parseCommand } from "./parse-commands";

export interface Segment {
  /** [start, end) of the segment in the text, pipe excluded, trimmed. */
  at: Range;
  tokens: Token[];
}

/** Split tokens into pipeline segments at pipes outside subsearch brackets. */
export function splitPipeline(tokens: Token[]): { segments: Segment[]; leadingPipe: boolean } {
  const segments: Segment[] = [];
  let depth = 0;
  let cur: Token[] = [];
  let leadingPipe = false;
  let sawAny = false;
  const flush = () => {
    const sig = significant(cur);
    if (sig.length > 0) segments.push({ at: [sig[0]!.start, sig[sig.length - 1]!.end], tokens: sig });
    cur = [];
  };
  for (const t of tokens) {
    if (t.kind === "lbracket") depth++;
    if (t.kind === "rbracket") depth = Math.max(0, depth - 1);
    if (t.kind === "pipe" && depth === 0) {
      if (!sawAny) leadingPipe = true;
      flush();
      sawAny = true;
      continue;
    }
    if (t.kind !== "whitespace" && t.kind !== "comment") sawAny = true;
    cur.push(t);
  }
  flush();
  return { segments, leadingPipe };
}

export function parsePipeline(text: string): Pipeline {
  const tokens = lex(text);
  const errors: Pipeline["errors"] = [];
  for (const t of tokens) {
    if (t.unterminated) errors.push({ message: t.kind === "string" ? "unterminated string" : `unterminated ${t.kind}`, at: [t.start, t.end] });
  }
  const { segments, leadingPipe } = splitPipeline(tokens);
  const commands: Command[] = [];
  segments.forEach((seg, i) => {
    const parsed = parseCommand(text, seg, i === 0 && !leadingPipe, i === 0);
    commands.push(parsed.command);
    errors.push(...parsed.errors);
  });
  if (segments.length === 0) errors.push({ message: "the search is empty", at: [0, text.length] });
  return { commands, errors };
}
