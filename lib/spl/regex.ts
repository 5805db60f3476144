/**
 * PCRE (Splunk's regex dialect) → an executable regex with PCRE semantics, or a reason why not.
 *
 * Input is the regex text after SPL string unescaping. The pattern is parsed into a tree
 * (regex-parse.ts), checked (regex-analyze.ts), and emitted as JavaScript source without the `u`
 * flag (regex-emit-js.ts). Patterns at risk of catastrophic backtracking run on re2js instead when
 * RE2 can run them exactly (regex-emit-re2.ts); otherwise they stay on JavaScript with
 * `risky: true` so callers can run them under a time budget. `new RegExp` only ever sees
 * translator output.
 *
 * Semantics assumed for Splunk's PCRE2: UTF mode, no UCP (ASCII `\d \s \w \b` and POSIX classes),
 * newline = LF. Known residual differences (documented, not detected per input): characters
 * outside the BMP count as two characters for JavaScript `.` and negated classes (RE2 and PCRE
 * count one); caseless matching of non-ASCII letters follows JavaScript's simple folding (PCRE2
 * also folds e.g. the Kelvin sign with k).
 */
import { caseMode, repetitionHazards, riskyTree, structuralProblem } from "./regex-analyze";
import type { ParsedPattern } from "./regex-ast";
import { emitJs } from "./regex-emit-js";
import { emitRe2, needsSentinel, re2Obstacle } from "./regex-emit-re2";
import { jsFinder, re2Finder, type Finder, type RegexMatch } from "./regex-exec";
import { parsePcre, type Options } from "./regex-parse";
import { findAll, replaceMatches, replaceNthMatch } from "./regex-replace";

export type { RegexMatch } from "./regex-exec";

export type RegexCompileResult =
  | { ok: true; regex: CompiledRegex }
  | { ok: false; reason: string; offset?: number };

export interface CompiledRegex {
  /** The PCRE source as given. */
  source: string;
  jsSource: string;
  jsFlags: string;
  /** The RE2 program text, when engine is "re2". */
  re2Source?: string;
  /** Named groups, in order (for rex). */
  groupNames: string[];
  /** Number of capturing groups (PCRE numbering). */
  groupCount: number;
  /** Which engine executes it. */
  engine: "js" | "re2";
  /** JavaScript engine and a backtracking-prone shape: run it under a time budget. */
  risky: boolean;
  /** Set when match boundaries or group values may differ from PCRE for some inputs (why);
   * `test()` is exact regardless. */
  inexact?: string;
  /** First match at or after `from`, or null. */
  exec(input: string, from?: number): RegexMatch | null;
  test(input: string): boolean;
  /** All non-overlapping matches (rex max_match, replace). limit 0 = unlimited. */
  execAll(input: string, limit?: number): RegexMatch[];
  /** `\0`..`\9` backrefs in the replacement; all occurrences, or the first `count` (> 0). */
  replace(input: string, replacement: string, count?: number): string;
  /** Replace only the nth occurrence (1-based), for `rex mode=sed "s/x/y/N"`. */
  replaceNth(input: string, replacement: string, n: number): string;
}

const CACHE_SIZE = 4096;
const cache = new Map<string, RegexCompileResult>();

/** `extraFlags`: PCRE option letters applied as if the pattern began with `(?flags)` (i m s x). */
export function compilePcre(pattern: string, extraFlags = ""): RegexCompileResult {
  const key = `${extraFlags}\u0000${pattern}`;
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const result = compileUncached(pattern, extraFlags);
  cache.set(key, result);
  if (cache.size > CACHE_SIZE) {
    const oldest = cache.keys().next().value;
    if (oldest !== undefined) cache.delete(oldest);
  }
  return result;
}

/** Static catastrophic-backtracking check (nested variable quantifiers, overlapping
 * alternatives under a repetition). Unparseable patterns are not risky (they never run). */
export function isRiskyPattern(pattern: string): boolean {
  const parsed = parsePcre(pattern);
  return parsed.ok && riskyTree(parsed.pattern.root);
}

