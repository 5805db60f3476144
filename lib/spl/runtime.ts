/**
 * What evaluation needs while running a pipeline: the clock, a cached regex compiler adapted to
 * the functions' RegexLike, the unknown fields of the event, and a way to abort with a reason.
 */
import type { RegexLike, EvalContext } from "./functions/types";
import { compilePcre, type CompiledRegex } from "./regex";
import type { Scalar } from "./values";

/** A row as the interpreter holds it. Missing = SPL null. */
export type RowData = Record<string, Scalar | Scalar[]>;

/** Thrown inside the interpreter only; run.ts turns it into a `not_testable` value. */
export class EngineAbort extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export interface Runtime extends EvalContext {
  /** Compile a PCRE pattern or abort the run with the translator's reason. */
  compiled(pattern: string): CompiledRegex;
  /** Unknown fields of the event under test (CIM names, no prefix). */
  unknown: Set<string>;
  /** Unknown fields that a predicate read. */
  hinges: Set<string>;
  /** Note that a predicate read `name` (with or without a dataset prefix). */
  read(name: string): void;
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
  if (!r.ok) throw new EngineAbort(`regular expression /${pattern}/ cannot be run faithfully: ${r.reason}`);
  if (r.regex.engine === "js" && r.regex.risky) {
    throw new EngineAbort(`regular expression /${pattern}/ could backtrack catastrophically and needs features the linear-time engine lacks`);
  }
  return r.regex;
}

export function makeRuntime(now: number, unknown: Iterable<string> = []): Runtime {
  const unknownSet = new Set(unknown);
  const hinges = new Set<string>();
  return {
    now,
    compiled: compileOrAbort,
    regex: (pattern: string) => {
      const r = compilePcre(pattern);
      if (!r.ok) return { error: r.reason };
      if (r.regex.engine === "js" && r.regex.risky) return { error: "pattern could backtrack catastrophically" };
      return adapt(r.regex);
    },
    unknown: unknownSet,
    hinges,
    read(name: string) {
      if (unknownSet.size === 0) return;
      const dot = name.lastIndexOf(".");
      const bare = dot >= 0 ? name.slice(dot + 1) : name;
      if (unknownSet.has(bare)) hinges.add(bare);
    },
  };
}
