/**
 * A precompiled catalog (enginePayload → JSON → loadPayload) answers exactly as compiling every
 * search does, while compiling only the searches an event needs.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { ESCU } from "../spl/fixtures/escu";
import { PlannedSearch } from "../spl/index";
import { eventFromValue } from "../events/index";
import { contentOf, enginePayload, isEnginePayload, loadPayload, matchers } from "./index";

const EVENTS: unknown[] = [
  String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat`,
  String.raw`RemCom.exe \\10.0.0.5 /user:CORP\admin /pwd:x cmd.exe`,
  "powershell.exe -nop -w hidden -enc SQBFAFgA",
  "notepad.exe a.txt",
  { process_name: "reg.exe", process: "reg save HKLM\\SAM C:\\temp\\sam.hive", dest: "ws03", user: "alice", parent_process_name: "cmd.exe" },
  { process_name: "net.exe", process: "net user /add backdoor P@ss", dest: "ws02", user: "bob" },
];

test("a restored payload gives every fixture analytic the verdict its compiled search gives", () => {
  const server = { ...ESCU, version: "payload-test-server" };
  const wire: unknown = JSON.parse(JSON.stringify(enginePayload(server)));
  assert.ok(isEnginePayload(wire));
  // The worker side: another version key, so nothing is shared with the server's compiled matchers.
  const worker = loadPayload({ ...wire, version: "payload-test-worker" });
  const eager = matchers.set(contentOf(server), server.analytics);
  const lazy = matchers.set(contentOf(worker), worker.analytics);
  for (const value of EVENTS) {
    const r = eventFromValue(value);
    assert.ok("event" in r);
    const a = eager.forEvent(r.event);
    const b = lazy.forEvent(r.event);
    ESCU.analytics.forEach((x, i) => assert.deepEqual(b(i), a(i), `${JSON.stringify(value)} × ${x.name}`));
  }
  const planned = worker.analytics.map((x) => matchers.matcher(contentOf(worker), x));
  assert.ok(planned.every((m) => m instanceof PlannedSearch));
  const compiled = planned.filter((m) => (m as PlannedSearch).isCompiled).length;
  assert.ok(compiled < planned.length / 2, `only the searches the events needed compile (${compiled} of ${planned.length})`);
});

test("a malformed payload is refused by the shape check", () => {
  for (const v of [null, {}, { version: 1, analytics: [], macros: [] }, { version: "v", analytics: [{ id: 1 }], macros: [] }]) assert.equal(isEnginePayload(v), false);
});

test("a planned search answers an event its first stage drops from the gate alone, as the compiled search does", () => {
  const server = { ...ESCU, version: "payload-gate-server" };
  const wire: unknown = JSON.parse(JSON.stringify(enginePayload(server)));
  assert.ok(isEnginePayload(wire));
  const worker = loadPayload({ ...wire, version: "payload-gate-worker" });
  const compiled = server.analytics.map((a) => matchers.matcher(contentOf(server), a));
  const planned = worker.analytics.map((a) => matchers.matcher(contentOf(worker), a) as PlannedSearch);
  // Asked one by one (not through a set): every search sees every event.
  for (const value of EVENTS) {
    const r = eventFromValue(value);
    assert.ok("event" in r);
    planned.forEach((p, i) => assert.deepEqual(p.evaluate(r.event), compiled[i]!.evaluate(r.event), `${JSON.stringify(value)} × ${server.analytics[i]!.name}`));
  }
  const gated = planned.filter((p) => p.plan.screening !== null).length;
  const built = planned.filter((p) => p.isCompiled).length;
  assert.ok(gated > 100, `most fixture searches have a gate (${gated})`);
  assert.ok(built < planned.length / 4, `only the searches an event passed compile (${built} of ${planned.length})`);
});

test("a planned batch-only search says it runs empty only when its compiled run returns no row", () => {
  const server = { ...ESCU, version: "payload-batch-server" };
  const wire: unknown = JSON.parse(JSON.stringify(enginePayload(server)));
  assert.ok(isEnginePayload(wire));
  const worker = loadPayload({ ...wire, version: "payload-batch-worker" });
  const inputs = EVENTS.map((v) => {
    const r = eventFromValue(v);
    assert.ok("event" in r);
    return r.event;
  });
  const batches = [...inputs.map((e) => [e]), inputs];
  let empty = 0;
  let batchOnly = 0;
  worker.analytics.forEach((a, i) => {
    const planned = matchers.matcher(contentOf(worker), a) as PlannedSearch;
    if (planned.support.level !== "batch") return;
    batchOnly++;
    const compiled = matchers.matcher(contentOf(server), server.analytics[i]!);
    for (const batch of batches) {
      if (!planned.runsEmpty(batch)) continue;
      empty++;
      const r = compiled.run(batch);
      assert.ok(r.ok && r.rows.length === 0, `${a.id}: runsEmpty, yet its run gives ${JSON.stringify(r).slice(0, 200)}`);
    }
    assert.equal(planned.isCompiled, false, "runsEmpty compiles nothing");
  });
  assert.ok(batchOnly > 10 && empty > batchOnly, `most batch-only fixture searches drop these events at their first stage (${empty} of ${batchOnly * batches.length})`);
});
