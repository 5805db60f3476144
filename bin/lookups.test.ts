/** `--lookup NAME=FILE` on match, run and explain (bin/lookups.ts). */
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { memoryIO } from "./io";
import { main } from "./main";

const dir = mkdtempSync(path.join(tmpdir(), "cli-lookups-"));
mkdirSync(path.join(dir, "detections"), { recursive: true });
mkdirSync(path.join(dir, "lookups"), { recursive: true });
writeFileSync(path.join(dir, "detections/t.yml"), [
  "name: Tool From Table",
  "id: 11111111-1111-1111-1111-111111111111",
  "search: '| tstats count from datamodel=Endpoint.Processes by Processes.process_name | rename Processes.* AS * | lookup tools name AS process_name OUTPUT bad | search bad=yes'",
  "",
].join("\n"));
writeFileSync(path.join(dir, "lookups/tools.yml"), "name: tools\ncollection: tools_kv\ncase_sensitive_match: 'false'\n");
after(() => rmSync(dir, { recursive: true, force: true }));

async function cli(argv: string[], stdin: string, files: Record<string, string> = {}) {
  const io = memoryIO(stdin, files, false);
  const code = await main(argv, io);
  return { code, out: io.stdout(), err: io.stderr() };
}
const EVENT = JSON.stringify({ "Processes.process_name": "MIMIKATZ.exe" }) + "\n";
const TABLE = { "t.csv": "name,bad\nmimikatz.exe,yes\n" };

test("--lookup: without the table the verdict names it; with it the analytic runs under the definition's rules", async () => {
  const without = JSON.parse((await cli(["match", "--content", dir], EVENT)).out);
  assert.equal(without.verdict, "not_testable");
  assert.match(without.reason, /`tools` is a KV store collection.*supply it/);
  const withTable = await cli(["match", "--content", dir, "--lookup", "tools=t.csv"], EVENT, TABLE);
  assert.equal(withTable.code, 0, withTable.err);
  assert.equal(JSON.parse(withTable.out).verdict, "match", "case_sensitive_match=false from the definition");
  const run = await cli(["run", "--content", dir, "--analytic", "t", "--lookup", "tools=t.csv"], EVENT, TABLE);
  assert.equal(run.code, 0, run.err);
  assert.equal(JSON.parse(run.out).bad, "yes");
  const explain = await cli(["explain", "--content", dir, "--analytic", "t", "--json", "--lookup", "tools=t.csv"], EVENT, TABLE);
  assert.equal(JSON.parse(explain.out).verdict, "match");
});

test("--lookup: bad values are usage errors with one line", async () => {
  const cases: [string[], Record<string, string>, RegExp][] = [
    [["--lookup", "tools"], {}, /expects NAME=FILE/],
    [["--lookup", "tools=missing.csv"], {}, /cannot read missing\.csv: ENOENT/],
    [["--lookup", "tools=bad.csv"], { "bad.csv": "a,b\n1,2,3\n" }, /bad\.csv line 2: a row has 3 cells/],
  ];
  for (const [args, files, re] of cases) {
    const r = await cli(["match", "--content", dir, ...args], EVENT, files);
    assert.equal(r.code, 2);
    assert.match(r.err, re);
  }
});
