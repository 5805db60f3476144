/**
 * Contract tests of the HTTP API, calling the handlers directly: status codes, shapes, limits,
 * and verdict parity with `cli match` on the same events (line N ↔ event N − 1).
 */
import assert from "node:assert/strict";
import { after, test } from "node:test";
import { EvaluationPool } from "../server/pool";
import { handleAnalyticOne, handleAnalyticsList } from "./analytics";
import { LIMITS } from "./limits";
import { handleMatch } from "./match";
import { REMCOM, SMBEXEC, builtInCatalog, cliMatch, inProcessDeps, post, postJson } from "./test-helpers";

const deps = inProcessDeps();
const pool = new EvaluationPool({ size: 1 });
after(() => pool.close());
const poolDeps = { catalog: builtInCatalog, evaluate: pool.evaluate.bind(pool) };

const SMB = "C:\\Windows\\system32\\cmd.exe /Q /c echo cd  ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > C:\\Windows\\BTOBTOxy.bat & C:\\Windows\\system32\\cmd.exe /Q /c C:\\Windows\\BTOBTOxy.bat & del C:\\Windows\\BTOBTOxy.bat";
const EVENTS: unknown[] = [
  SMB,
  SMB.replace("echo cd", "echo whoami"),
  "RemCom.exe \\\\10.0.0.5 /user:CORP\\admin /pwd:Secret1 cmd.exe",
  "rc.exe \\\\10.0.0.5 /user:a /pwd:b cmd.exe",
  { process: "rc.exe \\\\10.0.0.5 /user:a /pwd:b cmd.exe", process_name: "rc.exe", original_file_name: "RemCom.exe" },
  { "Processes.process_name": "cmd.exe", "Processes.process": "cmd.exe /c whoami" },
  { Image: "C:\\Windows\\System32\\cmd.exe", CommandLine: SMB, EventID: 1 },
];

async function body(r: Response): Promise<any> {
  assert.match(r.headers.get("content-type") ?? "", /^application\/json/);
  return r.json();
}

test("POST /api/match?pairs=all: 200 with one result per (event, analytic), event-major, catalog order", async () => {
  const r = await handleMatch(postJson({ events: EVENTS }, "?pairs=all"), deps);
  assert.equal(r.status, 200);
  const { results } = await body(r);
  const catalog = await builtInCatalog();
  assert.equal(results.length, EVENTS.length * catalog.analytics.length);
  assert.deepEqual(Object.keys(results[0]).sort(), ["analytic", "event", "verdict"].sort());
  const v = (i: number, id: string) => results.find((x: any) => x.event === i && x.analytic === id)?.verdict;
  assert.equal(v(0, SMBEXEC), "match");
  assert.equal(v(1, SMBEXEC), "no_match");
  assert.equal(v(2, REMCOM), "match");
  assert.equal(v(3, REMCOM), "no_match");
  assert.equal(v(4, REMCOM), "match");
  assert.equal(v(6, SMBEXEC), "match", "a Sysmon-style object is mapped like the CLI maps it");
});

test("verdict parity with `cli match` (in-process and through the worker pool)", async () => {
  const cli = await cliMatch(EVENTS.map((e) => JSON.stringify(e)));
  for (const d of [deps, poolDeps]) {
    const { results } = await body(await handleMatch(postJson({ events: EVENTS }, "?pairs=all"), d));
    const api = results.map((x: any) => `${x.event + 1} ${x.analytic} ${x.verdict}`);
    assert.deepEqual(api, cli.map((x) => `${x.line} ${x.analytic} ${x.verdict}`));
    const reasons = results.map((x: any) => (x.verdict === "not_testable" ? x.reason : undefined));
    assert.deepEqual(reasons, cli.map((x) => x.reason));
  }
});

test("the default answer is compact: a count per verdict and the matches, the same in process and through the pool", async () => {
  const catalog = await builtInCatalog();
  const cli = await cliMatch(EVENTS.map((e) => JSON.stringify(e)));
  const expected = {
    events: EVENTS.length,
    analytics: catalog.analytics.length,
    counts: {
      match: cli.filter((x) => x.verdict === "match").length,
      no_match: cli.filter((x) => x.verdict === "no_match").length,
      not_testable: cli.filter((x) => x.verdict === "not_testable").length,
    },
    matches: cli.filter((x) => x.verdict === "match").map((x) => `${x.line! - 1} ${x.analytic}`),
  };
  assert.ok(expected.counts.match >= 4);
  for (const d of [deps, poolDeps]) {
    const j = await body(await handleMatch(postJson({ events: EVENTS }), d));
    assert.deepEqual(Object.keys(j), ["events", "analytics", "counts", "matches"]);
    assert.deepEqual({ ...j, matches: j.matches.map((m: any) => `${m.event} ${m.analytic}`) }, expected);
    const smb = j.matches.find((m: any) => m.analytic === SMBEXEC);
    assert.equal(smb.name, catalog.analytics.find((a) => a.id === SMBEXEC)!.name);
  }
  const bad = await handleMatch(postJson({ events: [SMB] }, "?pairs=some"), deps);
  assert.equal(bad.status, 400);
  assert.match((await body(bad)).error, /^pairs: expected "all" or "matches"/);
});

