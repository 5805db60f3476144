import { test } from "node:test";
import assert from "node:assert/strict";
import { eventFromCim, parseEvents } from "./index";
import { SYSMON_SPLUNK_JSON } from "./fixtures.test-data";

test("CIM JSON, plain and Processes.-prefixed, keeps values and says they were given", () => {
  const cases: [string, Record<string, unknown>, Record<string, unknown>][] = [
    [
      "plain",
      { process: "cmd.exe /c whoami", process_name: "cmd.exe", user: "bob", dest: "h1", process_id: 42 },
      { process: "cmd.exe /c whoami", process_name: "cmd.exe", user: "bob", dest: "h1", process_id: 42 },
    ],
    [
      "prefixed",
      { "Processes.process_name": "wmic.exe", "Processes.parent_process_name": "winword.exe" },
      { process_name: "wmic.exe", parent_process_name: "winword.exe" },
    ],
    ["multivalue and boolean", { process_name: ["a.exe", "b.exe"], user_is_privileged: true, process: "x" }, { process_name: ["a.exe", "b.exe"], user_is_privileged: "true" }],
    // Only `process` given: name and path derived from its first token.
    ["derived", { process: '"C:\\t\\x.exe" -a' }, { process_name: "x.exe", process_path: "C:\\t\\x.exe" }],
    // Only the path given: the name is its file name part.
    ["path only", { process_path: "C:\\t\\y.exe" }, { process_name: "y.exe" }],
  ];
  for (const [name, obj, expected] of cases) {
    const e = eventFromCim(obj, 2);
    assert.ok(!("problem" in e), name);
    assert.equal(e.format, "cim-json");
    for (const [k, v] of Object.entries(expected)) assert.deepEqual(e.fields[k], v, `${name}: ${k}`);
  }
  const prefixed = eventFromCim({ "Processes.process_name": "wmic.exe" });
  assert.ok(!("problem" in prefixed));
  assert.deepEqual(prefixed.provenance["process_name"], { origin: "given", from: "Processes.process_name" });
  const derived = eventFromCim({ process: "C:\\t\\x.exe -a" });
  assert.ok(!("problem" in derived));
  assert.equal(derived.provenance["process_name"]?.origin, "derived");
});

test("JSON array, pretty-printed objects, and Splunk export containers", () => {
  const arr = `[\n  {"process_name": "a.exe"},\n  {"process_name": "b.exe"}\n]`;
  const r = parseEvents(arr);
  assert.deepEqual(r.events.map((e) => [e.line, e.fields["process_name"], e.text]), [
    [2, "a.exe", '{"process_name": "a.exe"}'],
    [3, "b.exe", '{"process_name": "b.exe"}'],
  ]);
  const pretty = `{\n  "process_name": "a.exe"\n}\n{\n  "process_name": "b.exe"\n}\n`;
  assert.deepEqual(parseEvents(pretty).events.map((e) => e.line), [1, 4]);
  const exportLines = `{"preview":false,"result":{"process_name":"c.exe","dest":"h"}}\n{"preview":false,"result":{"process_name":"d.exe"}}`;
  assert.deepEqual(parseEvents(exportLines).events.map((e) => e.fields["process_name"]), ["c.exe", "d.exe"]);
  const rest = JSON.stringify({ results: [{ process_name: "e.exe" }, SYSMON_SPLUNK_JSON] });
  const rr = parseEvents(rest);
  assert.deepEqual(rr.events.map((e) => e.format), ["cim-json", "windows-json"]);
});

