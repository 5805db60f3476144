/**
 * The CLI over the built-in content (and a small temporary content folder for the not-testable
 * and batch cases). Commands are called in-process through `main(argv, io)` with an in-memory IO;
 * one test spawns the real entry point to check exit codes and stderr end to end.
 */
import assert from "node:assert/strict";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, describe, test } from "node:test";
import { parseArgs } from "./args";
import { BUILTIN_CONTENT } from "./content";
import { bracket } from "./explain-render";
import { readAllEvents, readOneEvent } from "./input";
import { memoryIO } from "./io";
import { main } from "./main";
import { PLAIN } from "./style";

const SMBEXEC = "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76";
const REMCOM = "e373a840-5bdc-47ef-b2fd-9cc7aaf387f0";
const BAT = "C:\\Windows\\BTOBTOxy.bat";
/** impacket smbexec.py's first command (`cd `), %COMSPEC% / %SYSTEMROOT% expanded by the service manager. */
const SMBEXEC_LINE = `C:\\Windows\\system32\\cmd.exe /Q /c echo cd  ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > ${BAT} & C:\\Windows\\system32\\cmd.exe /Q /c ${BAT} & del ${BAT}`;
/** Near miss: a later smbexec command (`echo whoami`), which the analytic's `echo\s+cd` does not match. */
const NEAR_MISS = SMBEXEC_LINE.replace("echo cd", "echo whoami");
const REMCOM_CIM = { "Processes.process_name": "RemCom.exe", "Processes.process": "RemCom.exe \\\\10.0.0.5 /user:corp\\admin /pwd:secret cmd.exe" };

