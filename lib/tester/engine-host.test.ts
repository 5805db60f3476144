import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalog } from "../content/load";
import { createEngineHost } from "./engine-host";
import type { FromWorker } from "./protocol";

const catalog = await loadCatalog("content");
const analytics = catalog.analytics.map((a) => ({ id: a.id, search: a.search }));
const SMB = catalog.analytics.find((a) => a.slug.startsWith("impacket"))!.id;
const REMCOM = catalog.analytics.find((a) => a.slug.includes("remcom"))!.id;
const FIRES = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;

async function run(msgs: Parameters<ReturnType<typeof createEngineHost>["handle"]>[0][]): Promise<FromWorker[]> {
  const out: FromWorker[] = [];
  const host = createEngineHost((m) => out.push(m));
  await host.handle({ type: "load", analytics, macros: catalog.macros });
  for (const m of msgs) await host.handle(m);
  return out;
}

test("analytic mode: parsed, compiled, explained events, verdict rows, done", async () => {
  const out = await run([{ type: "evaluate", req: 1, mode: "analytic", analyticId: SMB, input: `${FIRES}\necho whoami\n\u0000junk`, edits: {}, explainLimit: 1 }]);
  const parsed = out.find((m) => m.type === "parsed");
  assert.equal(parsed?.type === "parsed" && parsed.eventCount, 2);
  assert.equal(parsed?.type === "parsed" && parsed.problemCount, 1);
  const explained = out.flatMap((m) => (m.type === "explained" ? m.items : []));
  assert.equal(explained.length, 1);
  assert.equal(explained[0]!.explanation.verdict, "match");
  const rows = out.flatMap((m) => (m.type === "verdicts" ? m.items : []));
  assert.deepEqual(rows.map((r) => r.verdict), ["match", "no_match"]);
  assert.equal(out.at(-1)?.type, "done");
});

test("edits apply before evaluating (RemCom: original_file_name rescues a renamed binary)", async () => {
  const input = String.raw`C:\temp\svc.exe \\10.0.0.5 /user:CORP\admin /pwd:Secret1 cmd.exe`;
  const base = await run([{ type: "evaluate", req: 1, mode: "analytic", analyticId: REMCOM, input, edits: {}, explainLimit: 5 }]);
  const edited = await run([{ type: "evaluate", req: 1, mode: "analytic", analyticId: REMCOM, input, edits: { "0": { original_file_name: "RemCom.exe" } }, explainLimit: 5 }]);
  const v = (o: FromWorker[]) => o.flatMap((m) => (m.type === "verdicts" ? m.items : []))[0]?.verdict;
  assert.equal(v(base), "no_match");
  assert.equal(v(edited), "match");
});

test("catalog mode: one outcome per analytic, matched event indices", async () => {
  const out = await run([{ type: "evaluate", req: 7, mode: "catalog", input: `notepad.exe\n${FIRES}`, edits: {}, explainLimit: 0 }]);
  const items = out.flatMap((m) => (m.type === "outcomes" ? m.items : []));
  assert.equal(items.length, analytics.length);
  const smb = items.find((i) => i.id === SMB);
  assert.deepEqual(smb, { id: SMB, verdict: "match", matched: [1] });
  assert.equal(items.find((i) => i.id === REMCOM)?.verdict, "no_match");
});

test("catalog mode with a scope runs only those analytics, with the same verdicts", async () => {
  const all = await run([{ type: "evaluate", req: 3, mode: "catalog", input: FIRES, edits: {}, explainLimit: 0 }]);
  const out = await run([{ type: "evaluate", req: 3, mode: "catalog", input: FIRES, edits: {}, explainLimit: 0, only: [SMB, "no-such-id"] }]);
  const items = out.flatMap((m) => (m.type === "outcomes" ? m.items : []));
  assert.deepEqual(items.map((i) => i.id), [SMB]);
  assert.deepEqual(items[0], all.flatMap((m) => (m.type === "outcomes" ? m.items : [])).find((i) => i.id === SMB));
});

