/**
 * Argument order: cmd.exe's switches before /c in any order; switches that carry their value
 * (`/user:X /pwd:Y`) swapped. A switch whose value is the next word is never moved away from it.
 */
import { cmdPayload, programToken, replaceSpans, words, type Word } from "../cmdline";
import type { Generator } from "../types";

/** Adjacent runs of swappable switches. */
function swappable(cmd: string): Word[] {
  const payload = cmdPayload(cmd);
  if (payload) return payload.switches;
  const p = programToken(cmd);
  if (!p) return [];
  return words(cmd, p.end).filter((w) => /^[/-][a-z]+[:=]\S+$/i.test(w.text));
}

export const reorderGenerator: Generator = {
  name: "reorder",
  description: "Switches in another order (cmd's switches before /c; switches carrying their own value, /user:X /pwd:Y).",
  variants(s) {
    const ws = swappable(s.process);
    if (ws.length < 2) return [];
    const texts = ws.map((w) => w.text).reverse();
    const process = replaceSpans(s.process, ws, (_t, i) => texts[i]!);
    return process === s.process ? [] : [{ process }];
  },
};