test("analytics by id or slug select and keep catalog order; unknown is 404 naming the entry", async () => {
  const r = await handleMatch(postJson({ events: [SMB], analytics: ["windows_lateral_tool_transfer_remcom", SMBEXEC.toUpperCase()] }, "?pairs=all"), deps);
  const { results } = await body(r);
  assert.deepEqual(results.map((x: any) => x.analytic), [SMBEXEC, REMCOM]);
  const missing = await handleMatch(postJson({ events: [SMB], analytics: [SMBEXEC, "nope"] }), deps);
  assert.equal(missing.status, 404);
  assert.deepEqual(await body(missing), { error: 'analytics[1]: unknown analytic "nope"' });
});

test("?explain=1 adds each result's trace (each match's in the compact answer)", async () => {
  const { results } = await body(await handleMatch(postJson({ events: [SMB], analytics: [SMBEXEC] }, "?explain=1&pairs=all"), deps));
  assert.equal(results[0].verdict, "match");
  assert.ok(Array.isArray(results[0].trace) && results[0].trace.some((s: any) => s.command === "where"));
  const { matches } = await body(await handleMatch(postJson({ events: [SMB], analytics: [SMBEXEC] }, "?explain=1"), deps));
  assert.deepEqual(matches[0].trace, results[0].trace);
  const bad = await handleMatch(postJson({ events: [SMB] }, "?explain=yes"), deps);
  assert.equal(bad.status, 400);
});

const badBodies: [string, string | Uint8Array<ArrayBuffer>, number, RegExp][] = [
  ["invalid JSON", "{", 400, /^body: invalid JSON/],
  ["empty body", "", 400, /^body: empty/],
  ["not UTF-8", new Uint8Array([0x7b, 0xff, 0x7d]), 400, /^body: not valid UTF-8/],
  ["array body", "[]", 400, /^body: expected a JSON object, got an array/],
  ["missing events", "{}", 400, /^events: required/],
  ["events not array", '{"events": "cmd.exe"}', 400, /^events: expected an array, got a string/],
  ["event of wrong type", '{"events": ["cmd.exe", "a", "b", 42]}', 400, /^events\[3\]: expected an object or a string, got a number/],
  ["null event", '{"events": [null]}', 400, /^events\[0\]: expected an object or a string, got null/],
  ["empty command line", '{"events": ["  "]}', 400, /^events\[0\]: the command line is empty/],
  ["unknown field", '{"events": [], "analytic": ["x"]}', 400, /^body\.analytic: unknown field/],
  ["analytics not array", '{"events": [], "analytics": "x"}', 400, /^analytics: expected an array/],
  ["analytics entry not string", '{"events": [], "analytics": ["a", 1]}', 400, /^analytics\[1\]: expected a non-empty string/],
];

test("400 for invalid JSON or a wrong shape, naming the field", async () => {
  for (const [name, b, status, message] of badBodies) {
    const r = await handleMatch(post(b), deps);
    assert.equal(r.status, status, name);
    const j = await body(r);
    assert.deepEqual(Object.keys(j), ["error"], name);
    assert.match(j.error, message, name);
  }
});

test("413 above the limits: body size (Content-Length first, then the stream), event count, string length, pairs", async () => {
  const declared = await handleMatch(post("{}", { headers: { "content-length": String(LIMITS.maxBodyBytes + 1) } }), deps);
  assert.equal(declared.status, 413);
  let pulled = 0;
  const endless = new ReadableStream<Uint8Array>({
    pull(c) {
      pulled++;
      c.enqueue(new Uint8Array(64 * 1024).fill(0x20));
    },
  });
  const streamed = await handleMatch(new Request("http://127.0.0.1/api/match", { method: "POST", body: endless, duplex: "half" } as RequestInit), deps);
  assert.equal(streamed.status, 413);
  assert.ok(pulled <= LIMITS.maxBodyBytes / (64 * 1024) + 2, `stopped reading after ${pulled} chunks`);
  const many = await handleMatch(postJson({ events: Array.from({ length: LIMITS.maxEvents + 1 }, () => "a.exe") }), deps);
  assert.equal(many.status, 413);
  assert.match((await body(many)).error, /^events: 1001 events; at most 1000/);
  const long = await handleMatch(postJson({ events: ["a.exe", { process: "x".repeat(LIMITS.maxStringLength + 1) }] }), deps);
  assert.equal(long.status, 413);
  assert.match((await body(long)).error, /^events\[1\]\.process: string longer than 65536/);
  const traces = await handleMatch(postJson({ events: Array.from({ length: 501 }, () => "a.exe") }, "?explain=1"), deps);
  assert.equal(traces.status, 413);
});

