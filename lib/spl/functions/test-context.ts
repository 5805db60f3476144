/**
 * Test-only EvalContext: a JS-RegExp stand-in for lib/spl/regex.ts (leading (?i) → flag, Splunk
 * `\1` replacements → `$1`). Not used by production code.
 */
import type { EvalContext, RegexLike } from "./types";

export function jsRegex(pattern: string): RegexLike | { error: string } {
  let flags = "g";
  let p = pattern;
  if (p.startsWith("(?i)")) {
    flags += "i";
    p = p.slice(4);
  }
  let re: RegExp;
  try {
    re = new RegExp(p, flags);
  } catch (e) {
    return { error: String(e) };
  }
  return {
    test: (s) => {
      re.lastIndex = 0;
      return re.test(s);
    },
    exec: (s) => {
      re.lastIndex = 0;
      const m = re.exec(s);
      return m ? { start: m.index, end: m.index + m[0].length } : null;
    },
    replace: (s, rep) => s.replace(re, rep.replace(/\$/g, "$$$$").replace(/\\(\d)/g, "$$$1").replace(/\\\\/g, "\\")),
  };
}

export const testContext: EvalContext = { now: 1700000000, regex: jsRegex };
