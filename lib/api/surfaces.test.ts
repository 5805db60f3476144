/**
 * Issue 14 item 4: the hostile events (7 × a 64 KB zip path and a 64 KB line ending in U+202E)
 * get the same verdicts from the CLI (`match`), the API (through the worker pool) and the browser
 * worker's engine host (catalog mode), over the built-in content plus three detections whose
 * regexes backtrack: Detect RTLO In Process (quadratic, runs on re2js), Suspicious Process Executed
 * From Container File (cubic, re2js; searches trimmed from splunk/security_content, Apache-2.0),
 * and a lookahead pattern RE2 cannot run (answers not_testable regex_limit past its fixed limit).
 */
import assert from "node:assert/strict";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { after, test } from "node:test";
import { loadCatalog } from "../content/load";
import { EvaluationPool } from "../server/pool";
import { createEngineHost } from "../tester/engine-host";
import type { FromWorker } from "../tester/protocol";
import { handleMatch } from "./match";
import { CONTENT, postJson } from "./test-helpers";
import { memoryIO } from "../../bin/io";
import { main } from "../../bin/main";

const TSTATS = "| tstats count from datamodel=Endpoint.Processes where Processes.process!=unknown by Processes.process Processes.process_name | `drop_dm_object_name(Processes)`";
const DETECTIONS = [
  { id: "aaaaaaaa-0000-4000-8000-000000000001", name: "Detect RTLO In Process (trimmed)", search: `${TSTATS} | regex process="\\\\x{202E}" | rex field=process "(?<RTLO_command_1>.+)(?<RTLO_exist_process>\\\\x{202E})(?<RTLO_command_2>.+)" | eval process=RTLO_command_1.RTLO_command_2 | where isnotnull(process)` },
  { id: "aaaaaaaa-0000-4000-8000-000000000002", name: "Suspicious Process Executed From Container File (trimmed)", search: `${TSTATS} | regex process="(?i).*(ZIP|ISO|IMG|CAB|TAR|GZ|RAR|7Z)\\\\\\\\.+\\.(BAT|CMD|EXE|JS|LNK|MSI|PS1|SCR|VBS)\\"?$"` },
  { id: "aaaaaaaa-0000-4000-8000-000000000003", name: "Lookahead path split", search: `${TSTATS} | eval name=replace(process, "(.*\\\\\\\\)(?=.*(\\.\\w*)$|(\\w+)$)", "") | where name="a.exe"` },
];
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;
const yml = (d: (typeof DETECTIONS)[number]) =>
  [`name: ${q(d.name)}`, `id: ${d.id}`, "version: 1", "date: '2024-01-01'", "author: test", "status: production", "type: TTP", "description: test", "data_source: []", `search: ${q(d.search)}`, "how_to_implement: test", "known_false_positives: none", "references: []", "tags:", "  analytic_story: []", "  asset_type: Endpoint", "  mitre_attack_id:", "  - T1036", "  product:", "  - Splunk Enterprise", "  security_domain: endpoint", ""].join("\n");

const dir = mkdtempSync(path.join(tmpdir(), "dc-surfaces-"));
cpSync(CONTENT, dir, { recursive: true });
for (const d of DETECTIONS) writeFileSync(path.join(dir, "detections/endpoint", `${d.id}.yml`), yml(d));
const pool = new EvaluationPool({ size: 1 });
after(async () => {
  await pool.close();
  rmSync(dir, { recursive: true, force: true });
});

const ZIP = { process: "x.zip\\" + "zip\\".repeat(16381), process_name: "a.exe" };
const RTLO = { process: "a".repeat(65535) + "\u202e" };
const EVENTS = [...Array.from({ length: 7 }, () => [ZIP, RTLO]).flat(), { process: "C:\\u\\invoice.zip\\invoice.exe", process_name: "invoice.exe" }, { process: "C:\\u\\evil\u202Efdp.exe" }];

test("CLI, API (worker pool) and the browser worker give the same verdicts on the hostile events", async () => {
  const catalog = await loadCatalog(dir);
  const ids = catalog.analytics.map((a) => a.id);
  for (const d of DETECTIONS) assert.ok(ids.includes(d.id), d.name);

  const io = memoryIO(EVENTS.map((e) => JSON.stringify(e)).join("\n") + "\n", {}, false);
  assert.equal(await main(["match", "--content", dir], io), 0, io.stderr());
  const cli = io.stdout().trim().split("\n").map((l) => JSON.parse(l) as { line: number; analytic: string; verdict: string });
  const fromCli = cli.map((r) => `${r.line - 1}/${r.analytic}:${r.verdict}`);

  const res = await handleMatch(postJson({ events: EVENTS }, "?pairs=all"), { catalog: async () => catalog, evaluate: (job) => pool.evaluate(job) });
  assert.equal(res.status, 200);
  const { results } = (await res.json()) as { results: { event: number; analytic: string; verdict: string }[] };
  const fromApi = results.map((r) => `${r.event}/${r.analytic}:${r.verdict}`);
  assert.deepEqual(fromApi, fromCli);

  // The browser worker, as /test runs it: catalog mode over the same content, one outcome per analytic.
  const out: FromWorker[] = [];
  const host = createEngineHost((m) => out.push(m));
  await host.handle({ type: "load", analytics: catalog.analytics.map((a) => ({ id: a.id, search: a.search })), macros: [...catalog.macros] });
  await host.handle({ type: "evaluate", req: 1, mode: "catalog", input: EVENTS.map((e) => JSON.stringify(e)).join("\n"), edits: {}, explainLimit: 0 });
  assert.ok(!out.some((m) => m.type === "error"), JSON.stringify(out.find((m) => m.type === "error")));
  const outcomes = new Map(out.flatMap((m) => (m.type === "outcomes" ? m.items : [])).map((o) => [o.id, o]));
  // Per analytic, the API's pairs fold into the tester's outcome: which events match, else the first not_testable.
  for (const id of ids) {
    const pairs = results.filter((r) => r.analytic === id);
    const matched = pairs.filter((r) => r.verdict === "match").map((r) => r.event);
    const o = outcomes.get(id);
    assert.ok(o, id);
    if (o.overBatch) continue; // batch-only analytics run over all events at once (not per pair)
    const expected = matched.length ? "match" : pairs.some((r) => r.verdict === "not_testable") ? "not_testable" : "no_match";
    assert.equal(o.verdict, expected, `${id}: browser ${o.verdict}, API ${expected}`);
    if (o.verdict === "match") assert.deepEqual(o.matched, matched, id);
  }

  const verdictOf = (id: string, event: number) => results.find((r) => r.analytic === id && r.event === event)?.verdict;
  assert.equal(verdictOf(DETECTIONS[0]!.id, 1), "no_match", "RTLO hostile line");
  assert.equal(verdictOf(DETECTIONS[0]!.id, 15), "match", "RTLO real");
  assert.equal(verdictOf(DETECTIONS[1]!.id, 0), "no_match", "zip hostile path");
  assert.equal(verdictOf(DETECTIONS[1]!.id, 14), "match", "zip real");
  assert.equal(verdictOf(DETECTIONS[2]!.id, 0), "not_testable", "lookahead over its limit");
  assert.equal(pool.restarts, 0);
});
