import assert from "node:assert/strict";
import { after, test } from "node:test";
import { eventFromValue } from "../verdicts/index";
import type { EventInput } from "../spl/api";
import { EvaluationPool } from "./pool";
import { CATASTROPHIC_INPUT, hostileCatalog } from "./test-fixtures";

const pool = new EvaluationPool({ size: 1, pairTimeoutMs: 1000 });
after(() => pool.close());

function ev(v: unknown): EventInput {
  const r = eventFromValue(v);
  assert.ok("event" in r, JSON.stringify(r));
  return r.event;
}

test("plain pairs are evaluated in the worker, event-major", async () => {
  const catalog = hostileCatalog();
  const plain = catalog.analytics.slice(0, 1);
  const out = await pool.evaluate({ catalog, analytics: [...plain], events: [ev("cmd.exe /c whoami"), ev("cmd.exe /c dir")] });
  assert.deepEqual(out.map((r) => r.verdict), ["match", "no_match"]);
});

test("a catastrophic regex times out after 1 s; the other pairs and the next job still work", async () => {
  const catalog = hostileCatalog();
  const events = [ev("cmd.exe /c whoami"), ev(CATASTROPHIC_INPUT), ev({ process_name: "cmd.exe", process: "cmd.exe whoami" })];
  const t0 = Date.now();
  const out = await pool.evaluate({ catalog, analytics: [...catalog.analytics], events });
  const ms = Date.now() - t0;
  assert.ok(ms < 2500, `answered in ${ms} ms`);
  assert.deepEqual(out.map((r) => r.verdict), ["match", "no_match", "no_match", "not_testable", "match", "no_match"]);
  assert.equal(out[3]!.reason, "timed out after 1 s");
  assert.ok(pool.restarts >= 1);
  const again = await pool.evaluate({ catalog, analytics: [...catalog.analytics], events: [ev("cmd.exe /c whoami")] });
  assert.deepEqual(again.map((r) => r.verdict), ["match", "no_match"]);
});

test("explain adds the trace; an aborted job ends with not_testable", async () => {
  const catalog = hostileCatalog();
  const [r] = await pool.evaluate({ catalog, analytics: catalog.analytics.slice(0, 1), events: [ev("cmd.exe /c whoami")], explain: true });
  assert.ok(r && r.trace && r.trace.length > 0);
  const ac = new AbortController();
  ac.abort();
  const aborted = await pool.evaluate({ catalog, analytics: catalog.analytics.slice(0, 1), events: [ev("cmd.exe /c whoami")], signal: ac.signal });
  assert.deepEqual(aborted, [{ verdict: "not_testable", reason: "not evaluated: the request was aborted" }]);
});

test("the job deadline ends a long job: pairs not reached are not_testable with the reason", async () => {
  const short = new EvaluationPool({ size: 1, pairTimeoutMs: 300, jobDeadlineMs: 1500 });
  try {
    const catalog = hostileCatalog();
    const events = Array.from({ length: 10 }, () => ev(CATASTROPHIC_INPUT));
    const t0 = Date.now();
    const out = await short.evaluate({ catalog, analytics: [...catalog.analytics], events });
    assert.ok(Date.now() - t0 < 3000, `answered in ${Date.now() - t0} ms`);
    assert.equal(out[0]!.verdict, "no_match");
    assert.equal(out[1]!.reason, "timed out after 0.3 s");
    assert.match(out[19]!.reason ?? "", /time budget \(1\.5 s\) ran out/);
  } finally {
    await short.close();
  }
});
