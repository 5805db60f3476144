/**
 * PCRE (Splunk's regex dialect) → an executable regex with PCRE semantics, or a reason why not.
 *
 * Input is the regex text after SPL string unescaping. The pattern is parsed into a tree
 * (regex-parse.ts), checked (regex-analyze.ts), and emitted as JavaScript source without the `u`
 * flag (regex-emit-js.ts). risk.ts classifies the pattern: linear patterns run on JavaScript;
 * risky ones (polynomial or exponential backtracking) run on re2js when RE2 can run them exactly
 * (regex-emit-re2.ts), and otherwise stay on JavaScript with an input-length limit that depends
 * only on the pattern: a longer input throws RegexLimitError (the engine answers not_testable,
 * code regex_limit), the same on every machine. No wall clock is involved. `new RegExp` only
 * ever sees translator output.
 *
 * Semantics assumed for Splunk's PCRE2: UTF mode, no UCP (ASCII `\d \s \w \b` and POSIX classes),
 * newline = LF. Known residual differences (documented, not detected per input): characters
 * outside the BMP count as two characters for JavaScript `.` and negated classes (RE2 and PCRE
 * count one); caseless matching of non-ASCII letters follows JavaScript's simple folding (PCRE2
 * also folds e.g. the Kelvin sign with k).
 */
import { caseMode, repetitionHazards, structuralProblem } from "./analyze";
import type { ParsedPattern } from "./ast";
import { emitJs } from "./emit-js";
import { emitRe2, needsSentinel, re2Obstacle } from "./emit-re2";
import { bySize, jsFinder, limited, re2Finder, type Finder, type RegexMatch } from "./exec";
import { parsePcre, type Options } from "./parse";
import { findAll, replaceMatches, replaceNthMatch } from "./replace";
import { fastLimit, inputLimit, regexRisk, type RegexRisk } from "./risk";

export type { RegexMatch } from "./exec";
export { RegexLimitError } from "./exec";
export { inputLimit, regexRisk, type RegexRisk } from "./risk";

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
  /** How much backtracking the pattern's shape allows (risk.ts). */
  risk: RegexRisk;
  /** JavaScript engine and a backtracking-prone shape: runs only on inputs up to `maxInput`. */
  risky: boolean;
  /** Longest input (UTF-16 units) it runs on when `risky`; longer inputs throw RegexLimitError. */
  maxInput?: number;
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

/** Static backtracking check (risk.ts): polynomial or exponential. Unparseable patterns are not
 * risky (they never run). */
export function isRiskyPattern(pattern: string): boolean {
  const r = riskOf(pattern);
  return r !== null && r.risk !== "linear";
}

/** The risk class of a pattern, or null when it does not parse. */
export function riskOf(pattern: string, extraFlags = ""): RegexRisk | null {
  const initial = initialOptions(extraFlags);
  if (typeof initial === "string") return null;
  const parsed = parsePcre(pattern, initial);
  return parsed.ok ? regexRisk(parsed.pattern.root) : null;
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
  const risk = regexRisk(p.root);
  const maxInput = inputLimit(risk);
  const bare = jsFinder(jsSource, jsFlags, groupMap, p.names);
  const js = limited(bare, source, risk, maxInput);
  const risky = risk.risk !== "linear";
  const hazards = repetitionHazards(p.root);
  let finder: Finder = js;
  let engine: "js" | "re2" = "js";
  let re2Source: string | undefined;
  const wantRe2 = force ? force === "re2" : (risky || hazards.captureReset) && re2Obstacle(p.root) === null;
  if (wantRe2) {
    try {
      finder = re2Finder(p.root, needsSentinel(p.root), p.groupCount, p.names, js);
      // Both engines give the same answer here, so short values (whose worst case is a few
      // milliseconds of backtracking) stay on V8, which is much faster: which engine runs depends
      // on the value's length only, never on time.
      if (!force && risky && !hazards.captureReset) finder = bySize(bare, finder, fastLimit(risk));
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
    risk,
    risky: engine === "js" && risky,
    exec: (input, from = 0) => finder.find(input, from),
    test: (input) => finder.find(input, 0) !== null,
    execAll: (input, limit = 0) => findAll(finder, input, limit),
    replace: (input, replacement, count = 0) => replaceMatches(finder, input, replacement, count),
    replaceNth: (input, replacement, n) => replaceNthMatch(finder, input, replacement, n),
  };
  if (re2Source !== undefined) regex.re2Source = re2Source;
  if (regex.risky) regex.maxInput = maxInput;
  if (inexact !== undefined) regex.inexact = inexact;
  return regex;
}
