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

test("skip and startAt resume after a timeout", async () => {
  const out = await run([{ type: "evaluate", req: 2, mode: "catalog", input: FIRES, edits: {}, explainLimit: 0, startAt: 1, skip: [] }]);
  const items = out.flatMap((m) => (m.type === "outcomes" ? m.items : []));
  assert.deepEqual(items.map((i) => i.id), analytics.slice(1).map((a) => a.id));
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
