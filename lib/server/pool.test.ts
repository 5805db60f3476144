import assert from "node:assert/strict";
import path from "node:path";
import { after, test } from "node:test";
import { eventFromValue } from "../events/index";
import type { EventInput } from "../detection/types";
import { EvaluationPool, EvaluationStopped } from "./pool";
import { CATASTROPHIC_INPUT, hostileCatalog } from "./test-fixtures";

const pool = new EvaluationPool({ size: 1 });
after(() => pool.close());

function ev(v: unknown): EventInput {
  const r = eventFromValue(v);
  assert.ok("event" in r, JSON.stringify(r));
  return r.event;
}

/** A pool whose worker answers the first pair and then blocks on the second (test-hang-worker.ts). */
function hangingPool(options: { watchdogMs: number; jobDeadlineMs?: number }): EvaluationPool {
  const root = process.cwd();
  return new EvaluationPool({ size: 1, ...options, entry: { kind: "source", file: path.resolve(root, "lib/server/test-hang-worker.ts"), root } });
}

test("plain pairs are evaluated in the worker, event-major", async () => {
  const catalog = hostileCatalog();
  const plain = catalog.analytics.slice(0, 1);
  const out = await pool.evaluate({ catalog, analytics: [...plain], events: [ev("cmd.exe /c whoami"), ev("cmd.exe /c dir")] });
  assert.deepEqual(out.map((r) => r.verdict), ["match", "no_match"]);
});

test("a catastrophic regex gets the same verdict every time, from its input alone (no timer, no restart)", async () => {
  const catalog = hostileCatalog();
  const events = [ev("cmd.exe /c whoami"), ev(CATASTROPHIC_INPUT), ev({ process_name: "cmd.exe", process: "cmd.exe whoami" })];
  const out = await pool.evaluate({ catalog, analytics: [...catalog.analytics], events });
  // The catastrophic analytic runs only on values of at most 5 characters (every event here is longer).
  assert.deepEqual(out.map((r) => r.verdict), ["match", "not_testable", "no_match", "not_testable", "match", "not_testable"]);
  assert.deepEqual([out[1]!.code, out[3]!.code, out[5]!.code], ["regex_limit", "regex_limit", "regex_limit"]);
  assert.match(out[3]!.reason ?? "", /run only on values up to 5 characters, and this value has 31/);
  assert.deepEqual(await pool.evaluate({ catalog, analytics: [...catalog.analytics], events }), out);
  assert.equal(pool.restarts, 0);
});

test("explain adds the trace; an aborted job is an error, not verdicts", async () => {
  const catalog = hostileCatalog();
  const [r] = await pool.evaluate({ catalog, analytics: catalog.analytics.slice(0, 1), events: [ev("cmd.exe /c whoami")], explain: true });
  assert.ok(r && r.trace && r.trace.length > 0);
  const ac = new AbortController();
  ac.abort();
  await assert.rejects(
    pool.evaluate({ catalog, analytics: catalog.analytics.slice(0, 1), events: [ev("cmd.exe /c whoami")], signal: ac.signal }),
    (e: unknown) => e instanceof EvaluationStopped && e.status === 499,
  );
});

test("the watchdog (crash guard) fails the job, naming exactly the analytic and event that were running", async () => {
  const hanging = hangingPool({ watchdogMs: 200 });
  try {
    const catalog = hostileCatalog();
    await assert.rejects(
      hanging.evaluate({ catalog, analytics: [...catalog.analytics], events: [ev("cmd.exe /c whoami")] }),
      (e: unknown) =>
        e instanceof EvaluationStopped && e.status === 500 &&
        e.message === 'the engine stopped: analytic "Catastrophic regex" (22222222-2222-4222-8222-222222222222) on event 0 was still running after 0.2 s (the watchdog, a crash guard, ended it); no verdicts are returned',
    );
    assert.equal(hanging.restarts, 1);
  } finally {
    await hanging.close();
  }
});

test("the job deadline is an error of the request (503), never verdicts", async () => {
  const hanging = hangingPool({ watchdogMs: 60_000, jobDeadlineMs: 300 });
  try {
    const catalog = hostileCatalog();
    await assert.rejects(
      hanging.evaluate({ catalog, analytics: [...catalog.analytics], events: [ev("cmd.exe /c whoami")] }),
      (e: unknown) => e instanceof EvaluationStopped && e.status === 503 && /time budget \(0\.3 s\) ran out .*no verdicts are returned/.test(e.message),
    );
  } finally {
    await hanging.close();
  }
});

test("a subset of the catalog's analytics by index; detail \"matches\" gives reasons for matches only", async () => {
  const catalog = hostileCatalog();
  const [plain] = catalog.analytics;
  const events = [ev("cmd.exe /c whoami"), ev("cmd.exe /c dir")];
  const subset = await pool.evaluate({ catalog, analytics: [plain!], events, detail: "matches" });
  assert.deepEqual(subset, [{ verdict: "match" }, { verdict: "no_match" }]);
  const full = await pool.evaluate({ catalog, analytics: [plain!], events });
  assert.equal(full[1]!.verdict, "no_match");
  assert.ok(full[1]!.reason, "detail all keeps the no_match reason");
  await assert.rejects(pool.evaluate({ catalog, analytics: [{ ...plain!, id: "not-in-the-catalog" }], events: events.slice(0, 1) }), (e: unknown) => e instanceof EvaluationStopped && e.status === 500);
});
