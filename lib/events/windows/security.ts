/**
 * The Splunk Add-on for Microsoft Windows: fields and CIM datasets for Security, System and
 * PowerShell events, per EventCode. Field meanings from Microsoft's event pages (CITE.msEvent);
 * which add-on fields exist from each data source's `fields:` list; mappings from the content's
 * `field_mappings` where given (cited per line) and the CIM field definitions elsewhere. What is not
 * documented is left unknown, with a note.
 */
import { CITE, type WinCtx } from "./ctx";
import { integrityFromLabel } from "./integrity";
import { shareAccess } from "./shares";

const DS4688 = CITE.content("data_sources/windows_event_log_security_4688.yml");

function processCreate(c: WinCtx): void {
  const ds = "Endpoint.Processes";
  c.alias("process_id", "NewProcessId", { note: "hexadecimal, as Windows logs it", cite: DS4688 });
  c.alias("process_path", "NewProcessName", { cite: DS4688 });
  c.fileName("process_name", "NewProcessName", { cite: DS4688 });
  c.fileName("process_exec", "NewProcessName");
  c.alias("process", "CommandLine", { note: "the XML rendering's CommandLine (Process_Command_Line in the classic one)", cite: DS4688 });
  c.alias("process", "Process_Command_Line", { cite: DS4688 });
  c.alias("parent_process_id", "ProcessId", { note: "the creator's ID, hexadecimal as logged", cite: DS4688 });
  c.alias("parent_process_path", "ParentProcessName", { cite: DS4688 });
  c.fileName("parent_process_name", "ParentProcessName", { cite: DS4688 });
  // The content maps SubjectUserSid → Processes.user (data_sources/windows_event_log_security_4688.yml).
  if (c.raw("SubjectUserSid") !== undefined) c.alias("user", "SubjectUserSid", { cite: DS4688 });
  else c.unknown("user");
  const label = c.val("MandatoryLabel");
  c.evalField("process_integrity_level", label ? integrityFromLabel(label) : undefined, "MandatoryLabel", { note: "MandatoryLabel as an integrity level" });
  c.cimSame(ds, ["dest", "process_id", "process_path", "process_name", "process_exec", "process", "parent_process_id", "parent_process_path", "parent_process_name", "user", "process_integrity_level", "vendor_product"]);
  c.unknown("parent_process", "action", "user_id");
}

/** Authentication events (the child dataset of the outcome: AddonCtx.cimAuthentication). */
function authentication(c: WinCtx, outcome: "success" | "failure" | undefined): void {
  c.alias("user", "TargetUserName", { cite: CITE.msEvent(c.code ?? 0) });
  const ip = c.val("IpAddress");
  if (ip !== undefined) c.alias("src_ip", "IpAddress", { cite: CITE.msEvent(c.code ?? 0) });
  c.alias("src_port", "IpPort");
  if (outcome) c.evalField("action", outcome, c.raw("Status") !== undefined ? "Status" : "EventCode", { cite: CITE.cimAuthentication });
  else c.unknown("action");
  c.cimAuthentication(outcome, ["action", "user", "dest", "src_ip", "src_port", "signature_id", "vendor_product"]);
  c.unknown("src", "app", "authentication_method", "user_id", "src_user");
}

/** Kerberos / NTLM result codes: 0x0 is success (Microsoft 4768/4769/4776: Result Code / Error Code). */
function statusOutcome(c: WinCtx): "success" | "failure" | undefined {
  const s = c.val("Status");
  if (s === undefined) return undefined;
  return /^0x0+$|^0$/i.test(s.trim()) ? "success" : "failure";
}

/**
 * 4768 / 4769 Service Information: Service Name (XML ServiceName) and Service ID (XML ServiceSid,
 * the SID of the service's account as the forwarder rendered it), Microsoft's pages for each code;
 * both data sources list service, service_name and service_id among the add-on's fields.
 */
function kerberosService(c: WinCtx): void {
  const opts = { cite: CITE.msEvent(c.code ?? 0) };
  c.alias("service", "ServiceName", opts);
  c.alias("service_name", "ServiceName", { note: "Service Name", ...opts });
  c.alias("service_id", "ServiceSid", { note: "Service ID: the SID of the service's account, as logged", ...opts });
}

