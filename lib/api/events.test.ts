/**
 * POST /api/events: the same records as `cli events`, limits and errors as /api/match.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { memoryIO } from "../../bin/io";
import { main } from "../../bin/main";
import { sysmonEvent, winXml } from "../events/windows-fixtures.test-data";
import { handleEvents } from "./events";
import { LIMITS } from "./limits";
import { CONTENT, inProcessDeps } from "./test-helpers";

const deps = inProcessDeps();
const post = (body: string, type = "text/plain; charset=utf-8") => new Request("http://127.0.0.1/api/events", { method: "POST", headers: type ? { "content-type": type } : {}, body });

test("POST /api/events: one record per event or problem, as cli events prints them", async () => {
  const text = `${winXml(sysmonEvent(1))}\n{"process_name": "a.exe"}\n{"broken": \ncmd.exe /c whoami\n`;
  const r = await handleEvents(post(text), deps);
  assert.equal(r.status, 200);
  const { events } = (await r.json()) as { events: Record<string, any>[] };
  const io = memoryIO(text);
  assert.equal(await main(["events", "--content", CONTENT], io), 0);
  const cli = io.stdout().trim().split("\n").map((l) => JSON.parse(l));
  // Events without a timestamp get the time they were read: the API and the CLI read a few ms apart.
  const readTime = (xs: Record<string, any>[]) => xs.map((e, i) => (i === 1 || i === 3 ? { ...e, fields: { ...e.fields, _time: "read" } } : e));
  assert.deepEqual(readTime(events), readTime(cli));
  assert.equal(typeof events[1]?.fields._time, "number");
  assert.equal(events[0]?.data_source, "Sysmon EventID 1");
  assert.equal(events[0]?.datasets["Endpoint.Processes"]?.process_name, "rundll32.exe");
  assert.match(events[2]?.error ?? "", /invalid JSON/);
});

test("POST /api/events: errors and limits", async () => {
  const cases: [Request, number, RegExp][] = [
    [post(""), 400, /empty/],
    [post('{"a": 1}', "application/json"), 415, /text\/plain/],
    [post("x".repeat(LIMITS.maxBodyBytes + 1)), 413, /larger than the limit/],
    [post("a.exe\n".repeat(LIMITS.maxEvents + 1)), 413, /more than 1000/],
  ];
  for (const [req, status, message] of cases) {
    const r = await handleEvents(req, deps);
    assert.equal(r.status, status);
    assert.match(((await r.json()) as { error: string }).error, message);
  }
  assert.equal((await handleEvents(post("cmd.exe /c a", ""), deps)).status, 200, "no content-type is read as text");
});
