/**
 * Whitespace between arguments: Windows' argument splitting and cmd.exe take any run of spaces
 * and tabs as one separator. The program token and quoted text are left alone.
 */
import { programToken, words } from "../cmdline";
import type { Generator } from "../types";

/** The line with each separator between words (after the program) replaced by `sep`. */
function respace(cmd: string, sep: string): string | undefined {
  const p = programToken(cmd);
  if (!p) return undefined;
  const ws = words(cmd, p.end);
  if (ws.length === 0) return undefined;
  let out = cmd.slice(0, p.end);
  let at = p.end;
  for (const w of ws) {
    out += sep + w.text;
    at = w.end;
  }
  return out + cmd.slice(at);
}

export const spacesGenerator: Generator = {
  name: "whitespace",
  description: "Extra spaces, or tabs, between arguments: Windows and cmd.exe read any run of blanks as one separator.",
  variants(s) {
    return ["   ", "\t"].flatMap((sep) => {
      const v = respace(s.process, sep);
      return v === undefined ? [] : [{ process: v }];
    });
  },
};