test("a pinpoint run names each analytic before it runs, with the same outcomes", async () => {
  const plain = await run([{ type: "evaluate", req: 2, mode: "catalog", input: FIRES, edits: {}, explainLimit: 0 }]);
  const out = await run([{ type: "evaluate", req: 2, mode: "catalog", input: FIRES, edits: {}, explainLimit: 0, pinpoint: true }]);
  const outcomes = (ms: FromWorker[]) => ms.flatMap((m) => (m.type === "outcomes" ? m.items : []));
  assert.deepEqual(outcomes(out), outcomes(plain));
  const running = out.flatMap((m) => (m.type === "running" ? [m.id] : []));
  assert.ok(running.length > 0 && running.every((id) => analytics.some((a) => a.id === id)));
  assert.equal(plain.filter((m) => m.type === "running").length, 0, "only pinpoint runs name units");
});

test("a superseded request stops without a done message", async () => {
  const out: FromWorker[] = [];
  const host = createEngineHost((m) => out.push(m));
  await host.handle({ type: "load", analytics, macros: catalog.macros });
  const first = host.handle({ type: "evaluate", req: 1, mode: "catalog", input: FIRES, edits: {}, explainLimit: 0 });
  const second = host.handle({ type: "evaluate", req: 2, mode: "catalog", input: FIRES, edits: {}, explainLimit: 0 });
  await Promise.all([first, second]);
  assert.deepEqual(out.filter((m) => m.type === "done").map((m) => m.req), [2]);
  assert.ok(out.every((m) => m.req === 2));
});

test("empty input and junk never throw", async () => {
  const out = await run([
    { type: "evaluate", req: 1, mode: "analytic", input: "", edits: {}, explainLimit: 5 },
    { type: "evaluate", req: 2, mode: "catalog", input: "\u0000\u0001\u0002".repeat(1000), edits: {}, explainLimit: 5 },
  ]);
  assert.ok(!out.some((m) => m.type === "error"));
  assert.deepEqual(out.filter((m) => m.type === "done").map((m) => m.req), [1, 2]);
});

test("load by URL: the worker fetches a precompiled catalog and answers as with searches and macros", async () => {
  const { enginePayload } = await import("../engine/index");
  const wire = JSON.parse(JSON.stringify(enginePayload({ ...catalog, version: "host-url-test" })));
  const asked: string[] = [];
  const out: FromWorker[] = [];
  const host = createEngineHost((m) => out.push(m), async (url) => {
    asked.push(url);
    return wire;
  });
  await host.handle({ type: "load", url: "/test/engine/host-url-test" });
  await host.handle({ type: "evaluate", req: 3, mode: "catalog", input: FIRES, edits: {}, explainLimit: 0 });
  assert.deepEqual(asked, ["/test/engine/host-url-test"]);
  const smb = out.flatMap((m) => (m.type === "outcomes" ? m.items : [])).find((i) => i.id === SMB);
  assert.deepEqual(smb, { id: SMB, verdict: "match", matched: [0] });
  assert.equal(out.at(-1)?.type, "done");
});

test("load by URL that fails: the next evaluation reports the error instead of hanging", async () => {
  const out: FromWorker[] = [];
  const host = createEngineHost((m) => out.push(m), async () => {
    throw new Error("offline");
  });
  await host.handle({ type: "load", url: "/test/engine/x" });
  await host.handle({ type: "evaluate", req: 4, mode: "catalog", input: FIRES, edits: {}, explainLimit: 0 });
  const err = out.find((m) => m.type === "error");
  assert.match(err?.type === "error" ? err.message : "", /could not be loaded: offline/);
});

