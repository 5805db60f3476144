/**
 * Quoting: the program path in quotes or not, and cmd.exe's payload in quotes. `cmd /?` documents
 * that with /c or /k, when the quoted text holds a special character (&<>()@^|) or more than two
 * quotes, cmd strips the first and the last quote: `/c "a & b"` runs `a & b`.
 */
import { cmdPayload, programToken } from "../cmdline";
import type { Generator, Variant } from "../types";

export const quotesGenerator: Generator = {
  name: "quotes",
  description: "Quoting changed: the program path quoted (or not), the command after cmd's /c wrapped in quotes cmd strips.",
  variants(s) {
    const out: Variant[] = [];
    const p = programToken(s.process);
    if (!p) return out;
    const rest = s.process.slice(p.end);
    if (!p.quoted) out.push({ process: `${s.process.slice(0, p.start)}"${p.token}"${rest}` });
    else if (!/[ \t]/.test(p.token)) out.push({ process: `${s.process.slice(0, p.start)}${p.token}${rest}` });
    const payload = cmdPayload(s.process);
    if (payload && !s.process.slice(payload.start).startsWith('"') && /[&<>()@^|"]/.test(s.process.slice(payload.start))) {
      out.push({ process: `${s.process.slice(0, payload.start)}"${s.process.slice(payload.start)}"` });
    }
    return out;
  },
};
