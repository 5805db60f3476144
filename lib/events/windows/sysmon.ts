/**
 * The Splunk Add-on for Sysmon's fields and CIM datasets, per Sysmon event ID (Windows, and Sysmon
 * for Linux which logs the same schema). Field names are the Sysmon schema's (CITE.sysmon); which
 * add-on fields exist comes from each data source's `fields:` list (data_sources/sysmon_eventid_N.yml);
 * the mappings follow the content's `field_mappings` where it gives them (cited per line) and the CIM
 * field definitions elsewhere. An add-on field whose computation is not documented is left unknown.
 */
import { baseName } from "../commandline";
import { CITE, type WinCtx } from "./ctx";

const DS = (id: number) => CITE.content(`data_sources/sysmon_eventid_${id}.yml`);

/** The process that did it: every Sysmon event with an `Image`. */
function processFields(c: WinCtx): void {
  c.alias("process_path", "Image", { cite: DS(1) });
  c.fileName("process_name", "Image", { cite: DS(1) });
  c.fileName("process_exec", "Image");
  c.alias("process_guid", "ProcessGuid", { cite: DS(1) });
  c.alias("process_id", "ProcessId", { cite: DS(1) });
  userField(c);
  hashFields(c);
}

/**
 * The add-on's `user` is the account name without its domain: the part of `User` after the last
 * backslash (`NT AUTHORITY\SYSTEM` → `SYSTEM`). The catalog relies on it: *Windows Registry Delete
 * Task SD* (production, tested on Sysmon data) compares `Registry.user="SYSTEM"`, and the
 * Endpoint analytics write `user IN ("*SYSTEM", …)`. `User` keeps the full value.
 */
function userField(c: WinCtx): void {
  const user = c.raw("User");
  if (user === undefined) return;
  const name = user.slice(user.lastIndexOf("\\") + 1);
  c.evalField("user", name, "User", { note: name === user ? "User" : "User without its domain", cite: DS(1) });
}

/** `MD5=…,SHA256=…,IMPHASH=…` → MD5, SHA256, IMPHASH (fields the data source lists). */
function hashFields(c: WinCtx): void {
  const hashes = c.val("Hashes");
  if (!hashes) return;
  for (const part of hashes.split(",")) {
    const m = /^\s*([A-Za-z0-9]+)=(\S+)\s*$/.exec(part);
    if (m?.[1] && m[2]) c.evalField(m[1].toUpperCase(), m[2], "Hashes", { note: `the ${m[1].toUpperCase()} part of Hashes` });
  }
}

function processCreate(c: WinCtx): void {
  const ds = "Endpoint.Processes";
  c.alias("process", "CommandLine", { cite: DS(1) });
  c.alias("parent_process", "ParentCommandLine", { cite: DS(1) });
  c.alias("parent_process_path", "ParentImage");
  // The content maps ParentImage → parent_process_name, but ParentImage is a full path and CIM
  // parent_process_name is a file name (CITE.cimEndpoint): the add-on takes the file name part.
  c.fileName("parent_process_name", "ParentImage", { note: "file name part of ParentImage (CIM parent_process_name is a file name; the content's mapping copies the full path)", cite: CITE.cimEndpoint });
  c.fileName("parent_process_exec", "ParentImage");
  c.alias("parent_process_guid", "ParentProcessGuid", { cite: DS(1) });
  c.alias("parent_process_id", "ParentProcessId", { cite: DS(1) });
  c.alias("original_file_name", "OriginalFileName", { cite: DS(1) });
  c.alias("process_current_directory", "CurrentDirectory", { cite: DS(1) });
  c.alias("process_hash", "Hashes", { cite: DS(1) });
  // Lower-cased: ESCU compares it with match(process_integrity_level, "high"), case-sensitive, on
  // Sysmon data; the add-on's value is "high" where Sysmon logs "High".
  const level = c.val("IntegrityLevel");
  c.evalField("process_integrity_level", level?.toLowerCase(), "IntegrityLevel", { note: "IntegrityLevel, lower-cased", cite: DS(1) });
  c.evalField("action", "allowed", undefined, { note: "set by the Splunk Add-on for Sysmon for process creation" });
  c.cimSame(ds, ["dest", "process_guid", "process_id", "process_path", "process_name", "process_exec", "process", "process_current_directory", "user", "process_integrity_level", "process_hash", "parent_process_guid", "parent_process_id", "parent_process_name", "parent_process_path", "parent_process_exec", "parent_process", "original_file_name", "action", "vendor_product"]);
}

function network(c: WinCtx): void {
  const ds = "Network_Traffic.All_Traffic";
  const pairs: [string, string][] = [["src_ip", "SourceIp"], ["src_port", "SourcePort"], ["dest_ip", "DestinationIp"], ["dest_port", "DestinationPort"], ["src_host", "SourceHostname"], ["transport", "Protocol"]];
  for (const [to, from] of pairs) c.alias(to, from, { cite: CITE.cimTraffic });
  c.cimSame(ds, ["src_ip", "src_port", "dest_ip", "dest_port", "transport", "user", "process_id", "process_guid", "vendor_product"]);
  c.unknown("dest", "src", "action", "direction", "app", "protocol");
  c.note("Sysmon 3: the add-on's dest, src, action, direction and app are not documented here: unknown");
}

