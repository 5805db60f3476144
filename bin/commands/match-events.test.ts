/**
 * `cli match` / `run` / `explain` read events as `cli events` does (lib/events, with the content's
 * data sources): a Sysmon EventID 13 in XML (spanning lines) reaches a registry analytic through
 * its Endpoint.Registry fields, a Security 4624 in XML reaches a raw-event search through its own
 * fields; `match` streams into a pipe (a child process, output lines counted).
 */
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { memoryIO } from "../io";
import { main } from "../main";
import { sysmonEvent, winXml, WINDOWS_EVENTS } from "../../lib/events/windows-fixtures.test-data";

const REGISTRY = "aaaaaaaa-0000-4000-8000-000000000013";
const LOGON = "aaaaaaaa-0000-4000-8000-000000004624";
const dir = mkdtempSync(path.join(tmpdir(), "cli-match-events-"));
after(() => rmSync(dir, { recursive: true, force: true }));
mkdirSync(path.join(dir, "detections/endpoint"), { recursive: true });
const detection = (id: string, name: string, search: string) =>
  `name: ${name}\nid: ${id}\nversion: 1\ndate: '2026-01-01'\nauthor: test\nstatus: production\ntype: TTP\ndescription: test\nsearch: '${search.replace(/'/g, "''")}'\n`;
writeFileSync(path.join(dir, "detections/endpoint/registry_run_key.yml"), detection(REGISTRY, "Registry Run Key", '| tstats count from datamodel=Endpoint.Registry where Registry.registry_path="*\\\\CurrentVersion\\\\Run\\\\*" by Registry.dest Registry.registry_path'));
writeFileSync(path.join(dir, "detections/endpoint/network_logon.yml"), detection(LOGON, "Network Logon", "EventCode=4624 LogonType=3 TargetUserName=bob | stats count by TargetUserName IpAddress"));

const SYSMON_13 = winXml(sysmonEvent(13)).replace(/></g, ">\n<"); // one event over many lines
const LOGON_4624 = winXml(WINDOWS_EVENTS["4624"]!);

async function cli(argv: string[], stdin: string) {
  const io = memoryIO(stdin);
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
const jsonl = (text: string) => text.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

test("match: a Sysmon 13 XML event over many lines and a 4624 XML event reach their analytics with their fields and datasets", async () => {
  const r = await cli(["match", "--content", dir], `${SYSMON_13}\n${LOGON_4624}\n`);
  assert.equal(r.code, 0, r.err);
  const rows = jsonl(r.out).map((x) => [x.line, x.analytic, x.verdict]);
  const logonLine = SYSMON_13.split("\n").length + 1;
  assert.deepEqual(rows, [
    [1, LOGON, "no_match"],
    [1, REGISTRY, "match"],
    [logonLine, LOGON, "match"],
    [logonLine, REGISTRY, "no_match"],
  ]);
});

test("explain and run read the same events", async () => {
  const e = await cli(["explain", "--content", dir, "--analytic", REGISTRY, "--json"], SYSMON_13);
  assert.equal(e.code, 0, e.err);
  assert.equal(JSON.parse(e.out).verdict, "match");
  const r = await cli(["run", "--content", dir, "--analytic", LOGON], `${LOGON_4624}\n${LOGON_4624}\n`);
  assert.equal(r.code, 0, r.err);
  assert.deepEqual(jsonl(r.out), [{ TargetUserName: "bob", IpAddress: "10.0.0.8", count: 2 }]);
});

test("match streams into a pipe: every (event, analytic) line arrives, in order, from a child process", async () => {
  const events = 3000;
  const input = Array.from({ length: events }, (_, i) => JSON.stringify(`cmd.exe /c echo ${i}`)).join("\n") + "\n";
  const child = spawn(process.execPath, ["--import", "tsx", path.resolve(import.meta.dirname, "../cli.ts"), "match", "--content", dir], { stdio: ["pipe", "pipe", "pipe"] });
  child.stdin.end(input);
  let lines = 0;
  let tail = "";
  let lastLine = 0;
  let ordered = true;
  // A slow reader: pause after each chunk so the pipe fills and the CLI must wait for it.
  child.stdout.on("data", (chunk: Buffer) => {
    const text = tail + chunk.toString("utf8");
    const parts = text.split("\n");
    tail = parts.pop() ?? "";
    for (const l of parts) {
      lines++;
      const n = (JSON.parse(l) as { line: number }).line;
      if (n < lastLine) ordered = false;
      lastLine = n;
    }
    child.stdout.pause();
    setImmediate(() => child.stdout.resume());
  });
  const code = await new Promise<number | null>((done) => child.on("close", done));
  assert.equal(code, 0);
  assert.equal(lines, events * 2);
  assert.ok(ordered, "records come in input order");
});

test("a real Sysmon DWORD value set fires a registry analytic that compares the payload (Registry.registry_value_data=\"0x00000001\")", async () => {
  const own = mkdtempSync(path.join(tmpdir(), "cli-match-dword-"));
  try {
    mkdirSync(path.join(own, "detections/endpoint"), { recursive: true });
    const id = "aaaaaaaa-0000-4000-8000-00000000d0d0";
    writeFileSync(
      path.join(own, "detections/endpoint/disallow_run.yml"),
      detection(id, "Disallow Run", '| tstats count from datamodel=Endpoint.Registry where Registry.registry_path="*\\\\Explorer\\\\DisallowRun*" Registry.registry_value_data="0x00000001" by Registry.dest Registry.registry_path Registry.registry_value_data'),
    );
    const spec = sysmonEvent(13);
    const event = (details: string) => winXml({ ...spec, data: { ...spec.data, TargetObject: "HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer\\DisallowRun\\1", Details: details } });
    const r = await cli(["match", "--content", own], `${event("DWORD (0x00000001)")}\n${event("DWORD (0x00000000)")}\n${event("0x00000001")}\n`);
    assert.equal(r.code, 0, r.err);
    assert.deepEqual(jsonl(r.out).map((x) => x.verdict), ["match", "no_match", "match"]);
  } finally {
    rmSync(own, { recursive: true, force: true });
  }
});