/**
 * 4648 (logon with explicit credentials) is logged by the machine whose process used the
 * credentials; IpAddress/IpPort are the other end (in the content's example, the target server's
 * address and port 445). Nothing documents how the add-on fills src, src_ip, dest or user from it.
 */
function explicitCredentials(c: WinCtx): void {
  c.noDataset();
  c.unknown("src", "src_ip", "src_port", "src_user", "dest", "user");
  c.note("4648: Computer is the machine that used the credentials and IpAddress/IpPort the remote end (the target server in the content's example), so neither is taken as dest or src_ip; how the add-on fills src, src_ip, src_port, src_user, dest and user is not documented: unknown");
}

/** 4672 (special privileges assigned to a new logon) is logged where the logon happens: dest is Computer. */
function specialPrivileges(c: WinCtx): void {
  c.noDataset();
  c.unknown("src_user", "src_nt_domain");
  c.note("4672: the account is the Subject, but which add-on fields carry it (src_user, Caller_User_Name…) is not documented: unknown");
}

const ACCOUNT_ACTION: Record<number, [string, "user" | "group"]> = {
  4720: ["created", "user"], 4722: ["modified", "user"], 4723: ["modified", "user"], 4724: ["modified", "user"], 4725: ["modified", "user"],
  4726: ["deleted", "user"], 4738: ["modified", "user"], 4781: ["modified", "user"],
  4728: ["modified", "group"], 4729: ["modified", "group"], 4732: ["modified", "group"], 4733: ["modified", "group"], 4756: ["modified", "group"], 4757: ["modified", "group"],
};

function accountChange(c: WinCtx, code: number): void {
  const [action, category] = ACCOUNT_ACTION[code]!;
  const opts = { cite: CITE.cimChange };
  c.evalField("action", action, "EventCode", { note: `event ${code}`, ...opts });
  c.evalField("change_type", "AAA", "EventCode", { note: "account management", ...opts });
  c.evalField("object_category", category, "EventCode", opts);
  c.alias("object", "TargetUserName", opts);
  c.alias("src_user", "SubjectUserName", opts);
  if (category === "user") c.alias("user", "TargetUserName", opts);
  else c.unknown("user");
  const fields = ["action", "change_type", "object_category", "object", "src_user", "user", "dest", "vendor_product"];
  c.cimSame("Change.All_Changes", fields);
  c.cimSame("Change.Account_Management", fields);
  c.unknown("result", "status", "object_id", "object_attrs", "user_name", "src_user_name");
}

function fileAccess(c: WinCtx): void {
  if ((c.val("ObjectType") ?? "").toLowerCase() !== "file") return void c.note("4663 on an object that is not a file: no Endpoint.Filesystem mapping");
  c.alias("file_path", "ObjectName", { cite: CITE.msEvent(4663) });
  c.fileName("file_name", "ObjectName");
  c.alias("process_path", "ProcessName");
  c.fileName("process_name", "ProcessName");
  c.alias("process_id", "ProcessId");
  c.cimSame("Endpoint.Filesystem", ["dest", "file_path", "file_name", "process_path", "process_name", "process_id", "vendor_product"]);
  c.unknown("action", "user", "src_user");
}

/** 4657 OperationType: %%1904 new value, %%1905 modified, %%1906 deleted (Microsoft, event 4657). */
const OPERATION: Record<string, string> = { "%%1904": "created", "%%1905": "modified", "%%1906": "deleted" };

function registryChange(c: WinCtx): void {
  const opts = { cite: CITE.msEvent(4657) };
  c.alias("registry_path", "ObjectName", opts);
  c.alias("registry_value_name", "ObjectValueName", opts);
  c.alias("registry_value_data", "NewValue", opts);
  c.alias("process_path", "ProcessName");
  c.fileName("process_name", "ProcessName");
  c.alias("process_id", "ProcessId");
  const op = OPERATION[c.val("OperationType") ?? ""];
  if (op) c.evalField("action", op, "OperationType", opts);
  else c.unknown("action");
  c.cimSame("Endpoint.Registry", ["dest", "registry_path", "registry_value_name", "registry_value_data", "action", "process_path", "process_name", "process_id", "vendor_product"]);
  c.unknown("user", "registry_key_name", "registry_hive");
}

