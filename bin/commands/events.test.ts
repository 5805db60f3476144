/**
 * `cli events` over a small content folder: one JSON line per event, in input order, with its data
 * source, fields and datasets; a bad event is an error line with its line and column.
 */
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { memoryIO } from "../io";
import { main } from "../main";
import { sysmonEvent, winXml, WINDOWS_EVENTS } from "../../lib/events/windows-fixtures.test-data";

const dir = mkdtempSync(path.join(tmpdir(), "events-cli-"));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, "data_sources"));
writeFileSync(
  path.join(dir, "data_sources", "sysmon_eventid_13.yml"),
  "name: Sysmon EventID 13\nsource: XmlWinEventLog:Microsoft-Windows-Sysmon/Operational\nsourcetype: xmlwineventlog\nseparator: EventID\nfields:\n- TargetObject\n- registry_hive\n",
);

async function events(input: string, ...args: string[]) {
  const io = memoryIO(input);
  const code = await main(["events", "--content", dir, ...args], io);
  const lines: Record<string, any>[] = io.stdout().trim().split("\n").map((l) => JSON.parse(l));
  return { code, lines: lines as [Record<string, any>, ...Record<string, any>[]], err: io.stderr() };
}

test("cli events: one line per event with data source, fields, datasets; errors in place", async () => {
  const input = `${winXml(sysmonEvent(13))}\n<Event><System><EventID>1</EventID>\n${winXml(WINDOWS_EVENTS["4624"]!)}`;
  const r = await events(input);
  assert.equal(r.code, 0);
  const [reg, broken, cut, logon] = r.lines as [Record<string, any>, Record<string, any>, Record<string, any>, Record<string, any>];
  assert.equal(reg.line, 1);
  assert.equal(reg.data_source, "Sysmon EventID 13");
  assert.deepEqual(reg.candidates, ["Sysmon EventID 13"]);
  assert.equal(reg.sourcetype, "xmlwineventlog");
  assert.equal(reg.fields.TargetObject, "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\updater");
  assert.equal(reg.datasets["Endpoint.Registry"].registry_value_name, "updater");
  assert.ok(reg.unknown.includes("registry_hive"));
  assert.deepEqual([broken.line, broken.column], [2, 1]);
  assert.match(broken.error, /never closes/);
  assert.equal(cut.line, 2, "the cut event is still read");
  assert.equal(cut.data_source, null);
  assert.equal(logon.line, 3);
  assert.equal(logon.data_source, null);
  assert.equal(logon.source, "XmlWinEventLog:Security");
  assert.equal(logon.fields.eventtype, "wineventlog_security");
  assert.equal(logon.datasets["Authentication.Successful_Authentication"].user, "bob");
  assert.match(r.err, /line 2:1: this <Event> never closes/);
});

test("cli events: --sourcetype and --source win", async () => {
  const r = await events("cmd.exe /c whoami\n", "--source", "mine", "--sourcetype", "st");
  assert.equal(r.lines[0].source, "mine", "the user's source applies to every event");
  assert.equal(r.lines[0].fields.sourcetype, "st");
  const x = await events(winXml(sysmonEvent(13)), "--source", "XmlWinEventLog:Other");
  assert.equal(x.lines[0].source, "XmlWinEventLog:Other");
  assert.equal(x.lines[0].data_source, null);
});
