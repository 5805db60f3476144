/**
 * Environment variables for well-known paths, inside the command cmd.exe runs (cmd expands
 * `%NAME%` there; a program's own arguments are not expanded, and the program token was expanded
 * by whoever started it, so neither gets one).
 */
import { cmdPayload, occurrences, replaceSpans } from "../cmdline";
import type { Generator, Variant } from "../types";

/** Path (case-insensitive) → the variables that stand for it on a default install. */
const VARIABLES: [string, string[]][] = [
  ["C:\\Windows\\system32\\cmd.exe", ["%COMSPEC%"]],
  ["C:\\Windows\\", ["%SystemRoot%\\", "%windir%\\"]],
];

export const envGenerator: Generator = {
  name: "env-var",
  description: "Paths written as environment variables (%COMSPEC%, %SystemRoot%, %windir%) in the command cmd.exe runs, which expands them.",
  variants(s) {
    const payload = cmdPayload(s.process);
    if (!payload) return [];
    const out: Variant[] = [];
    const seen = new Set<string>();
    for (const [path, vars] of VARIABLES) {
      const spans = occurrences(s.process, path, payload.start);
      if (spans.length === 0) continue;
      for (const v of vars) {
        const process = replaceSpans(s.process, spans, () => v);
        if (!seen.has(process)) out.push({ process });
        seen.add(process);
      }
    }
    return out;
  },
};