test("JSON Lines with a bad line: a problem with its line number; other lines parse", () => {
  const text = [
    '{"process_name": "a.exe"}',
    '{"process_name": "b.exe",,}',
    '{"process_name": "c.exe"',
    '"cmd.exe /c echo from a JSON string"',
    "not json at all",
    '{"process_name": "d.exe"}',
    "42",
  ].join("\n");
  const r = parseEvents(text);
  assert.equal(r.format, "cim-json");
  assert.deepEqual(
    r.events.map((e) => [e.line, e.format, e.fields["process_name"]]),
    [
      [1, "cim-json", "a.exe"],
      [4, "command-line", "cmd.exe"],
      [6, "cim-json", "d.exe"],
    ],
  );
  assert.deepEqual(r.problems.map((p) => p.line), [2, 3, 5, 7]);
  for (const p of r.problems.slice(0, 3)) assert.match(p.message, /invalid JSON/);
  assert.match(r.problems[3]?.message ?? "", /expected an object/);
  assert.equal(r.events[1]?.fields["process"], "cmd.exe /c echo from a JSON string");
});

test("CSV: RFC 4180 quoting, CRLF, quoted newlines, CIM / prefixed / Sysmon headers", () => {
  const cim = 'process_name,process,user\r\ncmd.exe,"cmd.exe /c ""echo a,b""",bob\r\n\r\nnet.exe,"net user\r\n/domain",\r\n';
  const r = parseEvents(cim);
  assert.equal(r.format, "csv");
  assert.deepEqual(r.problems, []);
  assert.deepEqual(
    r.events.map((e) => [e.line, e.format, e.fields["process_name"], e.fields["process"], e.fields["user"]]),
    [
      [2, "csv", "cmd.exe", 'cmd.exe /c "echo a,b"', "bob"],
      [4, "csv", "net.exe", "net user\r\n/domain", undefined],
    ],
  );
  assert.equal(r.events[0]?.text, 'cmd.exe,"cmd.exe /c ""echo a,b""",bob');

  const prefixed = parseEvents('"Processes.process_name","Processes.dest"\n"mshta.exe","h1"\n', { now: 1_700_000_000 });
  assert.deepEqual(prefixed.events[0]?.fields, { process_name: "mshta.exe", dest: "h1", _time: 1_700_000_000 });
  assert.equal(prefixed.events[0]?.provenance["dest"]?.from, "Processes.dest");

  const sysmon = parseEvents("EventCode,Image,CommandLine,Computer\n1,C:\\w\\rundll32.exe,rundll32.exe x.dll,h2\n");
  assert.equal(sysmon.events[0]?.format, "csv");
  assert.equal(sysmon.events[0]?.fields["process_name"], "rundll32.exe");
  assert.equal(sysmon.events[0]?.fields["dest"], "h2");
  assert.equal(sysmon.events[0]?.provenance["process_name"]?.origin, "alias");

  const tsv = parseEvents("process_name\tuser\nwhoami.exe\tx\n", { now: 1_700_000_000 });
  assert.deepEqual(tsv.events[0]?.fields, { process_name: "whoami.exe", user: "x", _time: 1_700_000_000 });
});

test("CSV problems: extra cells, unterminated quote", () => {
  const r = parseEvents('process_name,user\na.exe,u,extra\nb.exe,"unterminated\n');
  assert.deepEqual(r.events.map((e) => e.fields["process_name"]), ["a.exe", "b.exe"]);
  assert.deepEqual(r.problems.map((p) => p.line), [2, 3]);
});

test("forced formats override detection", () => {
  const asLines = parseEvents('{"process_name":"a.exe"}', { format: "command-line" });
  assert.equal(asLines.format, "command-line");
  assert.equal(asLines.events[0]?.fields["process"], '{"process_name":"a.exe"}');
  const csv = parseEvents("a,b\n1,2\n", { format: "csv" });
  assert.equal(csv.format, "csv");
  assert.equal(csv.events.length, 1, "a row of unknown columns is an event with those fields");
  assert.deepEqual([csv.events[0]?.fields["a"], csv.events[0]?.fields["b"]], ["1", "2"]);
  const bad = parseEvents("cmd.exe", { format: "nope" as never });
  assert.equal(bad.events.length, 1);
  assert.match(bad.problems[0]?.message ?? "", /unknown format/);
});
