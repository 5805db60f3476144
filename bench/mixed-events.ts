/**
 * The benchmarks' mixed batch: Sysmon event XML (every ID in turn), Windows events as evtx-dump
 * JSON, CloudTrail records and auditd lines, a quarter each, in one input (deterministic).
 */
import { SYSMON_EVENTS, WINDOWS_EVENTS, evtxJson, sysmonEvent, winXml } from "../lib/events/windows-fixtures.test-data";

function cloudtrail(i: number): string {
  return JSON.stringify({ eventVersion: "1.08", userIdentity: { type: "IAMUser", userName: `u${i % 50}` }, eventTime: "2024-05-01T12:00:00Z", eventSource: "iam.amazonaws.com", eventName: i % 2 ? "CreateAccessKey" : "ConsoleLogin", awsRegion: "us-east-1", sourceIPAddress: `198.51.100.${i % 250}`, readOnly: false, responseElements: i % 2 ? null : { ConsoleLogin: "Success" } });
}

function auditd(i: number): string {
  return `type=SYSCALL msg=audit(1714564800.${String(i % 1000).padStart(3, "0")}:${i}): arch=c000003e syscall=59 success=yes exit=0 ppid=1 pid=${i} auid=1000 uid=0 comm="id" exe="/usr/bin/id" key="rootcmd"`;
}

/** The mixed input: starts with an auditd line, so every kind is read in one pass. */
export function mixedInput(n: number): string {
  const sysmonIds = Object.keys(SYSMON_EVENTS).map(Number);
  const windows = Object.values(WINDOWS_EVENTS);
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    switch (i % 4) {
      case 0: out.push(auditd(i)); break;
      case 1: out.push(winXml(sysmonEvent(sysmonIds[i % sysmonIds.length]!))); break;
      case 2: out.push(evtxJson(windows[i % windows.length]!)); break;
      default: out.push(cloudtrail(i));
    }
  }
  return out.join("\n");
}
