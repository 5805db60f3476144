/**
 * How the same binary is written: a full path or the bare name found on PATH, a `.` segment, the
 * short 8.3 names of long folders. The binary does not change, so a real event's image path stays.
 */
import { baseName, occurrences, programToken, replaceSpans } from "../cmdline";
import type { Generator, Variant } from "../types";

/** Programs in C:\Windows\System32 on every Windows install (found on PATH by their bare name). */
export const SYSTEM32 = new Set(["cmd.exe", "certutil.exe", "regsvr32.exe", "rundll32.exe", "schtasks.exe", "sc.exe", "net.exe", "reg.exe", "msiexec.exe", "mshta.exe", "whoami.exe", "bitsadmin.exe", "cscript.exe", "wscript.exe", "wmic.exe"]);

/** Long folder → its usual 8.3 short name (the first such folder created on the volume gets ~1). */
const SHORT: [string, string][] = [
  ["C:\\Program Files (x86)\\", "C:\\PROGRA~2\\"],
  ["C:\\Program Files\\", "C:\\PROGRA~1\\"],
  ["C:\\ProgramData\\", "C:\\PROGRA~3\\"],
];

const SYSTEM_DIR = /^[a-z]:\\windows\\(system32|syswow64)\\[^\\]+$/i;

export const pathsGenerator: Generator = {
  name: "path-form",
  description: "The binary written another way: bare name on PATH or full path, a \\.\\ segment, 8.3 short folder names.",
  variants(s) {
    const p = programToken(s.process);
    if (!p) return [];
    const out: Variant[] = [];
    const name = baseName(p.token);
    const at = (text: string) => ({ process: s.process.slice(0, p.start) + text + s.process.slice(p.end) });
    if (SYSTEM_DIR.test(p.token)) out.push(at(name));
    else if (p.token === name && SYSTEM32.has(name.toLowerCase())) out.push(at(`C:\\Windows\\System32\\${name}`));
    if (p.token !== name && !p.quoted) out.push(at(`${p.token.slice(0, p.token.length - name.length)}.\\${name}`));
    for (const [long, short] of SHORT) {
      const spans = occurrences(s.process, long);
      if (spans.length > 0) out.push({ process: replaceSpans(s.process, spans, () => short).replace(/^"([^" ]+)"/, "$1") });
    }
    return out;
  },
};
