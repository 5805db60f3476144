/**
 * Linux audit records (sourcetype linux:audit, the Splunk Add-on for Unix and Linux):
 * `type=SYSCALL msg=audit(1723035666.627:3663): arch=… comm="lsmod" …`, the kernel's key=value
 * record format (Red Hat, "Understanding Audit Log Files"). Every pair is a field, those inside a
 * quoted `msg='…'` too, and the enriched upper-case ones after it (`UID="root"`); `msg` is the
 * multivalue of both. Time: the audit(EPOCH.ms:serial) stamp. Separator: `type`.
 */
import { fromEpoch } from "../../time";
import { kvPairs } from "./kv-parse";
import { textFamily } from "./text-family";

const HEAD = /^type=(\w+) msg=audit\((\d+(?:\.\d+)?):(\d+)\):/;

export const auditd = textFamily({
  id: "linux-audit",
  label: "Linux auditd line",
  family: "auditd",
  source: "/var/log/audit/audit.log",
  sourcetype: "linux:audit",
  separator: "type",
  detect: (line) => (HEAD.test(line) ? 9 : 0),
  fields(line) {
    const out: [string, string][] = [];
    for (const p of kvPairs(line)) {
      out.push([p.key, p.value]);
      if (p.key === "msg" && p.quote === "'") for (const inner of kvPairs(p.value)) out.push([inner.key, inner.value]);
    }
    return out;
  },
  time(line) {
    const m = HEAD.exec(line);
    const ts = m ? fromEpoch(Number(m[2])) : undefined;
    return ts ? { ts, from: "msg", note: "the audit(…) stamp, epoch seconds" } : undefined;
  },
  addon: (c) => c.note("Linux auditd: the add-on's CIM mappings are not documented here"),
});
