/**
 * Windows events (every Sysmon event ID; Security, System and PowerShell channel events) read from
 * XML and from evtx-dump JSON: the event's own fields, the add-on's, `_time`, source, and the CIM
 * datasets. Events are written from Microsoft's documented schemas (./windows-fixtures.test-data.ts).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { SYSMON_EVENTS, WINDOWS_EVENTS, sysmonEvent, winXml, type WinEventSpec, bothRenderings, readOne } from "./windows-fixtures.test-data";


const SYSMON_DATASETS: Record<number, string[]> = {
  1: ["Endpoint.Processes"],
  3: ["Network_Traffic.All_Traffic"],
  11: ["Endpoint.Filesystem"],
  12: ["Endpoint.Registry"],
  13: ["Endpoint.Registry"],
  14: ["Endpoint.Registry"],
  22: ["Network_Resolution.DNS"],
  23: ["Endpoint.Filesystem"],
  26: ["Endpoint.Filesystem"],
};

test("every Sysmon event ID, XML and evtx-dump JSON: every Data Name, EventCode, _time, source, datasets", () => {
  for (const id of Object.keys(SYSMON_EVENTS).map(Number)) {
    for (const [how, e] of bothRenderings(sysmonEvent(id))) {
      const at = `Sysmon ${id} (${how})`;
      for (const [k, v] of Object.entries(SYSMON_EVENTS[id]!)) {
        if (k === "Version" || k === "Name") assert.ok(e.unknown.includes(k), `${at}: System and Data both give ${k}: unknown`);
        else assert.equal(e.fields[k], v, `${at}: ${k}`);
      }
      assert.equal(e.fields["EventCode"], String(id), at);
      assert.equal(e.fields["Computer"], "ws01.corp.local", at);
      assert.equal(e.fields["SystemTime"], "2024-05-01T12:34:56.789Z", at);
      assert.equal(e.fields["_time"], Date.UTC(2024, 4, 1, 12, 34, 56) / 1000 + 0.789, `${at}: _time from SystemTime`);
      assert.equal(e.fields["source"], "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", at);
      assert.equal(e.fields["signature_id"], String(id), at);
      assert.equal(e.fields["vendor_product"], "Microsoft Sysmon", at);
      assert.deepEqual(Object.keys(e.datasets).sort(), SYSMON_DATASETS[id] ?? [], at);
      if (SYSMON_DATASETS[id] === undefined) assert.ok(e.notes.some((n) => /no CIM dataset mapping/.test(n)), `${at}: says there is no documented mapping`);
    }
  }
});

test("Sysmon per event ID: the add-on's fields and the CIM dataset's", () => {
  const cases: [number, string, Record<string, string | undefined>][] = [
    [1, "Endpoint.Processes", { process: "rundll32.exe C:\\t\\a.dll,Start", process_name: "rundll32.exe", process_path: "C:\\Windows\\System32\\rundll32.exe", parent_process_name: "explorer.exe", parent_process_path: "C:\\Windows\\explorer.exe", original_file_name: "RUNDLL32.EXE", process_integrity_level: "high", user: "bob", dest: "ws01.corp.local", process_hash: "MD5=0123456789ABCDEF0123456789ABCDEF,SHA256=AB,IMPHASH=CD", action: "allowed" }],
    [3, "Network_Traffic.All_Traffic", { src_ip: "10.0.0.5", src_port: "50123", dest_ip: "203.0.113.7", dest_port: "443", transport: "tcp", user: "bob", dest: undefined }],
    [11, "Endpoint.Filesystem", { file_path: "C:\\Users\\bob\\AppData\\Local\\Temp\\a.ps1", file_name: "a.ps1", action: "created", process_name: "rundll32.exe", dest: "ws01.corp.local" }],
    [12, "Endpoint.Registry", { registry_path: "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run", registry_key_name: "Run", registry_value_name: undefined, action: "created" }],
    [13, "Endpoint.Registry", { registry_path: "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\updater", registry_value_name: "updater", registry_key_name: "Run", registry_value_data: "C:\\t\\a.exe", action: "modified", dest: "ws01.corp.local" }],
    [14, "Endpoint.Registry", { registry_path: "HKLM\\SOFTWARE\\old", action: undefined }],
    [22, "Network_Resolution.DNS", { query: "evil.example.com", reply_code_id: "0" }],
    [23, "Endpoint.Filesystem", { file_path: "C:\\t\\a.exe", file_name: "a.exe", action: "deleted", file_hash: "SHA256=78" }],
  ];
  for (const [id, dataset, expected] of cases) {
    for (const [how, e] of bothRenderings(sysmonEvent(id))) {
      for (const [k, v] of Object.entries(expected)) assert.equal(e.datasets[dataset]?.[k], v, `Sysmon ${id} (${how}) ${dataset}.${k}`);
    }
  }
  const e1 = readOne(winXml(sysmonEvent(1)));
  assert.equal(e1.fields["MD5"], "0123456789ABCDEF0123456789ABCDEF");
  assert.equal(e1.fields["IMPHASH"], "CD");
  assert.equal(e1.provenance["process_name"]?.origin, "alias");
  assert.equal(e1.provenance["Image"]?.origin, "extracted");
  assert.equal(e1.datasetProvenance["Endpoint.Processes"]?.["process_name"]?.origin, "mapped");
  assert.match(e1.provenance["parent_process_name"]?.note ?? "", /CIM parent_process_name is a file name/);
  const e14 = readOne(winXml(sysmonEvent(14)));
  assert.ok(e14.unknown.includes("action"), "a rename has no documented action: unknown, not absent");
  const e3 = readOne(winXml(sysmonEvent(3)));
  assert.ok(e3.unknown.includes("dest") && e3.unknown.includes("direction"));
});

const WINDOWS_DATASETS: Record<string, [string[], Record<string, string | undefined>]> = {
  "4624": [["Authentication.Authentication", "Authentication.Successful_Authentication"], { action: "success", user: "bob", src_ip: "10.0.0.8", src_port: "51515", dest: "ws01.corp.local", signature_id: "4624" }],
  "4625": [["Authentication.Authentication", "Authentication.Failed_Authentication"], { action: "failure", user: "administrator", src_ip: "198.51.100.4" }],
  "4688": [["Endpoint.Processes"], { process: "net  group \"Domain Admins\" /domain", process_name: "net.exe", process_id: "0x1a2c", parent_process_id: "0xb2c", parent_process_name: "cmd.exe", user: "S-1-5-21-1-2-3-1104", process_integrity_level: "high", dest: "ws01.corp.local" }],
  "4663": [["Endpoint.Filesystem"], { file_path: "C:\\Users\\bob\\Documents\\secret.docx", file_name: "secret.docx", process_name: "explorer.exe" }],
  "4657": [["Endpoint.Registry"], { registry_path: "\\REGISTRY\\MACHINE\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run", registry_value_name: "updater", registry_value_data: "C:\\t\\a.exe", action: "created" }],
  "4697": [["Endpoint.Services"], { service_name: "evilsvc", service_path: "C:\\t\\svc.exe" }],
  "4720": [["Change.Account_Management", "Change.All_Changes"], { action: "created", user: "backdoor", src_user: "alice", object_category: "user", change_type: "AAA" }],
  "4732": [["Change.Account_Management", "Change.All_Changes"], { action: "modified", object: "Administrators", object_category: "group", src_user: "alice" }],
  "4768": [["Authentication.Authentication", "Authentication.Successful_Authentication"], { action: "success", user: "bob", src_ip: "::ffff:10.0.0.8" }],
  "4769": [["Authentication.Authentication", "Authentication.Successful_Authentication"], { action: "success", user: "bob@CORP.LOCAL" }],
  "4771": [["Authentication.Authentication", "Authentication.Failed_Authentication"], { action: "failure", user: "bob" }],
  "4776": [["Authentication.Authentication", "Authentication.Failed_Authentication"], { action: "failure", user: "bob" }],
  "5156": [["Network_Traffic.All_Traffic"], { src_ip: "10.0.0.5", dest_ip: "203.0.113.7", dest_port: "443", transport: "tcp", direction: "outbound", action: "allowed" }],
  "5145": [[], {}],
  "7045": [["Endpoint.Services"], { service_name: "PSEXESVC", service_path: "%SystemRoot%\\PSEXESVC.exe", dest: "ws01.corp.local" }],
  "7036": [[], {}],
  "7040": [[], {}],
  "4104": [[], {}],
};

test("Security, System and PowerShell events, XML and evtx-dump JSON: fields, eventtype, datasets", () => {
  for (const [code, spec] of Object.entries(WINDOWS_EVENTS)) {
    const [datasets, expected] = WINDOWS_DATASETS[code]!;
    for (const [how, e] of bothRenderings(spec)) {
      const at = `${code} (${how})`;
      for (const [k, v] of Object.entries(spec.data)) assert.equal(e.fields[k], v === "" ? undefined : v, `${at}: ${k}`);
      assert.equal(e.fields["EventCode"], code, at);
      assert.equal(e.fields["source"], `XmlWinEventLog:${spec.channel}`, at);
      assert.equal(e.fields["vendor_product"], "Microsoft Windows", at);
      const eventtype = { Security: "wineventlog_security", System: "wineventlog_system" }[spec.channel];
      assert.equal(e.fields["eventtype"], eventtype, `${at}: eventtype`);
      assert.deepEqual(Object.keys(e.datasets).sort(), [...datasets].sort(), at);
      for (const [k, v] of Object.entries(expected)) for (const ds of datasets) assert.equal(e.datasets[ds]?.[k], v, `${at}: ${ds}.${k}`);
    }
  }
});

test("4688 user: the content maps SubjectUserSid to user; without it user is unknown, not absent", () => {
  const spec = WINDOWS_EVENTS["4688"]!;
  const only = readOne(winXml({ ...spec, data: { NewProcessName: "C:\\w\\a.exe", SubjectUserSid: "S-1-5-18" } }));
  assert.equal(only.fields["user"], "S-1-5-18");
  assert.equal(only.datasets["Endpoint.Processes"]?.["user"], "S-1-5-18");
  const none = readOne(winXml({ ...spec, data: { NewProcessName: "C:\\w\\a.exe", SubjectUserName: "alice" } }));
  assert.equal(none.fields["user"], undefined);
  assert.ok(none.unknown.includes("user"));
});

test("_time is the event's own time: SystemTime, else Sysmon UtcTime; a flat JSON event too", () => {
  const noSystemTime = winXml(sysmonEvent(1)).replace(/<TimeCreated[^>]*\/>/, "");
  assert.equal(readOne(noSystemTime).fields["_time"], Date.UTC(2024, 4, 1, 12, 34, 56) / 1000 + 0.7);
  const withZone = readOne(winXml({ ...sysmonEvent(1), systemTime: "2024-05-01T14:34:56+02:00" }));
  assert.equal(withZone.fields["_time"], Date.UTC(2024, 4, 1, 12, 34, 56) / 1000);
  assert.equal(withZone.fields["date_hour"], 14, "date_* fields are the timestamp's parts as written");
  assert.equal(withZone.fields["date_zone"], 120);
  const flat = readOne(JSON.stringify({ EventCode: 1, Image: "C:\\a.exe", UtcTime: "2024-05-01 00:00:01.000" }));
  assert.equal(flat.fields["_time"], Date.UTC(2024, 4, 1, 0, 0, 1) / 1000);
});

test("Winlogbeat JSON and flat Splunk-style JSON are Windows events too", () => {
  const wb = readOne(JSON.stringify({ "@timestamp": "2024-05-01T12:00:00Z", winlog: { channel: "Security", event_id: 4624, computer_name: "dc01", provider_name: "Microsoft-Windows-Security-Auditing", event_data: { TargetUserName: "bob", IpAddress: "10.0.0.8", LogonType: "3" } } }));
  assert.equal(wb.format, "windows-json");
  assert.equal(wb.fields["EventCode"], "4624");
  assert.equal(wb.datasets["Authentication.Authentication"]?.["user"], "bob");
  assert.equal(wb.fields["_time"], Date.UTC(2024, 4, 1, 12) / 1000);
  const flat = readOne(JSON.stringify({ EventCode: "13", Channel: "Microsoft-Windows-Sysmon/Operational", TargetObject: "HKU\\x\\Run\\v", Details: "a", Computer: "h" }));
  assert.equal(flat.datasets["Endpoint.Registry"]?.["registry_value_name"], "v");
});

test("Sysmon 13: a typed Details gives its payload as registry_value_data (the add-on's RegistryValueData), anything else stays verbatim", () => {
  const cases: [string, string, string | undefined][] = [
    ["DWORD (0x00000001)", "0x00000001", "0x00000001"],
    ["QWORD (0x01d776fd-0xd724b8c5)", "0x01d776fd-0xd724b8c5", "0x01d776fd-0xd724b8c5"],
    ["Binary Data", "Binary Data", undefined],
    ["C:\\Program Files (x86)\\a.exe", "C:\\Program Files (x86)\\a.exe", undefined],
    ["%SystemRoot%\\system32\\a.exe", "%SystemRoot%\\system32\\a.exe", undefined],
    ["Two words (x)", "Two words (x)", undefined],
  ];
  for (const [details, data, lifted] of cases) {
    const spec = sysmonEvent(13);
    for (const [how, e] of bothRenderings({ ...spec, data: { ...spec.data, Details: details } })) {
      assert.equal(e.fields["Details"], details, `${how} ${details}: Details kept`);
      assert.equal(e.fields["registry_value_data"], data, `${how} ${details}: registry_value_data`);
      assert.equal(e.datasets["Endpoint.Registry"]?.["registry_value_data"], data, `${how} ${details}: Registry.registry_value_data`);
      assert.equal(e.fields["RegistryValueData"], lifted, `${how} ${details}: RegistryValueData`);
    }
  }
});

test("Sysmon: user is the account name without its domain (Registry.user=\"SYSTEM\" as the catalog compares it); User keeps the full value", () => {
  const cases: [string, string][] = [
    ["NT AUTHORITY\\SYSTEM", "SYSTEM"],
    ["CORP\\bob", "bob"],
    ["root", "root"],
  ];
  for (const id of [1, 13]) {
    const spec = sysmonEvent(id);
    for (const [account, user] of cases) {
      for (const [how, e] of bothRenderings({ ...spec, data: { ...spec.data, User: account } })) {
        assert.equal(e.fields["User"], account, `${how} ${id}: User kept`);
        assert.equal(e.fields["user"], user, `${how} ${id} ${account}: user`);
        const ds = id === 1 ? "Endpoint.Processes" : "Endpoint.Registry";
        assert.equal(e.datasets[ds]?.["user"], user, `${how} ${id} ${account}: ${ds}.user`);
      }
    }
  }
});