/** 7045 is the Service Control Manager's (System channel): Microsoft's auditing pages do not cover it. */
const DS7045 = "security_content data_sources/windows_event_log_system_7045.yml fields (ServiceName, ImagePath, service_name)";

function service(c: WinCtx, pathField: string): void {
  c.alias("service_name", "ServiceName", { cite: c.code === 7045 ? DS7045 : CITE.msEvent(c.code ?? 0) });
  c.alias("service", "ServiceName");
  c.alias("service_path", pathField);
  c.cimSame("Endpoint.Services", ["dest", "service_name", "service_path", "vendor_product"]);
  c.unknown("start_mode", "status", "user", "service_id");
}

/** 5156 Protocol (IANA protocol numbers) and Direction (%%14592 inbound, %%14593 outbound; Microsoft, event 5156). */
const TRANSPORT: Record<string, string> = { "1": "icmp", "6": "tcp", "17": "udp", "58": "icmp" };
const DIRECTION: Record<string, string> = { "%%14592": "inbound", "%%14593": "outbound" };

function connection(c: WinCtx): void {
  const opts = { cite: CITE.msEvent(5156) };
  c.alias("src_ip", "SourceAddress", opts);
  c.alias("src_port", "SourcePort", opts);
  c.alias("dest_ip", "DestAddress", opts);
  c.alias("dest_port", "DestPort", opts);
  c.alias("app", "Application", opts);
  c.evalField("transport", TRANSPORT[c.val("Protocol") ?? ""], "Protocol", opts);
  c.evalField("direction", DIRECTION[c.val("Direction") ?? ""], "Direction", opts);
  c.evalField("action", "allowed", "EventCode", { note: "5156: the Filtering Platform permitted the connection", ...opts });
  c.cimSame("Network_Traffic.All_Traffic", ["src_ip", "src_port", "dest_ip", "dest_port", "app", "transport", "direction", "action", "vendor_product"]);
  c.unknown("dest", "src", "protocol");
}

const BY_CODE: Record<number, (c: WinCtx) => void> = {
  4688: processCreate,
  4624: (c) => authentication(c, "success"),
  4625: (c) => authentication(c, "failure"),
  4768: (c) => {
    kerberosService(c);
    authentication(c, statusOutcome(c));
  },
  4769: (c) => {
    kerberosService(c);
    authentication(c, statusOutcome(c));
  },
  4648: explicitCredentials,
  4672: specialPrivileges,
  5140: shareAccess,
  5145: shareAccess,
  4771: (c) => authentication(c, "failure"),
  4776: (c) => authentication(c, statusOutcome(c)),
  4663: fileAccess,
  4657: registryChange,
  4697: (c) => service(c, "ServiceFileName"),
  7045: (c) => service(c, "ImagePath"),
  5156: connection,
};
for (const code of Object.keys(ACCOUNT_ACTION)) BY_CODE[Number(code)] = (c) => accountChange(c, Number(code));

/**
 * Codes whose dest is the machine that logged them (the target of a logon, the host a process ran
 * on, the server holding a share…); not 5156 (either end) nor 4648 (logged by the source).
 */
const DEST_IS_COMPUTER = new Set(Object.keys(BY_CODE).map(Number).filter((n) => n !== 5156 && n !== 4648));

/** The Windows add-on's fields and datasets for one event (any channel but Sysmon's). */
export function windowsAddon(c: WinCtx): void {
  c.evalField("vendor_product", "Microsoft Windows", undefined, { note: "set by the Splunk Add-on for Microsoft Windows" });
  if (c.code !== undefined && DEST_IS_COMPUTER.has(c.code)) c.alias("dest", "Computer", { cite: DS4688 });
  const more = c.code === undefined ? undefined : BY_CODE[c.code];
  if (more) more(c);
  else if (c.code === 4104) c.note("PowerShell 4104: the content maps it to Endpoint.Processes, but a script block is not a process (CIM process is the command line, process_id a process ID, not ScriptBlockId): not mapped to a CIM dataset");
  else c.noDataset();
}
