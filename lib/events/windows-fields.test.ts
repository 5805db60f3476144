/**
 * The Windows add-on fields derived per Security EventCode where the derivation is documented, and
 * the ones left unknown where it is not (lib/events/windows/shares.ts, security.ts). Each event is
 * read as XML and as evtx-dump JSON. The 5140, 5145, 4648 and 4672 events are small copies of
 * security_content's data_sources/*.yml `example_log`s (Apache-2.0, splunk/security_content),
 * trimmed to the Data elements the cases read.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { toEventInput } from "./index";
import { compileSearch } from "../spl/index";
import { WINDOWS_EVENTS, winXml, type WinEventSpec, bothRenderings, readOne } from "./windows-fixtures.test-data";

const SECURITY = { channel: "Security", provider: "Microsoft-Windows-Security-Auditing" };
const EX5145: WinEventSpec = {
  ...SECURITY, id: 5145, computer: "ar-win-dc.attackrange.local",
  data: { SubjectUserSid: "ANONYMOUS LOGON", SubjectUserName: "ANONYMOUS LOGON", SubjectDomainName: "ATTACKRANGE", SubjectLogonId: "0x13ef1b", ObjectType: "File", IpAddress: "10.0.1.15", IpPort: "50160", ShareName: "\\\\*\\SYSVOL", ShareLocalPath: "\\??\\C:\\Windows\\SYSVOL\\sysvol", RelativeTargetName: "lsarpc", AccessMask: "0x120089", AccessList: "%%1538" },
};
const EX5140: WinEventSpec = {
  ...SECURITY, id: 5140, computer: "ar-win-66.attackrange.local",
  data: { SubjectUserSid: "ATTACKRANGE\\Administrator", SubjectUserName: "Administrator", SubjectDomainName: "ATTACKRANGE", SubjectLogonId: "0x4e0f1c", ObjectType: "File", IpAddress: "10.0.1.16", IpPort: "49864", ShareName: "\\\\*\\C$", ShareLocalPath: "\\??\\C:\\", AccessMask: "0x1", AccessList: "%%4416" },
};
const EX4648: WinEventSpec = {
  ...SECURITY, id: 4648, computer: "win-host-mvelazco-02713-447.attackrange.local",
  data: { SubjectUserSid: "ATTACKRANGE\\REED_LARSEN", SubjectUserName: "reed_larsen", SubjectDomainName: "ATTACKRANGE", SubjectLogonId: "0x1360f2", TargetUserName: "STEVE_BRADFORD", TargetDomainName: "attackrange.local", TargetServerName: "win-dc-mvelazco-02713-392.attackrange.local", TargetInfo: "win-dc-mvelazco-02713-392.attackrange.local", ProcessId: "0x4", IpAddress: "10.0.1.14", IpPort: "445" },
};
const EX4672: WinEventSpec = {
  ...SECURITY, id: 4672, computer: "ar-win-6.attackrange.local",
  data: { SubjectUserSid: "ATTACKRANGE\\REED_MORSE", SubjectUserName: "REED_MORSE", SubjectDomainName: "ATTACKRANGE", SubjectLogonId: "0x509b11", PrivilegeList: "SeSecurityPrivilege" },
};


const withData = (spec: WinEventSpec, data: Record<string, string>): WinEventSpec => ({ ...spec, data: { ...spec.data, ...data } });
const without = (spec: WinEventSpec, name: string): WinEventSpec => ({ ...spec, data: Object.fromEntries(Object.entries(spec.data).filter(([k]) => k !== name)) });

/** [case, event, fields expected (undefined: must not be derived), fields that must be unknown, fields that must be neither set nor unknown]. */
const CASES: [string, WinEventSpec, Record<string, string | undefined>, string[], string[]][] = [
  ["5145 (content example)", EX5145, { src_ip: "10.0.1.15", src_port: "50160", dest: "ar-win-dc.attackrange.local", src_user: undefined, src: undefined, file_name: undefined, file_path: undefined, user: undefined, ShareName: "\\\\*\\SYSVOL", RelativeTargetName: "lsarpc" }, ["src", "src_user", "src_nt_domain", "src_nt_host", "file_name", "file_path", "action", "status"], ["share_name", "relative_target_name"]],
  ["5145 fixture", WINDOWS_EVENTS["5145"]!, { src_ip: "10.0.0.8", src_port: "51516", dest: "ws01.corp.local", src_user: undefined }, ["src_user", "file_name"], ["share_name"]],
  ["5145, local access (IpAddress and IpPort '-')", withData(EX5145, { IpAddress: "-", IpPort: "-" }), { src_ip: undefined, src_port: undefined, IpAddress: "-", dest: "ar-win-dc.attackrange.local" }, ["src_ip", "src_port"], []],
  ["5140 (content example)", EX5140, { src_ip: "10.0.1.16", src_port: "49864", dest: "ar-win-66.attackrange.local", src_user: undefined, file_name: undefined }, ["src", "src_user", "file_name", "action"], ["file_path", "share_name"]],
  ["4648 (content example): logged by the source; IpAddress is the target server", EX4648, { dest: undefined, src_ip: undefined, src_port: undefined, user: undefined, src_user: undefined, IpAddress: "10.0.1.14", TargetServerName: "win-dc-mvelazco-02713-392.attackrange.local" }, ["dest", "src", "src_ip", "src_port", "src_user", "user"], []],
  ["4672 (content example)", EX4672, { dest: "ar-win-6.attackrange.local", src_user: undefined, user: undefined }, ["src_user", "src_nt_domain"], []],
  ["4768 fixture: Service Name, Service ID", WINDOWS_EVENTS["4768"]!, { service: "krbtgt", service_name: "krbtgt", service_id: "S-1-5-21-1-2-3-502", src_ip: "::ffff:10.0.0.8" }, [], []],
  ["4769 fixture: Service Name, Service ID", WINDOWS_EVENTS["4769"]!, { service: "MSSQLSvc", service_name: "MSSQLSvc", service_id: "S-1-5-21-1-2-3-1600", user: "bob@CORP.LOCAL" }, [], []],
  ["4769 without ServiceSid: no service_id", without(WINDOWS_EVENTS["4769"]!, "ServiceSid"), { service_name: "MSSQLSvc", service_id: undefined }, [], []],
];

