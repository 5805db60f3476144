import type { InputFormat } from "./types";

const LABELS: Record<InputFormat | "empty" | "unknown", string> = {
  "command-line": "command line",
  "cim-json": "CIM JSON",
  "sysmon-xml": "Sysmon XML",
  "sysmon-json": "Sysmon JSON",
  "security-4688-xml": "Security 4688 XML",
  "security-4688-json": "Security 4688 JSON",
  csv: "CSV",
  empty: "empty",
  unknown: "unknown format",
};

/** A format's name for people: "command line" (or "command lines" for a whole input), "Sysmon XML", … */
export function formatLabel(format: string, plural = false): string {
  if (format === "command-line" && plural) return "command lines";
  return LABELS[format as keyof typeof LABELS] ?? format;
}
