/**
 * What evaluation needs while running a pipeline: the clock, a cached regex compiler adapted to
 * the functions' RegexLike, the unknown fields of the event, and a way to abort with a reason.
 */
import type { RegexLike, EvalContext } from "./functions/types";
import { compilePcre, RegexLimitError, type CompiledRegex } from "./regex";
import type { Scalar } from "./values";

/** A row as the interpreter holds it. Missing = SPL null. */
export type RowData = Record<string, Scalar | Scalar[]>;

/** Names every plain object answers (`constructor`, `toString`, `__proto__`…). */
const PROTOTYPE_NAMES: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

export function isPrototypeName(name: string): boolean {
  return PROTOTYPE_NAMES.has(name);
}

/**
 * A field of a row or an event: undefined when absent. A name that Object.prototype also has
 * counts only as the record's own property (rows are plain objects).
 */
export function fieldOf(row: Readonly<Record<string, Scalar | Scalar[] | undefined>>, name: string): Scalar | Scalar[] | undefined {
  if (PROTOTYPE_NAMES.has(name) && !Object.prototype.hasOwnProperty.call(row, name)) return undefined;
  return row[name];
}

/** Is `x` shaped like an EventInput? The engine answers anything else with a value, never a throw. */
export function isEventShaped(x: unknown): x is { fields: object } {
  if (typeof x !== "object" || x === null) return false;
  const e = x as { datasets?: unknown; fields?: unknown; unknown?: unknown };
  return isRecord(e.fields) && (e.datasets === undefined || isRecord(e.datasets)) && (e.unknown === undefined || Array.isArray(e.unknown));
}

// Module-level, not a closure inside isEventShaped: that runs once per search per event.
function isRecord(v: unknown): boolean {
  return typeof v === "object" && v !== null && !Array.isArray(v);
}

/**
 * Why a run stopped, as a `not_testable` reason with its code: an EngineAbort, a risky regex over
 * its deterministic input limit (regex/risk.ts), or else an internal error (a bug).
 */
export function abortOf(e: unknown): { code: string; reason: string } {
  if (e instanceof EngineAbort) return { code: e.code, reason: e.reason };
  if (e instanceof RegexLimitError) return { code: "regex_limit", reason: e.message };
  return { code: "internal_error", reason: `internal error: ${String(e)}` };
}

/** Thrown inside the interpreter only; index.ts turns it into a `not_testable` value with its code. */
export class EngineAbort extends Error {
  constructor(readonly reason: string, readonly code = "unsupported_command") {
    super(reason);
  }
}

export interface Runtime extends EvalContext {
  /** Compile a PCRE pattern or abort the run with the translator's reason. */
  compiled(pattern: string): CompiledRegex;
  /** Unknown fields of the event under test (CIM names, no prefix). */
  unknown: Set<string>;
  /** Unknown fields that a predicate read (and still needs: see MissingSink in search-leaf.ts). */
  hinges: Set<string>;
  /** Note that a predicate read `name` (with or without a dataset prefix). */
  read(name: string): void;
  /** The number of unknown-field reads recorded so far (MissingSink). */
  mark(): number;
  /** Take back the reads recorded between two marks (MissingSink). */
  cut(from: number, to: number): void;
}

function adapt(re: CompiledRegex): RegexLike {
  return {
    test: (s) => re.test(s),
    replace: (s, r) => re.replace(s, r),
    exec: (s) => {
      const m = re.exec(s);
      return m ? { start: m.start, end: m.end } : null;
    },
  };
}

export function compileOrAbort(pattern: string): CompiledRegex {
  const r = compilePcre(pattern);
  if (!r.ok) throw new EngineAbort(`regular expression /${pattern}/ cannot be run faithfully: ${r.reason}`, "regex");
  return r.regex;
}

/** The same `unknown` array (one event tested by many analytics) is turned into a Set once. */
const unknownSets = new WeakMap<readonly string[], Set<string>>();
const EMPTY = new Set<string>();

let lastUnknown: readonly string[] | undefined;
let lastSet: Set<string> = EMPTY;

export function unknownSet(unknown: readonly string[]): Set<string> {
  if (unknown.length === 0) return EMPTY;
  if (unknown === lastUnknown) return lastSet;
  let set = unknownSets.get(unknown);
  if (!set) {
    set = new Set(unknown);
    unknownSets.set(unknown, set);
  }
  lastUnknown = unknown;
  lastSet = set;
  return set;
}

/** One adapter per pattern, not one per call (bounded: cleared when full). */
const adapted = new Map<string, RegexLike | { error: string }>();

function regexFor(pattern: string): RegexLike | { error: string } {
  let a = adapted.get(pattern);
  if (!a) {
    a = adaptPattern(pattern);
    if (adapted.size >= 2000) adapted.clear();
    adapted.set(pattern, a);
  }
  return a;
}

function adaptPattern(pattern: string): RegexLike | { error: string } {
  const r = compilePcre(pattern);
  if (!r.ok) return { error: r.reason };
  return adapt(r.regex);
}

/** `Processes.process_name` → `process_name`, memoised (the same few names are read constantly). */
const bareNames = new Map<string, string>();
export function bareName(name: string): string {
  let b = bareNames.get(name);
  if (b === undefined) {
    const dot = name.lastIndexOf(".");
    b = dot >= 0 ? name.slice(dot + 1) : name;
    if (bareNames.size < 10000) bareNames.set(name, b);
  }
  return b;
}

const NO_HINGES: ReadonlySet<string> = new Set<string>();

class EvalRuntime implements Runtime {
  /** Unknown fields read while missing, in reading order, repeats allowed (allocated on the first). */
  private found: string[] | undefined;
  constructor(readonly now: number, readonly unknown: Set<string>) {}

  get hinges(): Set<string> {
    return (this.found ? new Set(this.found) : NO_HINGES) as Set<string>;
  }

  compiled(pattern: string): CompiledRegex {
    return compileOrAbort(pattern);
  }

  regex(pattern: string): RegexLike | { error: string } {
    return regexFor(pattern);
  }

  read(name: string): void {
    if (this.unknown.size === 0) return;
    const bare = bareName(name);
    if (this.unknown.has(bare)) (this.found ??= []).push(bare);
  }

  mark(): number {
    return this.found ? this.found.length : 0;
  }

  cut(from: number, to: number): void {
    if (this.found && to > from) this.found.splice(from, to - from);
  }
}

/**
 * The runtime as a trace sees it: the same clock, regexes and unknown fields, but its reads are not
 * hinges. A trace evaluates every clause (to show each one's value), while the verdict hinges
 * only on the unknown fields its own short-circuit evaluation reads, as without a trace.
 */
export function quietRuntime(rt: Runtime): Runtime {
  return {
    now: rt.now,
    unknown: rt.unknown,
    hinges: new Set<string>(),
    regex: (p) => rt.regex(p),
    compiled: (p) => rt.compiled(p),
    read: () => {},
    mark: () => 0,
    cut: () => {},
  };
}

export function makeRuntime(now: number, unknown: readonly string[] = []): Runtime {
  return new EvalRuntime(now, unknownSet(unknown));
}
