/**
 * Sysmon Event ID 1 and Security 4688 fields → CIM Endpoint.Processes, as the Splunk add-ons map
 * them (facts from ESCU's data_sources/sysmon_eventid_1.yml and windows_event_log_security_4688.yml,
 * and the add-ons' documented CIM fields). Works on a flat record of the event's own field names.
 */
import { baseName } from "./commandline";
import type { EventDraft } from "./build";

export interface VendorValue {
  value: string;
  /** Where the value was found, e.g. `Image` or `winlog.event_data.Image`. */
  from: string;
}

/** Event field name → value (a null-prototype object). */
export type VendorRecord = Record<string, VendorValue>;

export function newRecord(): VendorRecord {
  return Object.create(null) as VendorRecord;
}

export type VendorKind = "sysmon" | "4688";

/** Marker fields: their presence says "this is a Windows event", not a CIM object. */
export const SYSMON_FIELDS: readonly string[] = [
  "Image",
  "CommandLine",
  "ParentImage",
  "ParentCommandLine",
  "OriginalFileName",
  "ProcessGuid",
  "ParentProcessGuid",
  "IntegrityLevel",
  "CurrentDirectory",
  "Hashes",
];
export const SECURITY_4688_FIELDS: readonly string[] = [
  "NewProcessName",
  "New_Process_Name",
  "NewProcessId",
  "New_Process_ID",
  "ParentProcessName",
  "Creator_Process_Name",
  "Creator_Process_ID",
  "Process_Command_Line",
  "TokenElevationType",
  "MandatoryLabel",
  "SubjectUserName",
  "TargetUserName",
];
/** Other event field names recognised in CSV headers and JSON objects. */
export const COMMON_EVENT_FIELDS: readonly string[] = [
  "EventID",
  "EventCode",
  "Computer",
  "ComputerName",
  "User",
  "ProcessId",
  "ParentProcessId",
  "Channel",
  "Provider_Name",
  "SourceName",
  "UtcTime",
];

/** Null, empty and Windows's "-" placeholder all mean "no value". */
function present(rec: VendorRecord, ...names: string[]): VendorValue | undefined {
  for (const name of names) {
    const v = rec[name];
    if (v && v.value !== "" && v.value !== "-") return v;
  }
  return undefined;
}

function mapped(draft: EventDraft, field: string, v: VendorValue | undefined, note: string, value?: string) {
  if (!v) return;
  draft.set(field, value ?? v.value, { origin: "mapped", from: v.from, note });
}

function mapImage(draft: EventDraft, v: VendorValue | undefined, prefix: "" | "parent_", label: string) {
  if (!v) return;
  mapped(draft, `${prefix}process_path`, v, label);
  const name = baseName(v.value);
  mapped(draft, `${prefix}process_name`, v, `file name part of ${label}`, name);
  mapped(draft, `${prefix}process_exec`, v, `file name part of ${label}`, name);
}

export function mapSysmon(rec: VendorRecord, draft: EventDraft): void {
  const s = "Sysmon Event ID 1";
  mapImage(draft, present(rec, "Image"), "", `${s} Image`);
  mapped(draft, "process", present(rec, "CommandLine"), `${s} CommandLine`);
  mapImage(draft, present(rec, "ParentImage"), "parent_", `${s} ParentImage`);
  mapped(draft, "parent_process", present(rec, "ParentCommandLine"), `${s} ParentCommandLine`);
  mapped(draft, "original_file_name", present(rec, "OriginalFileName"), `${s} OriginalFileName`);
  mapped(draft, "user", present(rec, "User"), `${s} User`);
  mapped(draft, "dest", present(rec, "Computer"), "the event's Computer");
  mapped(draft, "process_id", present(rec, "ProcessId"), `${s} ProcessId`);
  mapped(draft, "parent_process_id", present(rec, "ParentProcessId"), `${s} ParentProcessId`);
  mapped(draft, "process_guid", present(rec, "ProcessGuid"), `${s} ProcessGuid`);
  mapped(draft, "parent_process_guid", present(rec, "ParentProcessGuid"), `${s} ParentProcessGuid`);
  // Lower-cased: ESCU compares it with match(process_integrity_level, "high"), which is
  // case-sensitive, on Sysmon data; the add-on's value is "high", Sysmon logs "High".
  const level = present(rec, "IntegrityLevel");
  mapped(draft, "process_integrity_level", level, `${s} IntegrityLevel, lower-cased`, level?.value.toLowerCase());
  mapped(draft, "process_current_directory", present(rec, "CurrentDirectory"), `${s} CurrentDirectory`);
  mapped(draft, "process_hash", present(rec, "Hashes"), `${s} Hashes`);
  const constant = { origin: "mapped" as const, note: "set by the Splunk Add-on for Sysmon for process creation" };
  draft.set("vendor_product", "Microsoft Sysmon", constant);
  draft.set("action", "allowed", constant);
}

/** Mandatory label SIDs (S-1-16-*) and names → CIM process_integrity_level values. */
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

function joinUser(domain: VendorValue | undefined, name: VendorValue): string {
  return domain ? `${domain.value}\\${name.value}` : name.value;
}

export function map4688(rec: VendorRecord, draft: EventDraft): void {
  const s = "Security 4688";
  mapImage(draft, present(rec, "NewProcessName", "New_Process_Name"), "", `${s} NewProcessName`);
  mapped(draft, "process", present(rec, "CommandLine", "Process_Command_Line"), `${s} CommandLine`);
  mapImage(draft, present(rec, "ParentProcessName", "Creator_Process_Name"), "parent_", `${s} ParentProcessName`);
  // Process IDs stay as Windows logs them (hexadecimal, 0x1a2c): ESCU's data source notes
  // "New_Process_ID in Hex", and analysts convert the add-on's process_id / parent_process_id
  // with tonumber(x, 16) themselves. Converting here would diverge from Splunk.
  mapped(draft, "process_id", present(rec, "NewProcessId", "New_Process_ID"), `${s} NewProcessId (hexadecimal, as logged)`);
  mapped(draft, "parent_process_id", present(rec, "ProcessId", "Creator_Process_ID"), `${s} ProcessId, the creator (hexadecimal, as logged)`);
  mapped(draft, "dest", present(rec, "Computer", "ComputerName"), "the event's Computer");
  // The account the new process runs as: Target Subject (Windows 10+) when logged, else the creator.
  const target = present(rec, "TargetUserName");
  const targetSid = present(rec, "TargetUserSid");
  const useTarget = target !== undefined && !/^(S-1-0-0|NULL SID)$/i.test(targetSid?.value ?? "");
  const name = useTarget ? target : present(rec, "SubjectUserName");
  const domain = present(rec, useTarget ? "TargetDomainName" : "SubjectDomainName");
  if (name) {
    const note = `${s} ${useTarget ? "TargetDomainName\\TargetUserName" : "SubjectDomainName\\SubjectUserName"}`;
    mapped(draft, "user", name, note, joinUser(domain, name));
  }
  mapped(draft, "user_id", useTarget ? targetSid : present(rec, "SubjectUserSid"), `${s} user SID`);
  const label = present(rec, "MandatoryLabel", "Mandatory_Label");
  const level = label ? integrityFromLabel(label.value) : undefined;
  mapped(draft, "process_integrity_level", label, `${s} MandatoryLabel as an integrity level`, level);
  draft.set("vendor_product", "Microsoft Windows", {
    origin: "mapped",
    note: "set by the Splunk Add-on for Microsoft Windows",
  });
}
