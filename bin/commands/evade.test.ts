/** `cli evade` on the built-in content: the same report as lib/evasion, as a table or JSON. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { BUILTIN_CONTENT } from "../content";
import { memoryIO } from "../io";
import { main } from "../main";

const SMBEXEC = "impacket_lateral_movement_smbexec_commandline_parameters";

async function cli(argv: string[], stdin = "") {
  const io = memoryIO(stdin, {}, false);
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

test("--json: the samples' firing event, at least 10 variants, some evade with their clause", async () => {
  const r = await cli(["evade", "--content", BUILTIN_CONTENT, "--analytic", SMBEXEC, "--json"]);
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out);
  assert.equal(report.ok, true);
  assert.match(report.seed.label, /^sample "smbexec, first command/);
  assert.ok(report.variants.length >= 11);
  const evades = report.variants.filter((v: { verdict: string }) => v.verdict === "no_match");
  assert.ok(evades.length >= 1 && evades.every((v: { stoppedBy?: string }) => typeof v.stoppedBy === "string"));
});

test("the table: a header, one row per variant with its verdict and stopping clause, a summary", async () => {
  const r = await cli(["evade", "--content", BUILTIN_CONTENT, "--analytic", SMBEXEC, "--no-color"]);
  assert.equal(r.code, 0, r.err);
  const lines = r.out.split("\n");
  assert.match(lines[2]!, /^generator\s+verdict\s+stopping clause\s+variant$/);
  assert.ok(lines.some((l) => /^renamed\s+evades\s+failed: Processes\.process_name=cmd\.exe\s+C:\\Users\\Public\\svchelper\.exe \/Q/.test(l)));
  assert.match(r.out, /rows \(the original first\): \d+ fire, \d+ evade\./);
});

test("an input that fires is the seed; one that does not falls back to the samples", async () => {
  const own = await cli(["evade", "--content", BUILTIN_CONTENT, "--analytic", "windows_lateral_tool_transfer_remcom", "--json", "-"], "RemCom.exe \\\\10.0.0.9 /user:a /pwd:b cmd.exe\n");
  assert.equal(JSON.parse(own.out).seed.label, "standard input");
  const fallback = await cli(["evade", "--content", BUILTIN_CONTENT, "--analytic", "windows_lateral_tool_transfer_remcom", "--json", "-"], "notepad.exe\n");
  assert.match(JSON.parse(fallback.out).seed.label, /^sample /);
});

test("errors: no --analytic, an unknown analytic", async () => {
  assert.equal((await cli(["evade", "--content", BUILTIN_CONTENT])).code, 2);
  const unknown = await cli(["evade", "--content", BUILTIN_CONTENT, "--analytic", "nope"]);
  assert.equal(unknown.code, 2);
  assert.match(unknown.err, /^cli evade: /);
});
