/**
 * Input splitting and bad input: events spanning lines, pretty-printed JSON, and for each kind of
 * bad input a clear problem with its line and column while the other events are still read.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { parseEvents } from "./index";
import { MAX_EVENT_CHARS } from "./split";
import { sysmonEvent, winXml } from "./windows-fixtures.test-data";

const X = winXml(sysmonEvent(1));
const pretty = X.replace(/></g, ">\n  <");

test("splitting: XML events over many lines, pretty JSON, one event per line", () => {
  const cases: [string, string, number[]][] = [
    ["two pretty-printed XML events", `${pretty}\n${pretty}`, [1, pretty.split("\n").length + 1]],
    ["wrapped in <Events> with a prolog", `<?xml version="1.0"?>\n<Events>\n${X}\n${X}\n</Events>`, [3, 4]],
    ["pretty-printed JSON values", `{\n  "process_name": "a.exe"\n}\n{\n  "process_name": "b.exe"\n}`, [1, 4]],
    ["a JSON array of objects", `[\n {"process_name": "a.exe"},\n {"process_name": "b.exe"}\n]`, [2, 3]],
    ["command lines", "cmd.exe /c a\n\nwhoami /all\n", [1, 3]],
    ["lines with an XML event and a JSON value among them", `cmd.exe /c a\n${pretty}\n{"process_name": "b.exe"}`, [1, 2, pretty.split("\n").length + 2]],
  ];
  for (const [name, text, lines] of cases) {
    const r = parseEvents(text);
    assert.deepEqual(r.problems, [], name);
    assert.deepEqual(r.events.map((e) => e.line), lines, name);
  }
});

test("bad input: a problem with line and column, the other events still read", () => {
  const bomb = `<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>\n<Event><System><EventID>1</EventID></System><EventData><Data Name='Image'>&lol2;</Data></EventData></Event>\n${X}`;
  const external = `<!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<Event><System><EventID>1</EventID></System><EventData><Data Name='Image'>&xxe;</Data></EventData></Event>\n${X}`;
  const cases: [string, string, number, { line: number; column?: number; message: RegExp }[]][] = [
    ["an XML event that never closes", `${X.replace("</Event>", "")}\n${X}`, 2, [{ line: 1, column: 1, message: /never closes/ }]],
    ["JSON with trailing garbage", `{"process_name": "a.exe"} garbage\n{"process_name": "b.exe"}`, 2, [{ line: 1, column: 27, message: /trailing text/ }]],
    ["a line with binary bytes", "cmd.exe /c a\nab\u0000\u0001cd\nwhoami", 2, [{ line: 2, column: 1, message: /NUL/ }]],
    ["an entity bomb: never expanded", bomb, 1, [{ line: 1, column: 1, message: /DOCTYPE is never read/ }, { line: 2, message: /entity &lol2;.*never expanded/ }]],
    ["an external entity: never fetched", external, 1, [{ line: 1, column: 1, message: /DOCTYPE is never read/ }, { line: 2, message: /entity &xxe;/ }]],
    ["broken JSON between good lines", '{"process_name": "a.exe"}\n{"process_name": \n{"process_name": "c.exe"}', 2, [{ line: 2, message: /invalid JSON/ }]],
  ];
  for (const [name, text, events, problems] of cases) {
    const r = parseEvents(text);
    assert.equal(r.events.length, events, `${name}: events read (${JSON.stringify(r.problems)})`);
    assert.equal(r.problems.length, problems.length, `${name}: ${JSON.stringify(r.problems)}`);
    problems.forEach((p, i) => {
      const got = r.problems[i]!;
      assert.equal(got.line, p.line, `${name}: line`);
      if (p.column !== undefined) assert.equal(got.column, p.column, `${name}: column`);
      assert.match(got.message, p.message, name);
    });
  }
});

test("a cut-short XML event is read up to the cut; the element cut short is left out, as Splunk's extractions leave it", () => {
  const cut = X.slice(0, X.indexOf("<Data Name='ParentCommandLine'>") + 40);
  const r = parseEvents(cut);
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0]!.fields["ParentImage"], "C:\\Windows\\explorer.exe");
  assert.equal(r.events[0]!.fields["ParentCommandLine"], undefined);
  assert.match(r.problems[0]!.message, /never closes/);
});

test("an event over the size limit is a problem; the rest is read; nothing hangs", () => {
  const long = "a".repeat(MAX_EVENT_CHARS + 1);
  const t0 = Date.now();
  const r = parseEvents(`cmd.exe /c a\n${long}\n{"process_name": "b.exe"}`);
  assert.deepEqual(r.events.map((e) => e.line), [1, 3]);
  assert.match(r.problems[0]!.message, /events over 1 M are not read/);
  const ten = parseEvents("x".repeat(10 * 1024 * 1024));
  assert.equal(ten.events.length, 0);
  assert.equal(ten.problems.length, 1);
  assert.ok(Date.now() - t0 < 10_000);
});

test("a line that is one JSON string is that string's text even when other lines are not JSON", () => {
  const text = ['"C:\\\\Windows\\\\cmd.exe /c whoami"', "{not json", '"C:\\Program Files\\x.exe" /y'].join("\n");
  const r = parseEvents(text);
  assert.deepEqual(r.events.map((e) => [e.line, e.fields.process]), [
    [1, "C:\\Windows\\cmd.exe /c whoami"],
    [3, '"C:\\Program Files\\x.exe" /y'],
  ]);
  assert.equal(r.problems[0]?.line, 2);
});
