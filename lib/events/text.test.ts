/**
 * Text-line events, written from each format's documentation (Linux audit record format, RFC 3164
 * syslog with OpenSSH's messages, AWS CloudFront standard log fields, AWS VPC flow log version 2,
 * PAN-OS syslog CSV), and key=value lines read as Splunk's automatic extraction reads them.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseEvents } from "./index";
import { kvPairs } from "./formats/text/kv-parse";

const CASES: [string, string, { format: string; sourcetype?: string; time?: number; fields?: Record<string, unknown>; datasets?: Record<string, Record<string, unknown>> }][] = [
  ["auditd SYSCALL", 'type=SYSCALL msg=audit(1714564800.123:42): arch=c000003e syscall=59 success=yes exit=0 ppid=1 pid=2 auid=1000 uid=0 comm="id" exe="/usr/bin/id" key="rootcmd"',
    { format: "linux-audit", sourcetype: "linux:audit", time: 1714564800.123, fields: { type: "SYSCALL", syscall: "59", comm: "id", exe: "/usr/bin/id", msg: "audit(1714564800.123:42):" } }],
  ["auditd USER_ACCT with an inner msg and enriched fields", "type=ADD_USER msg=audit(1714564800.000:7): pid=1 uid=0 auid=1000 ses=1 msg='op=adding user id=1002 exe=\"/usr/sbin/useradd\" res=success'UID=\"root\" AUID=\"bob\"",
    { format: "linux-audit", fields: { op: "adding", id: "1002", exe: "/usr/sbin/useradd", res: "success", UID: "root", AUID: "bob", msg: ["audit(1714564800.000:7):", "op=adding user id=1002 exe=\"/usr/sbin/useradd\" res=success"] } }],
  ["sshd accepted password", "May  1 12:00:00 web01 sshd[5617]: Accepted password for bob from 198.51.100.4 port 50123 ssh2",
    { format: "syslog", fields: { process: "sshd", pid: "5617", user: "bob", src: "198.51.100.4", src_port: "50123", dest: "web01" }, datasets: { "Authentication.Successful_Authentication": { user: "bob", src: "198.51.100.4", action: "success", app: "sshd" } } }],
  ["CloudFront access log", ["2024-05-01", "12:00:00", "IAD55-P5", "921", "198.51.100.4", "GET", "d1.cloudfront.net", "/a", "200", "-", "curl/8", "-", "-", "Miss", "id", "x.example.com", "https", "232", "0.276", "-", "TLSv1.3", "TLS_AES_128_GCM_SHA256", "Miss", "HTTP/1.1", "-", "-", "57232", "0.276", "Miss", "text/html", "527", "-", "-"].join("\t"),
    { format: "cloudfront", sourcetype: "aws:cloudfront:accesslogs", time: Date.UTC(2024, 4, 1, 12) / 1000, fields: { c_ip: "198.51.100.4", cs_method: "GET", cs_uri_stem: "/a", sc_status: "200", cs_user_agent: "curl/8", c_port: "57232" } }],
  ["VPC flow log", "2 123456789012 eni-0a1b2c3d 10.0.1.30 10.0.1.1 47254 22 6 2 98 1714564800 1714564830 ACCEPT OK",
    { format: "vpcflow", sourcetype: "aws:cloudwatchlogs:vpcflow", time: 1714564800, fields: { src_ip: "10.0.1.30", dest_port: "22", vpcflow_action: "ACCEPT" }, datasets: { "Network_Traffic.All_Traffic": { src_ip: "10.0.1.30", dest_ip: "10.0.1.1", dest_port: "22", bytes: "98" } } }],
  ["PAN-OS traffic", "May  1 12:00:00 fw01 1,2024/05/01 12:00:00,012801036556,TRAFFIC,end,2305,2024/05/01 12:00:00,192.168.1.5,203.0.113.7",
    { format: "pan-os", sourcetype: "pan:traffic", time: Date.UTC(2024, 4, 1, 12) / 1000, fields: { type: "TRAFFIC", log_subtype: "end" } }],
  ["nginx key=value: a Web event", 'site="www.example.com" dest_ip="192.0.2.1" src_ip="198.51.100.1" time_local="01/May/2024:12:00:00 +0000" status="200" http_method="POST" uri_path="/wp-json/x" http_referer="-" http_user_agent="python-requests"',
    { format: "kv", time: Date.UTC(2024, 4, 1, 12) / 1000, fields: { site: "www.example.com", status: "200" }, datasets: { "Web.Web": { http_method: "POST", uri_path: "/wp-json/x", src_ip: "198.51.100.1", http_referrer: "-" } } }],
  ["Falco output fields", "12:18:18.691725165: Notice A shell was spawned (evt_type=execve user=root process=bash command=bash -il container_id=7a2566e8e462)",
    { format: "kv", fields: { evt_type: "execve", user: "root", command: "bash", container_id: "7a2566e8e462" } }],
];

test("text lines: format, sourcetype, _time, fields, datasets", () => {
  for (const [name, line, want] of CASES) {
    const r = parseEvents(line);
    assert.deepEqual(r.problems, [], name);
    const e = r.events[0]!;
    assert.equal(e.format, want.format, name);
    if (want.sourcetype) assert.equal(e.fields["sourcetype"], want.sourcetype, `${name}: sourcetype`);
    if (want.time !== undefined) assert.equal(e.fields["_time"], want.time, `${name}: _time`);
    for (const [k, v] of Object.entries(want.fields ?? {})) assert.deepEqual(e.fields[k], v, `${name}: ${k}`);
    for (const [ds, f] of Object.entries(want.datasets ?? {})) for (const [k, v] of Object.entries(f)) assert.deepEqual(e.datasets[ds]?.[k], v, `${name}: ${ds}.${k}`);
  }
});

test("command lines stay command lines, key=value arguments or not", () => {
  for (const line of ["msiexec.exe /i x.msi A=1 B=2 C=3", "C:\\Windows\\System32\\cmd.exe /c set a=1 b=2 c=3", "/bin/sh -c x=1 y=2 z=3", "rundll32.exe a.dll,Start"]) {
    assert.equal(parseEvents(line).events[0]?.format, "command-line", line);
  }
});

test("kvPairs: quoting, comma lists, keys inside values", () => {
  const cases: [string, [string, string][]][] = [
    ['a=1 b="two words" c=\'x y\'', [["a", "1"], ["b", "two words"], ["c", "x y"]]],
    ["Audit:[timestamp=01-25-2023 22:08:54.818, user=admin, action=search, info=granted REST: /x]", [["timestamp", "01-25-2023 22:08:54.818"], ["user", "admin"], ["action", "search"], ["info", "granted REST: /x"]]],
    ["url=http://x/?a=1&b=2 k=v", [["url", "http://x/?a=1&b=2"], ["k", "v"]]],
  ];
  for (const [text, want] of cases) assert.deepEqual(kvPairs(text).map((p) => [p.key, p.value]), want, text);
});
