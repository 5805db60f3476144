/**
 * `/` ↔ `-` switch prefixes, only for programs that read both. cmd.exe does not (`cmd -c` is not
 * `cmd /c`), so it gets no such variant.
 */
import { programName, programToken, replaceSpans, words } from "../cmdline";
import type { Generator } from "../types";

/** Programs whose switches take either prefix (their documentation shows both, or both are parsed alike). */
export const BOTH_PREFIXES = new Set(["powershell.exe", "powershell", "pwsh.exe", "pwsh", "certutil.exe", "certutil", "regsvr32.exe", "regsvr32", "msiexec.exe", "msiexec", "wmic.exe", "wmic"]);

/** A switch word: a prefix, a letter, then no further path separator (`/i`, `-urlcache`, `/node:host`). */
const SWITCH = /^[/-][a-z][^\\/]*$/i;

export const switchGenerator: Generator = {
  name: "switch-prefix",
  description: "Switches written with - instead of / (or back), for programs that accept both (PowerShell, certutil, regsvr32, msiexec, wmic).",
  variants(s) {
    if (!BOTH_PREFIXES.has(programName(s.process))) return [];
    const p = programToken(s.process)!;
    const switches = words(s.process, p.end).filter((w) => SWITCH.test(w.text));
    if (switches.length === 0) return [];
    return [{ process: replaceSpans(s.process, switches, (w) => (w[0] === "/" ? "-" : "/") + w.slice(1)) }];
  },
};
