/**
 * The two matchers behind a CompiledRegex: a JavaScript RegExp built from translated source, and
 * re2js (linear time) for risky patterns RE2 can run exactly. Both report the first match at or
 * after `from` (leftmost-first, earlier text visible to lookbehind and `\b`) with PCRE group
 * numbering; `groups[0]` is the whole match.
 */
import { RE2JS } from "re2js";
import type { Node } from "./ast";
import { emitRe2 } from "./emit-re2";
import type { RegexRisk } from "./risk";

export interface RegexMatch {
  start: number;
  end: number;
  /** `groups[0]` is the whole match, `groups[n]` PCRE group n (undefined when it did not take part). */
  groups: (string | undefined)[];
  named: Record<string, string | undefined>;
}

export interface Finder {
  find(input: string, from: number): RegexMatch | null;
}

type Names = { name: string; index: number }[];

/**
 * A risky pattern that must run on a backtracking engine met an input longer than its
 * deterministic limit (risk.ts inputLimit): not run, the same on every machine.
 */
export class RegexLimitError extends Error {
  constructor(readonly pattern: string, readonly risk: RegexRisk, readonly limit: number, readonly length: number) {
    const shape = risk.risk === "exponential" ? "exponential" : `degree-${risk.degree} polynomial`;
    super(
      `regular expression /${pattern}/ can backtrack catastrophically (${shape}) and the linear-time engine cannot run it; ` +
        `it is run only on values up to ${limit} characters, and this value has ${length}`,
    );
  }
}

/** `inner` on inputs up to `limit` units; longer inputs throw RegexLimitError (Infinity: no limit). */
export function limited(inner: Finder, pattern: string, risk: RegexRisk, limit: number): Finder {
  if (limit === Infinity) return inner;
  return {
    find(input, from) {
      if (input.length > limit) throw new RegexLimitError(pattern, risk, limit, input.length);
      return inner.find(input, from);
    },
  };
}

function named(groups: (string | undefined)[], names: Names): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const { name, index } of names) out[name] = groups[index];
  return out;
}

/** `jsSource` must come from the translator (never raw PCRE). */
export function jsFinder(jsSource: string, jsFlags: string, groupMap: number[], names: Names): Finder {
  const re = new RegExp(jsSource, jsFlags + "g");
  return {
    find(input, from) {
      if (from < 0 || from > input.length) return null;
      re.lastIndex = from;
      const m = re.exec(input);
      if (!m) return null;
      const groups: (string | undefined)[] = [m[0]];
      for (let g = 1; g < groupMap.length; g++) groups.push(m[groupMap[g] ?? 0]);
      return { start: m.index, end: m.index + m[0].length, groups, named: named(groups, names) };
    },
  };
}

/** `small` on inputs up to `limit` units, `large` on longer ones (the choice depends on the length only). */
export function bySize(small: Finder, large: Finder, limit: number): Finder {
  return { find: (input, from) => (input.length <= limit ? small : large).find(input, from) };
}

/** Private-use code units tried, in order, as the stand-in for inner newlines. */
const SENTINELS = Array.from({ length: 32 }, (_, k) => 0xe000 + k);

/**
 * Throws (from re2js) when RE2 cannot compile the emitted pattern; the caller catches that at
 * compile time. `fallback` runs when every sentinel occurs in the input.
 */
export function re2Finder(root: Node, sentinel: boolean, groupCount: number, names: Names, fallback: Finder): Finder {
  const programs = new Map<number, RE2JS>();
  const program = (s: number): RE2JS => {
    let p = programs.get(s);
    if (!p) {
      p = RE2JS.compile(emitRe2(root, sentinel ? s : undefined));
      programs.set(s, p);
    }
    return p;
  };
  program(SENTINELS[0] ?? 0xe000); // compile now so failures surface at compile time
  return {
    find(input, from) {
      if (from < 0 || from > input.length) return null;
      let subject = input;
      let s = SENTINELS[0] ?? 0xe000;
      if (sentinel && input.includes("\n")) {
        const free = SENTINELS.find((c) => !input.includes(String.fromCharCode(c)));
        if (free === undefined) return fallback.find(input, from);
        s = free;
        const keep = input.endsWith("\n") ? input.length - 1 : input.length;
        subject = input.slice(0, keep).replaceAll("\n", String.fromCharCode(s)) + input.slice(keep);
      }
      const m = program(s).matcher(subject);
      if (!m.find(from)) return null;
      const groups: (string | undefined)[] = [];
      for (let g = 0; g <= groupCount; g++) {
        const a = m.start(g);
        groups.push(a < 0 ? undefined : input.slice(a, m.end(g)));
      }
      return { start: m.start(0), end: m.end(0), groups, named: named(groups, names) };
    },
  };
}
