/**
 * `lookups` in the POST /api/match body: the caller's tables over the content's, in process and
 * through the worker pool (the content's own tables travel to the workers too); bad tables 400.
 */
import assert from "node:assert/strict";
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { loadCatalog } from "../content/load";
import { EvaluationPool } from "../server/pool";
import { handleMatch } from "./match";
import { inProcessDeps, postJson } from "./test-helpers";

const dir = mkdtempSync(path.join(tmpdir(), "api-lookups-"));
const write = (f: string, text: string) => {
  mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
  writeFileSync(path.join(dir, f), text);
};
const tstats = "| tstats count from datamodel=Endpoint.Processes by Processes.process_name | rename Processes.* AS * ";
write("detections/kv.yml", `name: KV\nid: 1\nsearch: '${tstats}| lookup tools name AS process_name OUTPUT bad | search bad=yes'\n`);
write("detections/shipped.yml", `name: Shipped\nid: 2\nsearch: '${tstats}| lookup shipped name AS process_name OUTPUT bad | search bad=yes'\n`);
write("lookups/tools.yml", "name: tools\ncollection: tools_kv\ncase_sensitive_match: 'false'\n");
write("lookups/shipped.yml", "name: shipped\nfilename: shipped.csv\nmatch_type: WILDCARD(name)\n");
write("lookups/shipped.csv", "name,bad\n*katz*,yes\n");
const catalog = loadCatalog(dir);
const pool = new EvaluationPool({ size: 1 });
after(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});
const DEPS = [inProcessDeps(() => catalog), { catalog: () => catalog, evaluate: pool.evaluate.bind(pool) }];
const EVENTS = [{ process_name: "MIMIKATZ.EXE" }, { process_name: "mimikatz.exe" }];

test("lookups: the caller's table runs under the definition's rules; the content's shipped table runs in the workers too", async () => {
  for (const deps of DEPS) {
    const verdicts = async (body: unknown) => ((await (await handleMatch(postJson(body, "?pairs=all"), deps)).json()) as { results: { event: number; analytic: string; verdict: string; reason?: string }[] }).results;
    const without = await verdicts({ events: EVENTS });
    assert.deepEqual(without.map((r) => `${r.event} ${r.analytic} ${r.verdict}`), ["0 1 not_testable", "0 2 no_match", "1 1 not_testable", "1 2 match"], "the shipped table is case-sensitive (default)");
    assert.match(without[0]!.reason ?? "", /`tools` is a KV store collection/);
    const withTable = await verdicts({ events: EVENTS, lookups: { tools: "name,bad\nmimikatz.exe,yes\n" } });
    assert.deepEqual(withTable.map((r) => `${r.event} ${r.analytic} ${r.verdict}`), ["0 1 match", "0 2 no_match", "1 1 match", "1 2 match"]);
    const replaced = await verdicts({ events: EVENTS, lookups: { "shipped.csv": "name,bad\nMIMI*,yes\n" } });
    assert.deepEqual(replaced.map((r) => `${r.event} ${r.analytic} ${r.verdict}`), ["0 1 not_testable", "0 2 match", "1 1 not_testable", "1 2 no_match"], "by file name, WILDCARD kept");
  }
});

test("lookups: bad tables are 400 naming the table and line; too many 413", async () => {
  const deps = DEPS[0]!;
  const status = async (lookups: unknown) => {
    const r = await handleMatch(postJson({ events: EVENTS, lookups }), deps);
    return `${r.status} ${((await r.json()) as { error?: string }).error ?? ""}`;
  };
  assert.match(await status({ tools: "a,b\n1,2,3\n" }), /^400 lookups\.tools: line 2: a row has 3 cells/);
  assert.match(await status({ tools: 3 }), /^400 lookups\.tools: expected CSV text/);
  assert.match(await status(["x"]), /^400 lookups: expected an object/);
  assert.match(await status({ "bad name!": "a\n1\n" }), /^400 lookups\.bad name!: a lookup name/);
  assert.match(await status(Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`t${i}`, "a\n1\n"]))), /^413 lookups: 21 tables; at most 20/);
});
