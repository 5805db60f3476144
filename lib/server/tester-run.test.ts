/**
 * The server's run for /test (tester-run.ts) must post exactly what the page's worker posts for the
 * same paste: the page shows whichever answers first. The worker's way here is the browser's:
 * a host loading the engine payload as JSON (`/test/engine/<version>`).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { loadCatalog } from "../content/load";
import type { Catalog } from "../content/types";
import { enginePayload } from "../engine/index";
import { createEngineHost } from "../tester/engine-host";
import type { FromWorker } from "../tester/protocol";
import { SERVER_RUN_LIMITS } from "../tester/server-run";
import { parseRunBody, runCatalogOnServer } from "./tester-run";
import { testerDataSources, testerVersion } from "./tester-payloads";

const builtIn = await loadCatalog("content");

const PASTES = [
  String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`,
  String.raw`RemCom.exe \\10.0.0.5 /user:CORP\admin /pwd:x cmd.exe` + "\nnotepad.exe a.txt",
  "",
  "\u0000\u0001 binary junk \uFFFD",
  '<Event><System><EventID>4624</EventID></System><EventData><Data Name="LogonType">3</Data></EventData></Event>',
];

/**
 * Timing is all the two may differ in: how long a run took, and the reading time an event without
 * its own timestamp takes (`_time`, and the rows' times derived from it).
 */
const NOW = /20\d\d-\d\d-\d\dT\d\d:\d\d:\d\d|\b1[7-9]\d{8}(\.\d+)?\b/g;
const timeless = (ms: FromWorker[]) => JSON.parse(JSON.stringify(ms.filter((m) => m.type !== "progress").map((m) => ("ms" in m ? { ...m, ms: 0 } : m))).replace(NOW, "(now)"));

async function inTheWorker(catalog: Catalog, input: string): Promise<FromWorker[]> {
  const wire = JSON.parse(JSON.stringify({ ...enginePayload(catalog), version: `${testerVersion(catalog)}-worker`, dataSources: testerDataSources(catalog) }));
  const out: FromWorker[] = [];
  const host = createEngineHost((m) => out.push(m), async () => wire);
  await host.handle({ type: "load", url: "/test/engine/v" });
  await host.handle({ type: "evaluate", req: 1, mode: "catalog", input, edits: {}, explainLimit: 0 });
  return out;
}

test("the server's run posts the worker's own messages for the same paste", async () => {
  for (const input of PASTES) {
    const server = await runCatalogOnServer(builtIn, input);
    assert.equal(server.at(-1)?.type, "done", JSON.stringify(input));
    assert.deepEqual(timeless(server), timeless(await inTheWorker(builtIn, input)), JSON.stringify(input));
  }
  const scoped = await runCatalogOnServer(builtIn, PASTES[0]!, [builtIn.analytics[0]!.id]);
  const outcomes = scoped.flatMap((m) => (m.type === "outcomes" ? m.items : []));
  assert.deepEqual(outcomes.map((o) => o.id), [builtIn.analytics[0]!.id], "a scope runs only its analytics");
});

const SHARED = path.resolve(import.meta.dirname, "../../../shared/security_content");
const noShared = existsSync(path.join(SHARED, "detections")) ? false : "../shared/security_content is absent (the built-in content is checked above)";

test("the full catalog: the server's run posts the worker's messages, lookups and batch searches included", { skip: noShared }, async () => {
  const catalog = await loadCatalog(SHARED);
  const examples = catalog.dataSources.flatMap((d) => (d.exampleLog && d.exampleLog.length < 4000 ? [d.exampleLog] : [])).slice(0, 12);
  for (const input of [...PASTES.slice(0, 2), examples.join("\n"), ...examples.slice(0, 4)]) {
    assert.deepEqual(timeless(await runCatalogOnServer(catalog, input)), timeless(await inTheWorker(catalog, input)), input.slice(0, 80));
  }
});

test("the run's body: small pastes only, nothing else", () => {
  const cases: [unknown, string | null][] = [
    [{ input: "cmd.exe" }, null],
    [{ input: "a", only: ["x"] }, null],
    [null, "expected a JSON object"],
    [[], "expected a JSON object"],
    [{ input: 1 }, "input must be a string"],
    [{ input: "a", edits: {} }, "unexpected field"],
    [{ input: "a".repeat(SERVER_RUN_LIMITS.inputChars + 1) }, "characters"],
    [{ input: "a\n".repeat(SERVER_RUN_LIMITS.lines) }, "lines"],
    [{ input: "a", only: "x" }, "list of analytic ids"],
    [{ input: "a", only: [1] }, "analytic ids"],
  ];
  for (const [body, problem] of cases) {
    const r = parseRunBody(body);
    if (problem === null) assert.ok(!("problem" in r), JSON.stringify(body));
    else assert.match("problem" in r ? r.problem : "", new RegExp(problem), JSON.stringify(body).slice(0, 80));
  }
});
