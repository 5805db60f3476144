/**
 * Letter case: Windows file names, cmd.exe's commands and switch names ignore it. Values (a
 * password after `/pwd:`, echoed text, a URL) may not, so they keep theirs.
 */
import { cmdPayload, commandWords, programToken, replaceSpans, words, type Span } from "../cmdline";
import type { Generator, Subject } from "../types";

const toggle = (s: string) => [...s].map((c) => (c === c.toLowerCase() ? c.toUpperCase() : c.toLowerCase())).join("");

/** The program token, switch names (before any `:` or `=`) and cmd.exe's command words. */
function caseFree(s: Subject): Span[] {
  const p = programToken(s.process);
  if (!p) return [];
  const payload = cmdPayload(s.process);
  const switches = words(s.process, p.end)
    .filter((w) => (!payload || w.start < payload.start) && /^[/-][a-z]/i.test(w.text))
    .map((w) => ({ start: w.start, end: w.start + (/^[/-][a-z0-9]+/i.exec(w.text)?.[0].length ?? 1) }));
  const commands = payload ? commandWords(s.process, payload.start).filter((w) => /^[a-z]+$/i.test(w.text)) : [];
  return [p, ...switches, ...commands].sort((a, b) => a.start - b.start);
}

export const caseGenerator: Generator = {
  name: "case",
  description: "Letter case changed in the program, switch names and cmd.exe commands (all case-insensitive on Windows).",
  variants(s) {
    const spans = caseFree(s);
    if (spans.length === 0) return [];
    const upper = replaceSpans(s.process, spans, (t) => t.toUpperCase());
    const mixed = replaceSpans(s.process, spans, toggle);
    return [...new Set([upper, mixed])].filter((p) => p !== s.process).map((process) => ({ process }));
  },
};
