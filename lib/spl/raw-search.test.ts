/**
 * Raw-event searches (raw-search.ts): a search that starts with search terms reads each pasted
 * event's own fields, `_raw` for bare terms, and lets `index=` / time modifiers choose the data.
 * Table-driven over field records, then over real events read by lib/events (Windows XML written
 * from Microsoft's documented 4624 schema), then the gate, the search set and a batch threshold.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { EventInput } from "../detection/types";
import { parseEvents, toEventInput } from "../events/index";
import { compileSearch, indexMacros, searchSet } from "./index";

const at = (fields: EventInput["fields"]): EventInput => ({ fields: { _time: 1_700_000_000, ...fields } });
const WIN = { sourcetype: "XmlWinEventLog", source: "XmlWinEventLog:Security", EventCode: "4624", LogonType: "3", _raw: "<Event><EventID>4624</EventID><Data Name='LogonType'>3</Data> mimikatz.exe C:\\Tools\\x.exe</Event>" };

const CASES: [string, EventInput["fields"], "match" | "no_match" | "not_testable", string?][] = [
  ["sourcetype=xmlwineventlog EventCode=4624 LogonType=3", WIN, "match"],
  ["index=main sourcetype=xmlwineventlog EventCode=4624", WIN, "match", "index chooses the data"],
  ["index=* earliest=-24h latest=now EventCode=4624", WIN, "match", "time modifiers choose the data"],
  ["EventCode=4625", WIN, "no_match"],
  ["source=XmlWinEventLog:System EventCode=4624", WIN, "no_match"],
  ["sourcetype=xmlwineventlog TargetUserName=admin", WIN, "no_match", "a field the event does not have"],
  ["sourcetype=xmlwineventlog mimikatz", WIN, "match", "bare term: a token of _raw (between breakers)"],
  ["sourcetype=xmlwineventlog mimi", WIN, "no_match", "bare term: not a substring"],
  ["sourcetype=xmlwineventlog mimi*", WIN, "match", "trailing wildcard"],
  ['sourcetype=xmlwineventlog "C:\\\\Tools\\\\x.exe"', WIN, "match", "quoted phrase with minor breakers"],
  ["sourcetype=xmlwineventlog CASE(MIMIKATZ)", WIN, "no_match", "CASE() is case-sensitive"],
  ["sourcetype=xmlwineventlog NOT mimikatz", WIN, "no_match"],
  ["NOT index=main EventCode=4624", WIN, "not_testable", "index used to exclude data"],
  ["index!=main EventCode=4624", WIN, "not_testable"],
  ["sourcetype=xmlwineventlog TERM(mimi*)", WIN, "not_testable", "TERM() with a wildcard"],
  ["EventCode=4624 | stats count by LogonType", WIN, "match"],
  ["EventCode=4624 | stats count by LogonType | where count > 0", WIN, "not_testable", "a threshold on an aggregate: batch only"],
  ["EventCode=4624 | stats count by TargetUserName", WIN, "no_match", "BY a missing field drops the row"],
];

test("raw-event searches over an event's fields and _raw", () => {
  for (const [search, fields, want, why] of CASES) {
    const s = compileSearch(search, { macros: [] });
    const v = s.evaluate(at(fields));
    assert.equal(v.verdict, want, `${search} (${why ?? ""}): ${JSON.stringify(v)}`);
    // explain gives the same verdict as evaluate.
    assert.equal(s.explain(at(fields)).verdict, want, `explain: ${search}`);
  }
});

test("the trace says why index= and time modifiers hold", () => {
  const s = compileSearch("index=main earliest=-24h EventCode=4624", { macros: [] });
  const x = s.explain(at(WIN));
  const leaves = x.stages[0]!.predicates[0]!.children ?? [];
  assert.match(leaves[0]!.note ?? "", /data you chose/);
  assert.match(leaves[1]!.note ?? "", /time range/);
  assert.equal(leaves[2]!.value, true);
});

const XML_4624 = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4624</EventID><Version>2</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2024-05-02T10:11:12.000000Z'/><EventRecordID>1234</EventRecordID><Correlation/><Execution ProcessID='700' ThreadID='800'/><Channel>Security</Channel><Computer>dc01.corp.local</Computer><Security/></System><EventData><Data Name='SubjectUserSid'>S-1-0-0</Data><Data Name='SubjectUserName'>-</Data><Data Name='SubjectDomainName'>-</Data><Data Name='SubjectLogonId'>0x0</Data><Data Name='TargetUserSid'>S-1-5-21-1-2-3-500</Data><Data Name='TargetUserName'>Administrator</Data><Data Name='TargetDomainName'>CORP</Data><Data Name='TargetLogonId'>0x3e7</Data><Data Name='LogonType'>3</Data><Data Name='LogonProcessName'>NtLmSsp </Data><Data Name='AuthenticationPackageName'>NTLM</Data><Data Name='WorkstationName'>WS01</Data><Data Name='IpAddress'>10.0.0.5</Data><Data Name='IpPort'>49712</Data></EventData></Event>`;

const MACROS = indexMacros([{ name: "wineventlog_security", definition: "eventtype=wineventlog_security OR Channel=security OR source=XmlWinEventLog:Security", args: [] }]);

test("a Windows Security 4624 event read by lib/events fires a source-macro search that checks LogonType", () => {
  const read = parseEvents(XML_4624);
  assert.equal(read.events.length, 1);
  const event = toEventInput(read.events[0]!);
  const fires = compileSearch("`wineventlog_security` EventCode=4624 LogonType=3 AuthenticationPackageName=NTLM | stats count by dest TargetUserName", { macros: MACROS });
  const v = fires.evaluate(event);
  assert.equal(v.verdict, "match", JSON.stringify(v));
  const quiet = compileSearch("`wineventlog_security` EventCode=4624 LogonType=10", { macros: MACROS });
  assert.equal(quiet.evaluate(event).verdict, "no_match");
  // The event keeps its own time (2024-05-02T10:11:12Z), not the clock's.
  const timed = compileSearch("`wineventlog_security` EventCode=4624 | table _time", { macros: MACROS }).evaluate(event);
  assert.ok(timed.verdict === "match" && timed.rows?.[0]?.["_time"] === 1714644672, JSON.stringify(timed));
});

test("the search set answers raw-event searches exactly as each search does", () => {
  const searches = [
    "sourcetype=xmlwineventlog EventCode=4624 LogonType=3",
    "(source=XmlWinEventLog:Security OR eventtype=wineventlog_security) EventCode=4625",
    "index=main sourcetype=linux:audit type=EXECVE",
    "mimikatz EventCode=4624",
    "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest",
  ].map((s) => compileSearch(s, { macros: [] }));
  const events: EventInput[] = [
    at(WIN),
    at({ ...WIN, EventCode: "4625" }),
    { fields: { sourcetype: "linux:audit", type: "EXECVE", _time: 1 }, unknown: ["LogonType"] },
    { fields: { process_name: "cmd.exe", dest: "h" }, datasets: { "Endpoint.Processes": { process_name: "cmd.exe", dest: "h" } }, unknown: ["sourcetype", "source", "eventtype"] },
    at({ EventCode: "4624" }),
  ];
  const set = searchSet(searches);
  for (const e of events) {
    const got = set.evaluate(e);
    searches.forEach((s, i) => assert.deepEqual(got[i], s.evaluate(e), `${s.search} on ${JSON.stringify(e)}`));
  }
});

test("over a batch, a stats threshold is crossed by 20 events and not by 19", () => {
  const s = compileSearch("sourcetype=xmlwineventlog EventCode=4625 | stats count by IpAddress | where count > 19", { macros: [] });
  const failed = (i: number) => at({ sourcetype: "XmlWinEventLog", EventCode: "4625", IpAddress: "10.0.0.9", _time: 1_700_000_000 + i });
  const twenty = s.run(Array.from({ length: 20 }, (_, i) => failed(i)));
  assert.ok(twenty.ok && twenty.rows.length === 1 && twenty.rows[0]!["count"] === 20, JSON.stringify(twenty));
  assert.deepEqual(twenty.ok && twenty.lineage?.[0], Array.from({ length: 20 }, (_, i) => i));
  const nineteen = s.run(Array.from({ length: 19 }, (_, i) => failed(i)));
  assert.ok(nineteen.ok && nineteen.rows.length === 0);
  assert.equal(s.support.level, "batch");
});
