/**
 * A syslog line (`May 27 09:28:36 host sshd[5617]: message`, RFC 3164): host, process and pid, the
 * message; for sshd's "Accepted / Failed <method> for <user> from <ip> port <port>" the user, src
 * and src_port as the Linux Secure data source lists them, and a CIM Authentication (success /
 * failure). The line has no year: the current one, as Splunk takes it; no zone: UTC.
 */
import { CITE } from "../../addon-ctx";
import { parseSyslogTime } from "../../time";
import { textFamily } from "./text-family";

const LINE = /^([A-Z][a-z]{2} +\d{1,2} \d\d:\d\d:\d\d) (\S+) ([^\s:[]+)(?:\[(\d+)\])?: (.*)$/;
const SSHD = /^(Accepted|Failed) (\S+) for (?:invalid user )?(\S+) from (\S+) port (\d+)/;

export const syslog = textFamily({
  id: "syslog",
  label: "syslog line",
  family: "syslog",
  shapeOnly: true,
  detect: (line) => (LINE.test(line) ? 5 : 0),
  fields(line) {
    const m = LINE.exec(line);
    if (!m) return [];
    const out: [string, string][] = [["dest", m[2]!], ["process", m[3]!]];
    if (m[4]) out.push(["pid", m[4]]);
    const ssh = m[3] === "sshd" ? SSHD.exec(m[5]!) : null;
    if (ssh) out.push(["vendor_action", ssh[1]!], ["user", ssh[3]!], ["src", ssh[4]!], ["src_port", ssh[5]!]);
    return out;
  },
  time: (line) => {
    const ts = parseSyslogTime(line, new Date().getUTCFullYear());
    return ts ? { ts, from: "the syslog timestamp", note: "the syslog timestamp (no year: this year; no zone: UTC)" } : undefined;
  },
  addon(c) {
    const v = c.val("vendor_action");
    if (v === undefined) return;
    const action = v === "Accepted" ? "success" : "failure";
    c.evalField("action", action, "vendor_action", { cite: CITE.cimAuthentication });
    c.evalField("app", "sshd", "process");
    c.cimAuthentication(action, ["action", "app", "user", "src", "dest"]);
  },
});