test("amplification: explain is limited by count, refused with 413 naming the limit before any work", async () => {
  const many = await handleMatch(postJson({ events: Array.from({ length: 51 }, () => "a.exe") }, "?explain=1"), deps);
  assert.equal(many.status, 413);
  assert.match((await body(many)).error, /^explain=1: 102 evaluations; at most 100 with traces/);
  const one = await handleMatch(postJson({ events: [`cmd.exe /c ${"x".repeat(LIMITS.maxStringLength - 20)}`] }, "?explain=1&pairs=all"), deps);
  assert.equal(one.status, 200, "one 64 KB event with traces stays under the answer's size limit");
});

test("422 when the answer would pass its size limit (8 MiB by default), counted in bytes of UTF-8, naming the limit", async () => {
  assert.equal(LIMITS.maxResponseBytes, 8 * 1024 * 1024);
  // Values in "é" (2 bytes in UTF-8) show in the traces: the answer has more bytes than characters.
  const ask = (limits: { maxResponseBytes?: number }) =>
    handleMatch(postJson({ events: [{ process: `cmd.exe /c ${"é".repeat(2000)}`, process_name: "cmd.exe" }] }, "?explain=1&pairs=all"), { ...deps, limits });
  const full = await ask({});
  assert.equal(full.status, 200);
  const text = await full.text();
  const bytes = Buffer.byteLength(text);
  assert.ok(bytes > text.length + 2000, `${bytes} bytes, ${text.length} characters`);
  const over = await ask({ maxResponseBytes: bytes - 1 });
  assert.equal(over.status, 422);
  assert.equal((await body(over)).error, `the answer would be ${bytes} bytes; at most ${bytes - 1} (the limit on the answer's size: ask without explain=1 or pairs=all, or name fewer analytics)`);
  const byChars = await ask({ maxResponseBytes: text.length });
  assert.equal(byChars.status, 422, "the limit counts bytes, not characters");
  const exact = await ask({ maxResponseBytes: bytes });
  assert.equal(exact.status, 200);
  assert.equal(await exact.text(), text);
});

test("an empty events array answers 200 with no results", async () => {
  const r = await handleMatch(postJson({ events: [] }, "?pairs=all"), deps);
  assert.equal(r.status, 200);
  assert.deepEqual(await body(r), { results: [] });
  const c = await handleMatch(postJson({ events: [] }), deps);
  assert.deepEqual(await body(c), { events: 0, analytics: 2, counts: { match: 0, no_match: 0, not_testable: 0 }, matches: [] });
});

test("GET /api/analytics lists every analytic with testability", async () => {
  const r = await handleAnalyticsList(deps);
  assert.equal(r.status, 200);
  const j = await body(r);
  assert.equal(j.total, 2);
  const smb = j.analytics.find((a: any) => a.id === SMBEXEC);
  assert.deepEqual(Object.keys(smb).sort(), ["datamodels", "id", "name", "riskScore", "severity", "slug", "status", "techniques", "testable", "type"].sort());
  assert.equal(smb.testable, "event");
  assert.deepEqual(smb.datamodels, ["Endpoint.Processes"]);
  assert.ok(smb.techniques.includes("T1021.002"));
});

test("GET /api/analytics/<id or slug>: SPL, expansion, macros, RBA, ATT&CK, fields, support; 404 otherwise", async () => {
  for (const key of [REMCOM, "windows_lateral_tool_transfer_remcom"]) {
    const r = await handleAnalyticOne(key, deps);
    assert.equal(r.status, 200);
    const j = await body(r);
    assert.equal(j.id, REMCOM);
    assert.match(j.search, /^\| tstats `security_content_summariesonly`/);
    assert.ok(!j.expanded.includes("`"), "macros expanded");
    assert.ok(j.macros.some((m: any) => m.name === "security_content_summariesonly"));
    assert.equal(j.rba.riskScore, 40);
    assert.ok(j.attack.some((t: any) => t.id === "T1570"));
    assert.ok(j.requiredFields.read.includes("process"));
    assert.deepEqual(j.support, { level: "event" });
  }
  const missing = await handleAnalyticOne("nope", deps);
  assert.equal(missing.status, 404);
  assert.match((await body(missing)).error, /^unknown analytic "nope"/);
});
