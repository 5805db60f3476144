/**
 * iterateEvents: the same events and problems as parseEvents, one at a time and in input order
 * (a problem before the first event at or after its place), and lazy (an event is read only when
 * the caller asks for it: `cli match` streams on it).
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { iterateEvents, parseEvents, type EventItem } from "./index";

const SYSMON = `<Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><EventID>1</EventID><Computer>h</Computer></System><EventData><Data Name="Image">C:\\Windows\\System32\\cmd.exe</Data><Data Name="CommandLine">cmd.exe /c whoami</Data></EventData></Event>`;

const INPUTS: [string, string][] = [
  ["command lines", "cmd.exe /c whoami\n\npowershell.exe -nop -w hidden\nrc.exe \\\\10.0.0.5 /user:a\n"],
  ["JSON lines with a bad one", `{"process":"cmd.exe /c x","process_name":"cmd.exe"}\n{"process": oops}\n"net.exe user"\n`],
  ["a pretty-printed JSON array", `[\n  {"process_name": "a.exe", "process": "a.exe /x"},\n  {"process_name": "b.exe", "process": "b.exe /y"}\n]\n`],
  ["Windows XML with text outside and an unclosed event", `<?xml version="1.0"?>\n<Events>\n${SYSMON}\nstray text\n${SYSMON.replace("</Event>", "")}\n${SYSMON}\n</Events>\n`],
  ["CSV with a short and a long row", "process_name,process\ncmd.exe,cmd.exe /c a\nb.exe\nc.exe,c.exe /c,extra\n"],
  ["binary bytes on a line", "cmd.exe /c a\n\u0000\u0001\u0002\u0003\u0004\u0005\u0006\u0007 garbage\nnet.exe user\n"],
  ["empty", ""],
];

const place = (x: { line: number; column?: number }) => `${x.line}:${x.column ?? 0}`;

for (const [name, text] of INPUTS) {
  test(`iterateEvents gives parseEvents' events and problems, in input order: ${name}`, () => {
    const now = 1_700_000_000;
    const whole = parseEvents(text, { now, maxEvents: Number.MAX_SAFE_INTEGER, maxBytes: Number.MAX_SAFE_INTEGER });
    const items = [...iterateEvents(text, { now })];
    const events = items.flatMap((i) => ("event" in i ? [i.event] : []));
    const problems = items.flatMap((i) => ("problem" in i ? [i.problem] : []));
    assert.deepEqual(events, whole.events);
    assert.deepEqual(problems, whole.problems);
    // Each problem comes before the first event that starts at or after its place.
    items.forEach((item, k) => {
      if (!("problem" in item)) return;
      const later = items.slice(k + 1).find((i): i is Extract<EventItem, { event: unknown }> => "event" in i);
      const p = item.problem;
      if (later) assert.ok(p.line < later.event.line || (p.line === later.event.line && (p.column ?? 0) <= (later.event.column ?? 0)), `${place(p)} before ${place(later.event)}`);
    });
  });
}

test("iterateEvents reads lazily: asking for the first event reads no other", () => {
  const asked = new Set<string>();
  const picks = new Proxy({}, { get: (_t, key) => (typeof key === "string" && asked.add(key), undefined) }) as Record<string, string>;
  const text = Array.from({ length: 50_000 }, (_, i) => `cmd.exe /c echo ${i}`).join("\n");
  const it = iterateEvents(text, { picks });
  const first = it.next();
  assert.equal(first.done, false);
  assert.ok(!first.done && "event" in first.value && first.value.event.fields["process"] === "cmd.exe /c echo 0");
  assert.deepEqual([...asked], ["0"]);
  it.return(undefined);
});

test("iterateEvents has no cap on events, and one read time for the whole input", () => {
  const text = Array.from({ length: 12_000 }, (_, i) => `a.exe ${i}`).join("\n");
  const events = [...iterateEvents(text)].flatMap((i) => ("event" in i ? [i.event] : []));
  assert.equal(events.length, 12_000);
  assert.equal(new Set(events.map((e) => e.fields["_time"])).size, 1);
});

test("iterateEvents: a value that is not text is one problem", () => {
  assert.deepEqual([...iterateEvents(42 as unknown as string)], [{ problem: { line: 1, message: "the input is not text" } }]);
});