function initialOptions(extraFlags: string): Partial<Options> | string {
  const opts: Partial<Options> = {};
  for (const f of extraFlags) {
    if (f !== "i" && f !== "m" && f !== "s" && f !== "x") return `unsupported regex flag "${f}"`;
    opts[f] = true;
  }
  return opts;
}

/**
 * Compile on a chosen engine, bypassing the cache and the risk routing (tests and diagnostics:
 * comparing both engines on one pattern). Fails when RE2 cannot run the pattern exactly.
 */
export function compilePcreWithEngine(pattern: string, engine: "js" | "re2", extraFlags = ""): RegexCompileResult {
  return compileUncached(pattern, extraFlags, engine);
}

function compileUncached(pattern: string, extraFlags: string, force?: "js" | "re2"): RegexCompileResult {
  const initial = initialOptions(extraFlags);
  if (typeof initial === "string") return { ok: false, reason: initial };
  const parsed = parsePcre(pattern, initial);
  if (!parsed.ok) {
    const where = parsed.offset !== undefined ? ` (offset ${parsed.offset})` : "";
    return { ok: false, reason: `${parsed.reason}${where}`, ...(parsed.offset !== undefined ? { offset: parsed.offset } : {}) };
  }
  const p = parsed.pattern;
  const problem = structuralProblem(p.root);
  if (problem) return { ok: false, reason: problem };
  const mode = caseMode(p.root);
  if ("reason" in mode) return { ok: false, reason: mode.reason };
  if (force === "re2") {
    const obstacle = re2Obstacle(p.root);
    if (obstacle) return { ok: false, reason: `RE2 cannot run this pattern exactly: ${obstacle}` };
  }
  try {
    return { ok: true, regex: build(pattern, p, mode.useIFlag, force) };
  } catch (e) {
    return { ok: false, reason: `internal translator error: ${e instanceof Error ? e.message : String(e)}` };
  }
}

function build(source: string, p: ParsedPattern, useIFlag: boolean, force?: "js" | "re2"): CompiledRegex {
  const { source: jsSource, groupMap } = emitJs(p.root, p.groupCount, { useIFlag });
  const jsFlags = useIFlag ? "i" : "";
  const js = jsFinder(jsSource, jsFlags, groupMap, p.names);
  const risky = riskyTree(p.root);
  const hazards = repetitionHazards(p.root);
  let finder: Finder = js;
  let engine: "js" | "re2" = "js";
  let re2Source: string | undefined;
  const wantRe2 = force ? force === "re2" : (risky || hazards.captureReset) && re2Obstacle(p.root) === null;
  if (wantRe2) {
    try {
      finder = re2Finder(p.root, needsSentinel(p.root), p.groupCount, p.names, js);
      engine = "re2";
      re2Source = emitRe2(p.root, needsSentinel(p.root) ? 0xe000 : undefined);
    } catch (e) {
      if (force === "re2") throw e;
      finder = js; // RE2 refused (program too large): stay on JavaScript, flagged risky
    }
  }
  let inexact: string | undefined;
  if (hazards.emptyIteration) {
    inexact = "a repeated group can match an empty string: PCRE stops the loop there, so match bounds and groups may differ";
  } else if (hazards.captureReset && engine === "js") {
    inexact = "a capturing group inside a repetition may keep an earlier iteration's value in PCRE but is reset in JavaScript";
  }
  const regex: CompiledRegex = {
    source,
    jsSource,
    jsFlags,
    groupNames: p.names.map((n) => n.name),
    groupCount: p.groupCount,
    engine,
    risky: engine === "js" && risky,
    exec: (input, from = 0) => finder.find(input, from),
    test: (input) => finder.find(input, 0) !== null,
    execAll: (input, limit = 0) => findAll(finder, input, limit),
    replace: (input, replacement, count = 0) => replaceMatches(finder, input, replacement, count),
    replaceNth: (input, replacement, n) => replaceNthMatch(finder, input, replacement, n),
  };
  if (re2Source !== undefined) regex.re2Source = re2Source;
  if (inexact !== undefined) regex.inexact = inexact;
  return regex;
}
