/**
 * Expanded SPL text → pipeline AST. Splits on top-level pipes (not inside strings or subsearch
 * brackets), then parses each segment with its command's parser. An unknown command parses
 * generically (name + raw arguments), so every search parses. Never throws.
 */
import type { Command, Pipeline, Range } from "./ast";
import { lex, significant, type Token } from "./lex";
import { commandSpec, impliedSearch, unsupportedCommand } from "./commands/index";
import type { ParseErrors, Segment } from "./commands/spec";

export type { Segment };

/** One segment → its command node: the implied search, a command module's parser, or `unsupported`. */
function parseSegment(text: string, seg: Segment, implied: boolean, first: boolean, errors: ParseErrors): Command {
  if (implied) return impliedSearch(seg, errors);
  const head = seg.tokens[0]!;
  const name = head.kind === "word" ? head.text.toLowerCase() : head.text;
  const ctx = { text, seg, first, errors, subsearch: (tokens: Token[], impliedFirst: boolean) => parseTokens(text, tokens, errors, impliedFirst) };
  const spec = commandSpec(name);
  return spec ? (spec.parse(ctx) as Command) : unsupportedCommand(ctx, name);
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

/**
 * Tokens → commands. `implied`: a first segment without a leading pipe is the implied search
 * (a search, or a join/append subsearch); appendpipe's subpipeline starts with a command word.
 */
function parseTokens(text: string, tokens: Token[], errors: ParseErrors, implied: boolean): Pipeline {
  const { segments, leadingPipe } = splitPipeline(tokens);
  const commands: Command[] = [];
  // `search …` written out (`[search sourcetype=x]`) is the search command, not a bare term.
  const head = segments[0]?.tokens[0];
  const written = head?.kind === "word" && head.text.toLowerCase() === "search";
  segments.forEach((seg, i) => commands.push(parseSegment(text, seg, implied && i === 0 && !leadingPipe && !written, i === 0, errors)));
  return { commands, errors };
}

export function parsePipeline(text: string): Pipeline {
  const tokens = lex(text);
  const errors: Pipeline["errors"] = [];
  for (const t of tokens) {
    if (t.unterminated) errors.push({ message: t.kind === "string" ? "unterminated string" : `unterminated ${t.kind}`, at: [t.start, t.end] });
  }
  const p = parseTokens(text, tokens, errors, true);
  if (p.commands.length === 0) errors.push({ message: "the search is empty", at: [0, text.length] });
  return p;
}