async function cli(argv: string[], stdin = "", files: Record<string, string> = {}, tty = false) {
  const io = memoryIO(stdin, files, tty);
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

const jsonl = (text: string) => text.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe("match", () => {
  test("the smbexec seed line matches; RemCom does not; one object per (line, analytic)", async () => {
    const r = await cli(["match"], JSON.stringify(SMBEXEC_LINE) + "\n");
    assert.equal(r.code, 0);
    assert.equal(r.err, "");
    assert.deepEqual(jsonl(r.out), [
      { line: 1, analytic: SMBEXEC, name: "Impacket Lateral Movement smbexec CommandLine Parameters", verdict: "match" },
      { line: 1, analytic: REMCOM, name: "Windows Lateral Tool Transfer RemCom", verdict: "no_match" },
    ]);
  });

  test("near miss gives no_match; CIM (Processes.-prefixed) RemCom object matches", async () => {
    const input = [JSON.stringify(NEAR_MISS), JSON.stringify(REMCOM_CIM)].join("\n");
    const rows = jsonl((await cli(["match", "--content", BUILTIN_CONTENT, "-"], input)).out);
    assert.deepEqual(rows.map((r) => [r.line, r.analytic, r.verdict]), [
      [1, SMBEXEC, "no_match"],
      [1, REMCOM, "no_match"],
      [2, SMBEXEC, "no_match"],
      [2, REMCOM, "match"],
    ]);
  });

  test("a malformed line is reported with its number (stdout object + stderr); the other lines still run", async () => {
    const input = ["", JSON.stringify(SMBEXEC_LINE), "{not json", "", "42", JSON.stringify(REMCOM_CIM), "{}"].join("\n");
    const r = await cli(["match", "--analytic", SMBEXEC], input);
    assert.equal(r.code, 0);
    const rows = jsonl(r.out);
    assert.deepEqual(rows.map((x) => [x.line, x.verdict ?? "error"]), [
      [2, "match"],
      [3, "error"],
      [5, "no_match"], // 42: read as a line of text (a command line), as cli events reads it
      [6, "no_match"],
      [7, "error"],
    ]);
    assert.match(String(rows[1]?.error), /invalid JSON/);
    assert.match(String(rows[4]?.error), /not an event this console reads/);
    const errLines = r.err.trim().split("\n");
    assert.equal(errLines.length, 2);
    assert.match(errLines[0] ?? "", /^cli match: line 3:2: /);
  });

  test("--analytic accepts ids and slugs, keeps catalog order, each analytic once", async () => {
    const r = await cli(["match", "--analytic", "windows_lateral_tool_transfer_remcom", "--analytic", SMBEXEC.toUpperCase(), "--analytic", REMCOM], JSON.stringify(SMBEXEC_LINE));
    assert.deepEqual(jsonl(r.out).map((x) => x.analytic), [SMBEXEC, REMCOM]);
  });

  test("reads FILE", async () => {
    const r = await cli(["match", "--analytic", SMBEXEC, "events.jsonl"], "", { "events.jsonl": JSON.stringify(SMBEXEC_LINE) + "\r\n" });
    assert.deepEqual(jsonl(r.out).map((x) => x.verdict), ["match"]);
  });

  const bad: { name: string; argv: string[]; message: RegExp }[] = [
    { name: "unknown analytic", argv: ["match", "--analytic", "nope"], message: /unknown analytic "nope"/ },
    { name: "unknown option", argv: ["match", "--bogus"], message: /unknown option --bogus/ },
    { name: "option without value", argv: ["match", "--content"], message: /--content needs a value/ },
    { name: "two input files", argv: ["match", "a", "b"], message: /unexpected extra argument "b"/ },
    { name: "unreadable input", argv: ["match", "missing.jsonl"], message: /cannot read missing\.jsonl: no such file/ },
    { name: "missing content dir", argv: ["match", "--content", "/nonexistent/content-dir"], message: /content directory not found/ },
    { name: "unknown command", argv: ["nope"], message: /unknown command "nope"/ },
    { name: "run without --analytic", argv: ["run"], message: /--analytic ID is required/ },
    { name: "explain with two analytics", argv: ["explain", "--analytic", "a", "--analytic", "b"], message: /only once/ },
  ];
  for (const c of bad) {
    test(`bad arguments exit 2 with one stderr line: ${c.name}`, async () => {
      const r = await cli(c.argv, "");
      assert.equal(r.code, 2);
      assert.equal(r.out, "");
      assert.equal(r.err.trim().split("\n").length, 1, r.err);
      assert.match(r.err, c.message);
    });
  }
});

describe("run, explain, coverage, help", () => {
  const dir = mkdtempSync(path.join(tmpdir(), "cli-content-"));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const seed = readFileSync(path.join(BUILTIN_CONTENT, "detections/endpoint/windows_lateral_tool_transfer_remcom.yml"), "utf8");
  const variant = (id: string, name: string, search: string) =>
    seed.replace(/^name: .*$/m, `name: ${name}`).replace(/^id: .*$/m, `id: ${id}`).replace(/^search: .*$/m, `search: '${search.replace(/'/g, "''")}'`);
  mkdirSync(path.join(dir, "detections"), { recursive: true });
  mkdirSync(path.join(dir, "macros"), { recursive: true });
  writeFileSync(path.join(dir, "detections/lookup_one.yml"), variant("11111111-1111-1111-1111-111111111111", "Needs A Lookup", "| tstats count from datamodel=Endpoint.Processes by Processes.process_name | lookup some_table process_name OUTPUT x"));
  writeFileSync(path.join(dir, "detections/batch_one.yml"), variant("22222222-2222-2222-2222-222222222222", "Counts Per Host", "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=net.exe by Processes.dest | `drop_dm_object_name(Processes)` | where count >= 2"));

  test("run: the whole input as one batch; rows as JSON Lines; batch-only analytics run faithfully", async () => {
    const ev = (dest: string) => JSON.stringify({ process_name: "net.exe", process: "net user", dest });
    const r = await cli(["run", "--content", dir, "--analytic", "batch_one"], [ev("a"), ev("a"), ev("b"), "oops"].join("\n"));
    assert.equal(r.code, 0);
    assert.deepEqual(jsonl(r.out), [{ dest: "a", count: 2 }]);
    assert.match(r.err, /line 4:1: invalid JSON.*left out of the batch/);
  });

  test("run: a not-testable analytic exits 3 with one line naming the reason", async () => {
    const r = await cli(["run", "--content", dir, "--analytic", "11111111-1111-1111-1111-111111111111"], "");
    assert.equal(r.code, 3);
    assert.equal(r.out, "");
    assert.equal(r.err.trim().split("\n").length, 1);
    assert.match(r.err, /Needs A Lookup .* is not testable on pasted events: .*lookup/);
  });

  test("run: the seed analytic returns the matching row", async () => {
    const r = await cli(["run", "--analytic", SMBEXEC], [JSON.stringify(SMBEXEC_LINE), JSON.stringify(NEAR_MISS)].join("\n"));
    const rows = jsonl(r.out);
    assert.equal(rows.length, 1);
    assert.equal(rows[0]?.process, SMBEXEC_LINE);
  });

  test("match: per-event verdicts for batch-only and not-testable analytics are not_testable with a reason", async () => {
    const rows = jsonl((await cli(["match", "--content", dir], JSON.stringify("net.exe user"))).out);
    assert.deepEqual(rows.map((x) => x.verdict), ["not_testable", "not_testable"]);
    assert.ok(rows.every((x) => typeof x.reason === "string" && x.reason.length > 0));
  });

  test("explain: a bare command line; verdict first, stages, brackets around matches, no colours off a TTY", async () => {
    const r = await cli(["explain", "--analytic", SMBEXEC], SMBEXEC_LINE + "\n");
    assert.equal(r.code, 0);
    const lines = r.out.split("\n");
    assert.match(lines[1] ?? "", /^verdict: MATCH/);
    assert.match(r.out, /1\. tstats {2}1 → 1 row/);
    assert.match(r.out, /✔ Processes\.process_name=cmd\.exe/);
    assert.match(r.out, /\[cmd\.exe \/Q \/c\] echo cd/);
    assert.match(r.out, /\[echo cd\]/);
    assert.doesNotMatch(r.out, /\u001b\[/);
  });

  test("explain: a near miss names the failing predicate with ✘; a missing field shows ∅; colours on a TTY", async () => {
    const r = await cli(["explain", "--analytic", REMCOM], JSON.stringify({ process_name: "cmd.exe", process: "cmd.exe /c whoami" }), {}, true);
    assert.match(r.out, /NO MATCH/);
    assert.match(r.out, /✘/);
    assert.match(r.out, /∅ \(missing\)/);
    assert.match(r.out, /\u001b\[/);
  });

  test("explain --json prints the Explanation object", async () => {
    const r = await cli(["explain", "--analytic", SMBEXEC, "--json"], JSON.stringify(NEAR_MISS));
    const e = JSON.parse(r.out) as { verdict: string; stages: { command: string; rowsIn: number; rowsOut: number }[] };
    assert.equal(e.verdict, "no_match");
    assert.deepEqual(e.stages.find((s) => s.command === "where"), { ...e.stages.find((s) => s.command === "where"), rowsIn: 1, rowsOut: 0 });
  });

  test("explain: more than one bare line is an error (exit 2)", async () => {
    const r = await cli(["explain", "--analytic", SMBEXEC], "cmd.exe /c a\ncmd.exe /c b\n");
    assert.equal(r.code, 2);
    assert.match(r.err, /explain takes one event, got 2/);
  });

  test("coverage --json has the issue's shape", async () => {
    const r = await cli(["coverage", "--json", "--content", dir]);
    const c = JSON.parse(r.out) as Record<string, unknown> & { analytics: Record<string, unknown>[] };
    assert.deepEqual(Object.keys(c), ["total", "parsed", "testable", "batch", "live", "analytics"]);
    assert.equal(c.total, 2);
    assert.equal(c.parsed, 2);
    assert.equal(c.testable, 0);
    assert.equal(c.live, 1);
    for (const a of c.analytics) {
      assert.deepEqual(Object.keys(a), ["id", "name", "datamodel", "data_sources", "parsed", "level", "testable", "live", "reason", "reason_code", "reason_detail"]);
    }
    const batch = c.analytics.find((a) => a.id === "22222222-2222-2222-2222-222222222222");
    assert.equal(batch?.datamodel, "Endpoint.Processes");
    assert.equal(batch?.level, "batch");
    assert.equal(batch?.reason_code, "batch_aggregate");
  });

  test("coverage (text) over the built-in content: both seeds testable, target line printed", async () => {
    const r = await cli(["coverage"]);
    assert.match(r.out, /live +2 \/ 2 \(100\.0 %\): 2 per event \+ 0 over a batch +target ≥ 90 %/);
  });

  test("--help for each command and the general help exit 0", async () => {
    for (const argv of [["--help"], ["help", "match"], ["match", "--help"], ["run", "-h"], ["explain", "--help"], ["coverage", "--help"]]) {
      const r = await cli(argv);
      assert.equal(r.code, 0, argv.join(" "));
      assert.match(r.out, /Usage: /);
      assert.match(r.out, /Exit codes:/);
    }
  });
});

describe("helpers", () => {
  test("parseArgs", () => {
    const specs = { a: { type: "string" as const, multiple: true }, b: { type: "boolean" as const, short: "b" } };
    assert.deepEqual(parseArgs(["--a=1", "--a", "2", "-b", "-", "--", "--x"], specs, 2), { ok: true, strings: { a: ["1", "2"] }, flags: { b: true }, positionals: ["-", "--x"] });
    assert.deepEqual(parseArgs(["--b=1"], specs, 0), { ok: false, error: "--b takes no value" });
    assert.deepEqual(parseArgs(["-z"], specs, 0), { ok: false, error: "unknown option -z" });
  });

  test("bracket", () => {
    assert.equal(bracket("cmd.exe /Q /c x", [{ start: 0, end: 7 }, { start: 8, end: 10 }], PLAIN), "[cmd.exe] [/Q] /c x");
    assert.equal(bracket("abc", [{ start: 1, end: 3 }, { start: 2, end: 3 }, { start: 5, end: 9 }], PLAIN), "a[bc]");
  });

  test("readJsonLines / readOneEvent", () => {
    assert.deepEqual(readAllEvents("\n\n\"cmd.exe /c x\"\n").map((x) => x.line), [3]);
    assert.ok("event" in readOneEvent('{\n "process": "cmd.exe /c x",\n "process_name": "cmd.exe"\n}'));
    assert.ok("event" in readOneEvent('"C:\\Program Files\\x.exe" /y'), "a quoted program path that is not valid JSON is a command line");
    assert.ok("error" in readOneEvent("{broken"));
    assert.ok("error" in readOneEvent("   "));
  });
});

test("spawned CLI: exit 0 with JSON Lines on success, exit 2 with one stderr line on a bad argument", () => {
  const root = path.resolve(import.meta.dirname, "..");
  const ok = spawnSync(process.execPath, ["--import", "tsx", "bin/cli.ts", "match", "--analytic", SMBEXEC], { cwd: root, input: JSON.stringify(SMBEXEC_LINE) + "\n", encoding: "utf8" });
  assert.equal(ok.status, 0, ok.stderr);
  assert.equal(JSON.parse(ok.stdout.trim()).verdict, "match");
  const bad = spawnSync(process.execPath, ["--import", "tsx", "bin/cli.ts", "match", "--analytic", "no-such-analytic"], { cwd: root, input: "", encoding: "utf8" });
  assert.equal(bad.status, 2);
  assert.equal(bad.stdout, "");
  assert.equal(bad.stderr.trim().split("\n").length, 1);
  assert.doesNotMatch(bad.stderr, /\n\s+at /, "no stack trace");
});
