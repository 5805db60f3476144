/**
 * `cli test`: the built-in content's stored cases pass; a deliberately broken copy of seed 1
 * fails with one readable line per broken case and exit 4; a malformed file is reported by line.
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { BUILTIN_CONTENT } from "../content";
import { memoryIO } from "../io";
import { main } from "../main";

const tmp = mkdtempSync(path.join(tmpdir(), "dc-cli-test-"));
after(() => rmSync(tmp, { recursive: true, force: true }));

async function cli(argv: string[]) {
  const io = memoryIO("", {}, false);
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}

test("the built-in content's test cases all pass", async () => {
  const r = await cli(["test", "--content", BUILTIN_CONTENT]);
  assert.equal(r.code, 0, r.out + r.err);
  const m = /^(\d+) passed, 0 failed$/m.exec(r.out);
  assert.ok(m && Number(m[1]) >= 20, r.out);
});

test("a broken copy of seed 1 fails with file, case, verdicts and reason; exit 4", async () => {
  const dir = path.join(tmp, "broken");
  cpSync(BUILTIN_CONTENT, dir, { recursive: true });
  const file = path.join(dir, "detections/endpoint/impacket_lateral_movement_smbexec_commandline_parameters.yml");
  const text = readFileSync(file, "utf8");
  assert.ok(text.includes("echo\\s+cd"));
  writeFileSync(file, text.replace("echo\\s+cd", "echo\\s+dir"));
  const r = await cli(["test", "--content", dir]);
  assert.equal(r.code, 4);
  const lines = r.out.trim().split("\n");
  assert.match(lines[0]!, /tests\/impacket_lateral_movement_smbexec_commandline_parameters\.yml: case "smbexec first command, expanded %COMSPEC% and %SYSTEMROOT%": expected match, got no_match \(no row left after `where`\)$/);
  assert.match(lines.at(-1)!, /^\d+ passed, 5 failed$/);
});

test("a malformed test file is a failure with its line; no test folder is 0 passed", async () => {
  const dir = path.join(tmp, "malformed");
  cpSync(BUILTIN_CONTENT, dir, { recursive: true });
  writeFileSync(path.join(dir, "tests", "bad.yml"), "analytic: windows_lateral_tool_transfer_remcom\ncases:\n  - name: x\n    event: a.exe\n    expect: fires\n");
  const r = await cli(["test", "--content", dir]);
  assert.equal(r.code, 4);
  assert.match(r.out, /tests\/bad\.yml:5: case "x": `expect` must be match, no_match or not_testable, not "fires"/);
  rmSync(path.join(dir, "tests"), { recursive: true });
  const none = await cli(["test", "--content", dir]);
  assert.equal(none.code, 0);
  assert.equal(none.out.trim(), "0 passed, 0 failed");
  assert.match(none.err, /no test files/);
});
