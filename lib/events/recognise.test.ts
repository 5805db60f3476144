/**
 * Recognition: an event → the content's data source, by where Splunk puts it and the separator
 * value; the user's source / sourcetype / pick win; ambiguity → candidates. The data sources below
 * are small copies of security_content's data_sources/*.yml (Apache-2.0, splunk/security_content).
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseEvents } from "./index";
import type { DataSourceSpec } from "./types";
import { evtxJson, sysmonEvent, WINDOWS_EVENTS, winXml } from "./windows-fixtures.test-data";

const SYSMON_SRC = "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational";
const SPECS: DataSourceSpec[] = [
  { name: "Sysmon EventID 1", source: SYSMON_SRC, sourcetype: "xmlwineventlog", separator: "EventID", separatorValue: "1", fields: ["Image", "CommandLine", "process_name", "os"] },
  { name: "Sysmon EventID 13", source: SYSMON_SRC, sourcetype: "xmlwineventlog", separator: "EventID", separatorValue: "13", fields: ["TargetObject", "registry_path", "registry_hive"] },
  { name: "Windows Event Log Security 4624", source: "XmlWinEventLog:Security", sourcetype: "xmlwineventlog", separator: "EventCode", separatorValue: "4624", fields: ["TargetUserName", "user", "session_id"] },
  { name: "Windows Event Log Defender 1121", source: "WinEventLog:Microsoft-Windows-Windows Defender/Operational", sourcetype: "xmlwineventlog", separator: "EventCode", separatorValue: "1121", fields: [] },
  { name: "Powershell Script Block Logging 4104", source: "XmlWinEventLog:Microsoft-Windows-PowerShell/Operational", sourcetype: "xmlwineventlog", separatorValue: "4104", fields: ["ScriptBlockText"] },
  // A data source whose example is JSON under a Windows source (as PingID's is): never a Windows event's.
  { name: "PingID", source: "XmlWinEventLog:Security", sourcetype: "XmlWinEventLog", fields: [], exampleLog: '{"source":"PINGID","id":"x","actors":[{"name":"u"}]}' },
  // Two data sources that say the same thing: ambiguous.
  { name: "Twin A", source: "XmlWinEventLog:System", sourcetype: "xmlwineventlog", separator: "EventCode", separatorValue: "7045", fields: [] },
  { name: "Twin B", source: "XmlWinEventLog:System", sourcetype: "xmlwineventlog", separator: "EventCode", separatorValue: "7045", fields: [] },
];

const defender = { channel: "Microsoft-Windows-Windows Defender/Operational", provider: "Microsoft-Windows-Windows Defender", id: 1121, data: { Path: "C:\\t\\x.exe" } };

test("recognition: data source, candidates and source for each event", () => {
  const cases: [string, string, { source?: string; sourcetype?: string; dataSource?: string }, string | null, string[], string | undefined][] = [
    ["Sysmon 1 XML", winXml(sysmonEvent(1)), {}, "Sysmon EventID 1", ["Sysmon EventID 1"], SYSMON_SRC],
    ["Sysmon 13 evtx JSON", evtxJson(sysmonEvent(13)), {}, "Sysmon EventID 13", ["Sysmon EventID 13"], SYSMON_SRC],
    ["Sysmon 3: no data source for it", winXml(sysmonEvent(3)), {}, null, [], SYSMON_SRC],
    ["4624 (PingID's JSON example keeps it off Windows events)", winXml(WINDOWS_EVENTS["4624"]!), {}, "Windows Event Log Security 4624", ["Windows Event Log Security 4624"], "XmlWinEventLog:Security"],
    ["Defender: WinEventLog: and XmlWinEventLog: are one channel; the data source's source is used", winXml(defender), {}, "Windows Event Log Defender 1121", ["Windows Event Log Defender 1121"], "WinEventLog:Microsoft-Windows-Windows Defender/Operational"],
    ["4104 with no separator named: the family's EventCode", winXml(WINDOWS_EVENTS["4104"]!), {}, "Powershell Script Block Logging 4104", ["Powershell Script Block Logging 4104"], "XmlWinEventLog:Microsoft-Windows-PowerShell/Operational"],
    ["two data sources fit equally: ambiguous", winXml(WINDOWS_EVENTS["7045"]!), {}, null, ["Twin A", "Twin B"], "XmlWinEventLog:System"],
    ["the user picks one of them", winXml(WINDOWS_EVENTS["7045"]!), { dataSource: "twin b" }, "Twin B", ["Twin A", "Twin B"], "XmlWinEventLog:System"],
    ["the user's source wins", winXml(sysmonEvent(1)), { source: "XmlWinEventLog:Application" }, null, [], "XmlWinEventLog:Application"],
  ];
  for (const [name, text, opts, ds, candidates, source] of cases) {
    const r = parseEvents(text, { dataSources: SPECS, ...opts });
    const e = r.events[0];
    assert.ok(e, name);
    assert.equal(e.dataSource, ds, `${name}: data source`);
    assert.deepEqual(e.candidates, candidates, `${name}: candidates`);
    assert.equal(e.fields["source"], source, `${name}: source`);
    assert.equal(e.source, source, name);
  }
});

test("unknown: the data source's fields the event has not got and that are not the event's own", () => {
  const e = parseEvents(winXml(sysmonEvent(1)), { dataSources: SPECS }).events[0]!;
  assert.ok(e.unknown.includes("os"), "os is an add-on field the console does not compute");
  assert.ok(!e.unknown.includes("process_name"), "computed");
  const r13 = parseEvents(winXml(sysmonEvent(13)), { dataSources: SPECS }).events[0]!;
  assert.ok(r13.unknown.includes("registry_hive"));
  const cmd = parseEvents("cmd.exe /c whoami", { dataSources: SPECS }).events[0]!;
  assert.equal(cmd.dataSource, null, "a command line is not a data source's event");
  assert.ok(cmd.unknown.includes("user"));
});

test("picks: the user's pick applies to its own event only", () => {
  const twin = winXml(WINDOWS_EVENTS["7045"]!);
  const r = parseEvents(`${twin}\n${twin}`, { dataSources: SPECS, picks: { "1": "Twin B" } });
  assert.deepEqual(r.events.map((e) => e.dataSource), [null, "Twin B"]);
  assert.deepEqual(r.events[1]!.candidates, ["Twin A", "Twin B"]);
});
