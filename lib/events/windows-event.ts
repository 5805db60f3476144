/**
 * Which Windows event a flat record of event fields is: Sysmon Event ID 1, Security 4688, or
 * something else (a problem: only process creation events map to Endpoint.Processes).
 */
import type { VendorKind, VendorRecord } from "./vendor";

export function classifyWindowsEvent(rec: VendorRecord): { kind: VendorKind } | { problem: string } {
  const idText = rec["EventID"]?.value.trim() ?? "";
  const id = /^\d+$/.test(idText) ? Number(idText) : undefined;
  const provider = rec["Provider_Name"]?.value ?? rec["SourceName"]?.value ?? rec["Channel"]?.value ?? "";
  const sysmonish = /sysmon/i.test(provider);
  const hasImage = rec["Image"] !== undefined || rec["ParentImage"] !== undefined;
  const has4688 = rec["NewProcessName"] !== undefined || rec["New_Process_Name"] !== undefined;
  if (id === 4688) return { kind: "4688" };
  if (id === 1 && (sysmonish || hasImage || !provider)) return { kind: "sysmon" };
  if (id !== undefined) {
    const from = provider ? ` from ${provider}` : "";
    return {
      problem: `Event ID ${id}${from} is not a process creation event (Sysmon Event ID 1 or Security 4688); skipped`,
    };
  }
  if (has4688) return { kind: "4688" };
  if (hasImage || rec["CommandLine"] !== undefined) return { kind: "sysmon" };
  return {
    problem: "no EventID and no Image / NewProcessName: not recognised as Sysmon Event ID 1 or Security 4688",
  };
}