test("analytic page: the worker fetches every data source and reads events with them before evaluating", async () => {
  // A search for a data source the analytic does not list: recognised only with all of them.
  const search = "sourcetype=azure:monitor:aad category=SignInLogs | stats count by user";
  const spec = { name: "Azure Active Directory Sign-in activity", source: "Azure AD", sourcetype: "azure:monitor:aad", separator: "operationName", separatorValue: "Sign-in activity", fields: ["category", "operationName", "user"] };
  const asked: string[] = [];
  const out: FromWorker[] = [];
  const host = createEngineHost((m) => out.push(m), async (url) => {
    asked.push(url);
    return { version: "v", dataSources: [spec] };
  });
  await host.handle({ type: "load", analytics: [{ id: "a", search }], macros: [], dataSources: [], dataSourcesUrl: "/test/data-sources/v" });
  const signIn = JSON.stringify({ time: "2024-05-02T10:00:00Z", resourceId: "/tenants/1/providers/Microsoft.aadiam", resultType: "50126", operationName: "Sign-in activity", category: "SignInLogs", properties: { userPrincipalName: "alice@contoso.com", status: { errorCode: 50126 } } });
  await host.handle({ type: "evaluate", req: 5, mode: "analytic", analyticId: "a", input: signIn, edits: {}, explainLimit: 0 });
  assert.deepEqual(asked, ["/test/data-sources/v"]);
  const parsed = out.find((m) => m.type === "parsed");
  assert.ok(parsed?.type === "parsed");
  const rows = out.flatMap((m) => (m.type === "verdicts" ? m.items : []));
  assert.equal(rows[0]?.verdict, "match", JSON.stringify(rows[0]));
});

/** A search with a content lookup: the worker must answer as the CLI and the API do, never needs_lookup. */
const LOOKUP_SEARCH = "| tstats count from datamodel=Endpoint.Processes by Processes.process_name | rename Processes.* AS * | lookup tools name AS process_name OUTPUT bad | search bad=yes";
const toolsContent = {
  analytics: [{ id: "lk", search: LOOKUP_SEARCH }],
  macros: [],
  lookups: [{ name: "tools", filename: "tools.csv", caseSensitiveMatch: false, load: () => ({ fields: ["name", "bad"], rows: [["Mimikatz.exe", "yes"]] }) }],
};
const MIMI = JSON.stringify({ process_name: "mimikatz.exe", process: "mimikatz.exe privilege::debug" });

test("load by URL: the precompiled catalog carries the lookup tables its analytics read, so a lookup analytic gives its verdict", async () => {
  const { enginePayload } = await import("../engine/index");
  const wire = JSON.parse(JSON.stringify(enginePayload(toolsContent)));
  assert.deepEqual(wire.lookups.map((l: { name: string }) => l.name), ["tools"]);
  const out: FromWorker[] = [];
  const host = createEngineHost((m) => out.push(m), async () => wire);
  await host.handle({ type: "load", url: "/test/engine/x" });
  await host.handle({ type: "evaluate", req: 6, mode: "catalog", input: MIMI, edits: {}, explainLimit: 0 });
  const lk = out.flatMap((m) => (m.type === "outcomes" ? m.items : [])).find((i) => i.id === "lk");
  assert.equal(lk?.verdict, "match", JSON.stringify(lk));
});

test("analytic page: the worker fetches the analytic's lookup tables before evaluating (match, then no_match on another name)", async () => {
  const { tablesFor } = await import("../engine/index");
  const asked: string[] = [];
  const out: FromWorker[] = [];
  const host = createEngineHost((m) => out.push(m), async (url) => {
    asked.push(url);
    return JSON.parse(JSON.stringify({ lookups: tablesFor(toolsContent, toolsContent.analytics) }));
  });
  await host.handle({ type: "load", analytics: [{ id: "lk", search: LOOKUP_SEARCH }], macros: [], lookupsUrl: "/test/lookups/v/lk" });
  await host.handle({ type: "evaluate", req: 7, mode: "analytic", analyticId: "lk", input: `${MIMI}\n${JSON.stringify({ process_name: "notepad.exe" })}`, edits: {}, explainLimit: 0 });
  assert.deepEqual(asked, ["/test/lookups/v/lk"]);
  const rows = out.flatMap((m) => (m.type === "verdicts" ? m.items : []));
  assert.deepEqual(rows.map((r) => r.verdict), ["match", "no_match"], JSON.stringify(out.filter((m) => m.type !== "explained")));
});
