/**
 * What join, append and appendpipe share: the subsearch in brackets, parsed as a pipeline of its
 * own, checked as a search of its own, and the note a batch result carries when one ran.
 *
 * The subsearch reads the same pasted events as the main search (issue 13): the console has no
 * other data. A subsearch over data the user cannot paste (a lookup table the content does not
 * ship, REST endpoints, metrics…) keeps a named reason: its commands' checks say which.
 */
import type { Pipeline, Range } from "../ast";
import type { Token } from "../lex";
import { Unsupported, type CheckContext, type ParseContext, type RunContext } from "./spec";

export interface Bracketed {
  /** Tokens before the opening bracket (after the command word). */
  before: Token[];
  /** The subsearch, or null when the command has no brackets. */
  sub: Pipeline | null;
  /** Range of the subsearch text inside the brackets. */
  subAt?: Range;
}

/** Split a segment at its first top-level `[ … ]` and parse what is inside. */
export function readBracketed(ctx: ParseContext, implied: boolean): Bracketed {
  const toks = ctx.seg.tokens;
  const open = toks.findIndex((t, i) => i > 0 && t.kind === "lbracket");
  if (open < 0) return { before: toks.slice(1), sub: null };
  let depth = 0;
  let close = -1;
  for (let j = open; j < toks.length; j++) {
    if (toks[j]!.kind === "lbracket") depth++;
    if (toks[j]!.kind === "rbracket" && --depth === 0) {
      close = j;
      break;
    }
  }
  const end = close < 0 ? toks.length : close;
  if (close < 0) ctx.errors.push({ message: "unterminated subsearch (no closing `]`)", at: [toks[open]!.start, ctx.seg.at[1]] });
  for (const t of toks.slice(end + 1)) ctx.errors.push({ message: `unexpected \`${t.text}\` after the subsearch`, at: [t.start, t.end] });
  const inner = toks.slice(open + 1, end);
  const sub = ctx.subsearch(inner, implied);
  const subAt: Range = inner.length ? [inner[0]!.start, inner[inner.length - 1]!.end] : [toks[open]!.end, toks[open]!.end];
  return { before: toks.slice(1, open), sub, subAt };
}

/**
 * Codes that say the subsearch reads data other than the pasted events (or reads raw events the
 * engine does not model): these become `subsearch`, detail the command. Any other code is an
 * engine limitation inside the subsearch (a command, function, option…) and keeps its own code
 * and detail, so the coverage report counts it with its kind.
 */
const DATA_CODES: ReadonlySet<string> = new Set(["raw_event_search", "needs_lookup", "remote_data", "metrics", "external_state", "reads_datamodel", "machine_learning", "subsearch"]);

/** Check the subsearch as a search of its own; the prose says it was the subsearch. */
export function checkSubsearch(name: string, sub: Pipeline | null, at: Range, ctx: CheckContext, overRows = false): void {
  if (!sub) throw new Unsupported("unsupported_command", `\`${name}\` without a subsearch in brackets is not modelled`, at, "none", name);
  if (sub.commands.length === 0) throw new Unsupported("parse_error", `\`${name}\` with an empty subsearch`, at, "none", name);
  try {
    ctx.subsearch(sub, overRows);
  } catch (e) {
    if (!(e instanceof Unsupported) || e.level !== "none") throw e;
    const reason = `the subsearch of \`${name}\` cannot run on pasted events: ${e.reason}`;
    if (DATA_CODES.has(e.code)) throw new Unsupported("subsearch", reason, e.at ?? at, "none", name);
    throw new Unsupported(e.code, reason, e.at ?? at, "none", e.detail);
  }
}

/** The note a batch result carries: what the subsearch read. */
export function noteSubsearch(name: string, ctx: RunContext, overRows = false): void {
  ctx.notes?.push(overRows ? `the subpipeline of \`${name}\` ran over the current results` : `the subsearch of \`${name}\` ran over the pasted events`);
}
