/**
 * Unicode look-alikes. PowerShell reads the en dash, em dash and horizontal bar as a switch's dash
 * (its language specification's "dash" characters). A binary copied under a name with a Cyrillic
 * letter that looks Latin is a renamed binary no one sees.
 */
import { baseName, programName, programToken, replaceSpans, words } from "../cmdline";
import type { Generator, Variant } from "../types";
import { runAs } from "./renamed";

const DASHES: [string, string][] = [
  ["\u2013", "en dash"],
  ["\u2014", "em dash"],
  ["\u2015", "horizontal bar"],
];

const POWERSHELL = new Set(["powershell.exe", "powershell", "pwsh.exe", "pwsh"]);

export const dashGenerator: Generator = {
  name: "unicode-dash",
  description: "PowerShell switches with an en dash, em dash or horizontal bar instead of -: PowerShell reads all as a dash.",
  variants(s) {
    if (!POWERSHELL.has(programName(s.process))) return [];
    const p = programToken(s.process)!;
    const switches = words(s.process, p.end).filter((w) => /^-[a-z]/i.test(w.text));
    if (switches.length === 0) return [];
    return DASHES.map(([dash]) => ({ process: replaceSpans(s.process, switches, (w) => dash + w.slice(1)) }));
  },
};

/** Latin → Cyrillic letters drawn alike. */
const LOOKALIKE: Record<string, string> = { a: "\u0430", c: "\u0441", e: "\u0435", o: "\u043e", p: "\u0440", x: "\u0445", s: "\u0455", i: "\u0456" };

export const lookalikeGenerator: Generator = {
  name: "lookalike",
  description: "The binary copied under a name with a Cyrillic look-alike letter (сmd.exe): same look, another name; original_file_name stays.",
  variants(s) {
    const p = programToken(s.process);
    if (!p) return [];
    const name = baseName(p.token);
    const i = [...name].findIndex((c) => LOOKALIKE[c.toLowerCase()] !== undefined && c === c.toLowerCase());
    if (i < 0) return [];
    const renamed = name.slice(0, i) + LOOKALIKE[name[i]!]! + name.slice(i + 1);
    const v: Variant | undefined = runAs(s, p.token.slice(0, p.token.length - name.length) + renamed);
    return v ? [v] : [];
  },
};
