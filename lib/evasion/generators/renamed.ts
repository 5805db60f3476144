/**
 * A renamed copy of the binary: the command line and the image name change, the PE header's
 * original file name (what Sysmon and EDRs report as OriginalFileName) stays.
 */
import { baseName, programToken } from "../cmdline";
import type { Generator, Subject, Variant } from "../types";

/** The binary's name in its PE header: the event's, else the name it ran under. */
export function originalName(s: Subject): string | undefined {
  const p = programToken(s.process);
  return s.originalFileName ?? s.processName ?? (p ? baseName(p.token) : undefined);
}

/** The subject run as `program` (a new binary path) instead. */
export function runAs(s: Subject, program: string): Variant | undefined {
  const p = programToken(s.process);
  const original = originalName(s);
  if (!p || !original) return undefined;
  const token = /[ \t]/.test(program) ? `"${program}"` : program;
  return { process: s.process.slice(0, p.start) + token + s.process.slice(p.end), program, fields: { original_file_name: original } };
}

export const RENAMED_TO = "C:\\Users\\Public\\svchelper.exe";

export const renamedGenerator: Generator = {
  name: "renamed",
  description: "A renamed copy of the binary (process_name changes, original_file_name stays).",
  variants(s) {
    const v = runAs(s, RENAMED_TO);
    return v ? [v] : [];
  },
};
