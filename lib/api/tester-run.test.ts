/** `POST /test/run/<version>`: a stale version, a body the run does not take, and a real answer. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "../content/load";
import { testerVersion } from "../server/tester-payloads";
import type { FromWorker } from "../tester/protocol";
import { serverRunResponse } from "./tester-run";

const builtIn = await loadCatalog("content");
const SMBEXEC = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;

test("the run's answers: 404 for another content version, 422 for a body it does not take, 200 with the messages", async () => {
  const post = (version: string, body: unknown) => serverRunResponse(builtIn, version, new Request("http://x/test/run/v", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
  assert.equal((await post("old", { input: "a" })).status, 404);
  assert.equal((await post(testerVersion(builtIn), { input: "a", pinpoint: true })).status, 422);
  const ok = await post(testerVersion(builtIn), { input: SMBEXEC });
  assert.equal(ok.status, 200);
  const { messages } = (await ok.json()) as { messages: FromWorker[] };
  assert.ok(messages.some((m) => m.type === "outcomes" && m.items.some((o) => o.verdict === "match")), "the smbexec line fires the seed");
});

test("a warm-up run is answered 204 with no body (the boot script never reads one); warm must be true", async () => {
  const post = (body: unknown) => serverRunResponse(builtIn, testerVersion(builtIn), new Request("http://x/test/run/v", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) }));
  const warm = await post({ input: "", warm: true });
  assert.equal(warm.status, 204);
  assert.equal(await warm.text(), "");
  for (const bad of [{ input: "", warm: "yes" }, { input: "", warm: false }]) assert.equal((await post(bad)).status, 422, JSON.stringify(bad));
});

test("at most two runs at a time: a third is told to wait for the page's worker (503)", async () => {
  const post = () => serverRunResponse(builtIn, testerVersion(builtIn), new Request("http://x/test/run/v", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ input: SMBEXEC }) }));
  const statuses = (await Promise.all([post(), post(), post()])).map((r) => r.status).sort();
  assert.deepEqual(statuses, [200, 200, 503]);
  assert.equal((await post()).status, 200, "free again afterwards");
});
