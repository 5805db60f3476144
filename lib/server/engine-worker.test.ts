import assert from "node:assert/strict";
import { test } from "node:test";
import { engineWorkerBundle, engineWorkerResponse } from "./engine-worker";

const bundle = { hash: "0123456789abcdef", code: new TextEncoder().encode("self.onmessage=()=>{}") };

test("the worker script is served under its hash only, immutable and as JavaScript", async () => {
  const ok = engineWorkerResponse("0123456789abcdef.js", bundle);
  assert.equal(ok.status, 200);
  assert.match(ok.headers.get("content-type") ?? "", /^text\/javascript/);
  assert.match(ok.headers.get("cache-control") ?? "", /immutable/);
  assert.equal(await ok.text(), "self.onmessage=()=>{}");
  for (const file of ["fedcba9876543210.js", "0123456789abcdef", "../engine-worker.js", ""]) {
    assert.equal(engineWorkerResponse(file, bundle).status, 404, file);
  }
  assert.equal(engineWorkerResponse("0123456789abcdef.js", null).status, 404);
});

test("outside production no bundle is named (a stale one must not hide a change)", () => {
  assert.equal(engineWorkerBundle(process.cwd(), { NODE_ENV: "development" }), null);
  assert.equal(engineWorkerBundle(process.cwd(), {}), null);
});
