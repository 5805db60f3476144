/**
 * Lookup definitions (lookup-options.ts) and their tables (lookup-tables.ts): options as the
 * engine reads them, broken definitions as problems with file and line, tables read on first use.
 */
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { test } from "node:test";
import { tableOf } from "../detection/lookups";
import { loadCatalog } from "./load";

const FILES: Record<string, string> = {
  "detections/d.yml": "name: D\nid: 1\nsearch: '| tstats count from datamodel=Endpoint.Processes by Processes.process_name'\n",
  "lookups/tools.yml": "name: tools\nfilename: tools.csv\nmatch_type: WILDCARD(name), CIDR(ip)\ncase_sensitive_match: 'false'\nmin_matches: 1\nmax_matches: 2\ndefault_match: 'false'\n",
  "lookups/tools.csv": "name,ip,desc\n*mimi*,10.0.0.0/8,bad\n",
  "lookups/kv.yml": "name: kv\ncollection: kv_coll\nfields_list: _key, a, b\n",
  "lookups/gone.yml": "name: gone\nfilename: gone.csv\n",
  "lookups/model.yml": "name: m\nfilename: m.mlmodel\n",
  "lookups/bad_type.yml": "name: bad_type\nfilename: tools.csv\nmatch_type: REGEX(x)\n",
  "lookups/bad_max.yml": "name: bad_max\nfilename: tools.csv\n\nmax_matches: 5000\n",
  "lookups/bad_csm.yml": "name: bad_csm\nfilename: tools.csv\ncase_sensitive_match: maybe\n",
  "lookups/path.yml": "name: path\nfilename: ../etc/passwd\n",
  "lookups/broken.yml": "name: broken\nfilename: broken.csv\n",
  "lookups/broken.csv": 'a,b\n"x,1\n',
  "lookups/outside.yml": "name: outside\nfilename: outside.csv\n",
};

test("lookup definitions: options, problems with file and line, tables loaded on first use", async () => {
  const dir = mkdtempSync(path.join(tmpdir(), "lookups-"));
  try {
    for (const [f, text] of Object.entries(FILES)) {
      mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
      writeFileSync(path.join(dir, f), text);
    }
    const secret = mkdtempSync(path.join(tmpdir(), "secret-"));
    writeFileSync(path.join(secret, "s.csv"), "a\n1\n");
    symlinkSync(path.join(secret, "s.csv"), path.join(dir, "lookups/outside.csv"));
    const c = await loadCatalog(dir);
    rmSync(secret, { recursive: true, force: true });
    const byName = new Map(c.lookups.map((l) => [l.name, l]));
    assert.deepEqual({ ...byName.get("tools") }, {
      name: "tools", file: "lookups/tools.yml", filename: "tools.csv", matchTypes: [{ type: "WILDCARD", field: "name" }, { type: "CIDR", field: "ip" }],
      caseSensitiveMatch: false, minMatches: 1, maxMatches: 2, defaultMatch: "false",
    });
    assert.deepEqual({ ...byName.get("kv") }, { name: "kv", file: "lookups/kv.yml", collection: "kv_coll", fieldsList: ["_key", "a", "b"] });
    const problems = c.problems.map((p) => `${p.file}:${p.line ?? ""} ${p.severity} ${p.message}`);
    const has = (re: RegExp) => assert.ok(problems.some((p) => re.test(p)), `${re} in\n${problems.join("\n")}`);
    has(/^lookups\/bad_type\.yml:3 error .*`REGEX\(x\)` is not WILDCARD/);
    has(/^lookups\/bad_max\.yml:4 error `max_matches` must be an integer from 1 to 1000/);
    has(/^lookups\/bad_csm\.yml:3 error `case_sensitive_match` must be true or false/);
    has(/^lookups\/path\.yml:2 error `filename` must be a file name/);
    has(/^lookups\/gone\.yml:1 warning lookup table file lookups\/gone\.csv not found/);
    for (const n of ["bad_type", "bad_max", "bad_csm", "path"]) assert.equal(byName.has(n), false, `${n} is not loaded`);
    assert.equal(byName.get("gone")?.load, undefined);
    assert.equal(byName.get("outside")?.load, undefined, "a link out of the folder is not followed");
    has(/^lookups\/outside\.csv: warning symbolic link leads outside/);
    assert.equal(byName.get("m")?.load, undefined, "an ML model is not a CSV table");
    // Nothing read yet; the table on first use, parsed once.
    const tools = byName.get("tools")!;
    assert.equal(typeof tools.load, "function");
    assert.match(tools.stamp ?? "", /^\d+:\d+$/);
    const t = tableOf(tools);
    assert.deepEqual(t, { fields: ["name", "ip", "desc"], rows: [["*mimi*", "10.0.0.0/8", "bad"]] });
    assert.equal(tableOf(tools), t);
    assert.equal(tableOf(byName.get("broken")!), null);
    assert.ok(c.problems.some((p) => p.file === "lookups/broken.csv" && p.line === 2 && /quoted cell is not closed/.test(p.message)));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
