/**
 * Shared types of the eager eval functions table. Lazy forms (if, case, validate, mvfilter,
 * mvmap, searchmatch) belong to the interpreter, not to this table.
 */
import type { EvalFailure, EvalValue } from "../values";

/**
 * What a function needs of a compiled regex. The caller adapts lib/spl/regex.ts to this.
 * - `test`: unanchored search.
 * - `replace`: replaces EVERY match; `replacement` is in Splunk/PCRE form (`\1`…`\9` back
 *   references, `\\` a literal backslash), exactly as the eval string literal delivered it.
 * - `exec`: first match span.
 */
export interface RegexLike {
  test(s: string): boolean;
  replace(s: string, replacement: string): string;
  exec(s: string): { start: number; end: number } | null;
}

export interface EvalContext {
  /** Search time, epoch seconds (now(), time(), relative_time bases). */
  now: number;
  /** Compile a PCRE pattern (already SPL-unescaped). */
  regex: (pattern: string) => RegexLike | { error: string };
}

export type EvalResult = EvalValue | EvalFailure;

export interface EvalFunctionSpec {
  minArgs: number;
  /** Infinity for variadic functions. */
  maxArgs: number;
  fn: (args: EvalValue[], ctx: EvalContext) => EvalResult;
}

export type EvalFunctionTable = Record<string, EvalFunctionSpec>;
