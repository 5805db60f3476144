import { test } from "node:test";
import assert from "node:assert/strict";
import { PROCESS_FIELDS, eventFromCim, eventFromCommandLine, parseEvents, unknownFields, withEdits } from "./index";
import { SYSMON_XML } from "./fixtures.test-data";

test("unknownFields: what a bare command line cannot know", () => {
  const e = eventFromCommandLine("cmd.exe /c whoami");
  const unknown = unknownFields(e);
  assert.ok(unknown.includes("user"));
  assert.ok(unknown.includes("parent_process_name"));
  assert.ok(unknown.includes("process_path"), "no path in the first token");
  assert.ok(!unknown.includes("process"));
  assert.ok(!unknown.includes("process_name"));
  assert.equal(unknown.length, PROCESS_FIELDS.length - 2);
  const sysmon = parseEvents(SYSMON_XML).events[0];
  assert.ok(sysmon);
  assert.ok(!unknownFields(sysmon).includes("parent_process_name"));
  assert.ok(unknownFields(sysmon).includes("os"));
});

test("withEdits: edited values, prefix stripped, empty value removes, original untouched", () => {
  const e = eventFromCommandLine("cmd.exe /c whoami");
  const edited = withEdits(e, { user: "CORP\\bob", "Processes.parent_process_name": "winword.exe" });
  assert.equal(edited.fields["user"], "CORP\\bob");
  assert.deepEqual(edited.provenance["user"], { origin: "edited", note: "entered in the tester" });
  assert.equal(edited.fields["parent_process_name"], "winword.exe");
  assert.equal(e.fields["user"], undefined, "the input event is not changed");
  assert.ok(!unknownFields(edited).includes("user"));
  const cleared = withEdits(edited, { user: "" });
  assert.equal(cleared.fields["user"], undefined);
  assert.equal(cleared.provenance["user"], undefined);
  assert.equal(cleared.fields["parent_process_name"], "winword.exe");
});

test("withEdits: changing process re-derives the derived name and path, not given ones", () => {
  const cases: [string, Record<string, string>, Record<string, string | undefined>][] = [
    ["new path", { process: '"C:\\t\\x.exe" -a' }, { process_name: "x.exe", process_path: "C:\\t\\x.exe" }],
    ["no path now", { process: "y.exe -b" }, { process_name: "y.exe", process_path: undefined }],
    ["name edited too", { process: "y.exe -b", process_name: "z.exe" }, { process_name: "z.exe", process_path: undefined }],
    ["process cleared", { process: "" }, { process_name: undefined, process_path: undefined }],
  ];
  for (const [name, edits, expected] of cases) {
    const e = withEdits(eventFromCommandLine("C:\\w\\cmd.exe /c a"), edits);
    for (const [k, v] of Object.entries(expected)) assert.equal(e.fields[k], v, `${name}: ${k}`);
  }
  const given = eventFromCim({ process: "a.exe", process_name: "given.exe" });
  assert.ok(!("problem" in given));
  assert.equal(withEdits(given, { process: "b.exe" }).fields["process_name"], "given.exe");
  const fromPath = eventFromCim({ parent_process_path: "C:\\a\\p.exe" });
  assert.ok(!("problem" in fromPath));
  assert.equal(withEdits(fromPath, { parent_process_path: "D:\\q.exe" }).fields["parent_process_name"], "q.exe");
});

test("withEdits: `_time` typed as a date or epoch becomes epoch seconds with its date_* parts; other text stays text", () => {
  const cases: [string, string, number | string][] = [
    ["ISO with zone", "2024-03-01T10:00:00Z", 1709287200],
    ["ISO without zone (UTC)", "2024-03-01 10:00:00", 1709287200],
    ["epoch seconds", "1709287200", 1709287200],
    ["not a time", "yesterday", "yesterday"],
  ];
  for (const [name, typed, want] of cases) {
    const e = withEdits(parseEvents(SYSMON_XML).events[0]!, { _time: typed });
    assert.equal(e.fields["_time"], want, name);
    assert.equal(e.provenance["_time"]?.origin, "edited", name);
    if (typeof want === "number") assert.equal(e.fields["date_year"], 2024, name);
  }
});
