/** Mandatory label SIDs (S-1-16-*) and names → CIM process_integrity_level values (Microsoft: "Mandatory Integrity Control"). */
const INTEGRITY_BY_RID: Record<string, string> = {
  "0": "untrusted",
  "4096": "low",
  "8192": "medium",
  "8448": "medium",
  "12288": "high",
  "16384": "system",
  "20480": "protected",
};

export function integrityFromLabel(label: string): string | undefined {
  const sid = /^S-1-16-(\d+)$/i.exec(label.trim());
  if (sid) return INTEGRITY_BY_RID[sid[1] ?? ""];
  const named = /(untrusted|low|medium|high|system|protected)[ _-]*(plus[ _-]*)?mandatory[ _-]*level/i.exec(label);
  return named ? named[1]?.toLowerCase() : undefined;
}
