/**
 * cmd.exe's own obfuscation (DOSfuscation): a `^` escape inside a command word is removed when cmd
 * parses the line, and cmd strips `""` from an external program's name before running it. Both
 * only in the command cmd runs (after `/c` or `/k`), only in command position.
 */
import { cmdPayload, commandWords, replaceSpans } from "../cmdline";
import type { Generator } from "../types";

/** `echo` → `ec^ho`: a caret before the middle letter of a plain word. */
const caret = (w: string) => w.slice(0, Math.floor(w.length / 2)) + "^" + w.slice(Math.floor(w.length / 2));

export const caretGenerator: Generator = {
  name: "caret",
  description: "^ inside cmd.exe command words (e^cho): cmd removes the escape before running the command.",
  variants(s) {
    const payload = cmdPayload(s.process);
    if (!payload) return [];
    const plain = commandWords(s.process, payload.start).filter((w) => /^[a-z]{2,}$/i.test(w.text));
    if (plain.length === 0) return [];
    return [{ process: replaceSpans(s.process, plain, caret) }];
  },
};

/** A program path or name in command position (`C:\Windows\x.bat`, `whoami.exe`). */
const PROGRAM = /^(?:[a-z]:\\(?:[^\\"]+\\)*)?[a-z0-9_]{2,}[^\\"]*\.(?:exe|com|bat|cmd)$/i;

export const emptyQuotesGenerator: Generator = {
  name: "empty-quotes",
  description: "\"\" inside a program name cmd.exe runs (C:\\Windows\\B\"\"TOBT.bat): cmd drops the quotes when it looks the program up.",
  variants(s) {
    const payload = cmdPayload(s.process);
    if (!payload) return [];
    const programs = commandWords(s.process, payload.start).filter((w) => PROGRAM.test(w.text));
    if (programs.length === 0) return [];
    const split = (w: string) => {
      const cut = Math.max(w.lastIndexOf("\\"), -1) + 1;
      return w.slice(0, cut + 1) + '""' + w.slice(cut + 1);
    };
    return [{ process: replaceSpans(s.process, programs, split) }];
  },
};