test("Security events: documented add-on fields derived, undocumented ones unknown, never guessed", () => {
  for (const [name, spec, expected, unknown, neither] of CASES) {
    for (const [how, e] of bothRenderings(spec)) {
      const at = `${name} (${how})`;
      for (const [k, v] of Object.entries(expected)) assert.equal(e.fields[k], v, `${at}: ${k}`);
      for (const k of unknown) assert.ok(e.unknown.includes(k), `${at}: ${k} is unknown`);
      for (const k of neither) assert.ok(e.fields[k] === undefined && !e.unknown.includes(k), `${at}: ${k} is no add-on field`);
      if (spec.id === 4768 || spec.id === 4769) continue;
      assert.deepEqual(Object.keys(e.datasets), [], `${at}: no CIM dataset is documented for it`);
      assert.ok(e.notes.some((n) => /no CIM dataset mapping is documented/.test(n)), `${at}: says so`);
    }
  }
});

test("derived fields say where they came from; the share and 4648 notes name what was left unknown", () => {
  const share = readOne(winXml(EX5145));
  assert.equal(share.provenance["src_ip"]?.from, "IpAddress");
  assert.match(share.provenance["src_ip"]?.cite ?? "", /event-5145/);
  assert.match(share.provenance["src_port"]?.cite ?? "", /windows_event_log_security_5145\.yml/);
  assert.ok(share.notes.some((n) => /5145 \(network share access\).*src_user/.test(n)), share.notes.join(" | "));
  const kerberos = readOne(winXml(WINDOWS_EVENTS["4769"]!));
  assert.equal(kerberos.provenance["service_id"]?.from, "ServiceSid");
  assert.match(kerberos.provenance["service_id"]?.cite ?? "", /event-4769/);
  const explicit = readOne(winXml(EX4648));
  assert.ok(explicit.notes.some((n) => /^4648: .*not documented/.test(n)), explicit.notes.join(" | "));
});

test("a 5145 search: src_ip decides, src_user is still a hinge (not a silent no_match)", () => {
  const event = toEventInput(readOne(winXml(EX5145)));
  const bySrcIp = compileSearch('EventCode=5145 RelativeTargetName=lsarpc src_ip="10.0.1.15" dest="ar-win-dc*"', { macros: [] }).evaluate(event);
  assert.equal(bySrcIp.verdict, "match");
  assert.equal(bySrcIp.hingesOn, undefined);
  const other = compileSearch('EventCode=5145 src_ip="10.9.9.9"', { macros: [] }).evaluate(event);
  assert.equal(other.verdict, "no_match");
  assert.equal(other.hingesOn, undefined, "a known src_ip that differs decides alone");
  const byUser = compileSearch('EventCode=5145 src_user="ANONYMOUS LOGON"', { macros: [] }).evaluate(event);
  assert.equal(byUser.verdict, "no_match");
  assert.deepEqual(byUser.hingesOn, ["src_user"]);
});