function fileEvent(c: WinCtx, action: string): void {
  const ds = "Endpoint.Filesystem";
  c.alias("file_path", "TargetFilename", { cite: DS(11) });
  c.fileName("file_name", "TargetFilename", { cite: CITE.cimEndpoint });
  c.alias("file_create_time", "CreationUtcTime");
  c.alias("file_hash", "Hashes");
  c.evalField("action", action, "EventID", { note: `Sysmon event ${c.code}: a file ${action}`, cite: CITE.cimEndpoint });
  c.cimSame(ds, ["dest", "file_path", "file_name", "file_create_time", "file_hash", "action", "process_guid", "process_id", "process_path", "process_name", "process_exec", "user", "vendor_product"]);
}

const REGISTRY_ACTION: Record<string, string> = { createkey: "created", createvalue: "created", deletekey: "deleted", deletevalue: "deleted", setvalue: "modified" };

/**
 * The Sysmon add-on lifts the payload out of a typed `Details` (`DWORD (0x00000001)`,
 * `QWORD (0x01d7…-0x…)`) into `RegistryValueData` with the transform regex
 * `<Data Name='Details'>\w+\s\((.+)\)</Data>` over the raw XML, and evaluates
 * `registry_value_data = coalesce(RegistryValueData, Details)`. So a DWORD compares as `0x00000001`
 * (the ~80 catalog analytics testing `registry_value_data="0x00000001"` rely on it), while
 * `Binary Data` or a string stays verbatim. Read on the decoded value: a word, one white-space,
 * then everything inside the outer parentheses. (Splunk_TA_microsoft_sysmon transforms.conf and
 * props.conf; facts only.)
 */
const TYPED_DETAILS = /^\w+\s\((.+)\)$/;

function registryValueData(c: WinCtx): void {
  const details = c.raw("Details");
  if (details === undefined) return;
  const typed = TYPED_DETAILS.exec(details)?.[1];
  if (typed !== undefined) c.evalField("RegistryValueData", typed, "Details", { note: "the add-on's transform: the value inside a typed Details, e.g. DWORD (0x00000001)", cite: DS(13) });
  c.evalField("registry_value_data", typed ?? details, typed !== undefined ? "RegistryValueData" : "Details", { note: "coalesce(RegistryValueData, Details)", cite: DS(13) });
}

function registry(c: WinCtx): void {
  const ds = "Endpoint.Registry";
  const path = c.val("TargetObject");
  c.alias("registry_path", "TargetObject", { cite: DS(13) });
  registryValueData(c);
  const type = c.val("EventType")?.toLowerCase() ?? "";
  if (path !== undefined) {
    const isValue = c.code === 13 || type.endsWith("value");
    const key = isValue ? path.slice(0, Math.max(0, path.lastIndexOf("\\"))) : path;
    if (isValue) c.evalField("registry_value_name", baseName(path), "TargetObject", { note: "last part of TargetObject (a value's path)", cite: CITE.cimEndpoint });
    if (key) c.evalField("registry_key_name", baseName(key), "TargetObject", { note: "the key's name in TargetObject", cite: CITE.cimEndpoint });
  }
  const action = REGISTRY_ACTION[type];
  if (action) c.evalField("action", action, "EventType", { note: `EventType ${c.val("EventType")}`, cite: CITE.cimEndpoint });
  else c.unknown("action");
  c.cimSame(ds, ["dest", "registry_path", "registry_value_data", "registry_value_name", "registry_key_name", "action", "process_guid", "process_id", "process_path", "process_name", "process_exec", "user", "vendor_product"]);
  c.unknown("registry_hive", "registry_value_type", "object_category", "object_path", "status");
}

function dns(c: WinCtx): void {
  c.alias("query", "QueryName", { cite: CITE.cimResolution });
  c.alias("reply_code_id", "QueryStatus", { cite: CITE.cimResolution });
  c.cimSame("Network_Resolution.DNS", ["query", "reply_code_id", "vendor_product"]);
  c.unknown("src", "dest", "answer", "query_count", "reply_code");
  c.note("Sysmon 22: the add-on's src, dest and answer are not documented here: unknown");
}

/** Per Sysmon event ID: what the add-on adds beyond the common fields. */
const BY_ID: Record<number, (c: WinCtx) => void> = {
  1: processCreate,
  3: network,
  11: (c) => fileEvent(c, "created"),
  12: registry,
  13: registry,
  14: registry,
  17: (c) => c.alias("pipe_name", "PipeName"),
  18: (c) => c.alias("pipe_name", "PipeName"),
  22: dns,
  23: (c) => fileEvent(c, "deleted"),
  26: (c) => fileEvent(c, "deleted"),
};

/** The Sysmon add-on's fields and datasets for one event. */
export function sysmonAddon(c: WinCtx): void {
  c.evalField("vendor_product", "Microsoft Sysmon", undefined, { note: "set by the Splunk Add-on for Sysmon" });
  if (c.code !== 3 && c.code !== 22) c.alias("dest", "Computer", { cite: DS(1) });
  processFields(c);
  const more = c.code === undefined ? undefined : BY_ID[c.code];
  if (more) more(c);
  if (c.ext.datasets.size === 0) c.note(`Sysmon event ${c.code ?? "?"}: no CIM dataset mapping is documented for it here`);
}
