import { test } from "node:test";
import assert from "node:assert/strict";
import { EngineClient, TIMED_OUT, type WorkerLike } from "./engine-client";
import type { FromWorker, ToWorker } from "../../lib/tester/protocol";

/** A fake worker over analytics a0..a4 that hangs (never answers) on `hangOn`. */
function fakeFactory(hangOn: string, log: string[]) {
  let analytics: string[] = [];
  return (): WorkerLike => {
    log.push("start");
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => log.push("terminate"),
      postMessage(msg: ToWorker) {
        if (msg.type === "load") {
          analytics = msg.analytics.map((a) => a.id);
          return;
        }
        const send = (m: FromWorker) => setTimeout(() => w.onmessage?.({ data: m } as MessageEvent<FromWorker>), 1);
        send({ type: "parsed", req: msg.req, format: "command-line", eventCount: 1, problems: [], problemCount: 0, ms: 0 });
        let delay = 2;
        for (let i = msg.startAt ?? 0; i < analytics.length; i++) {
          const id = analytics[i]!;
          if ((msg.skip ?? []).includes(id)) continue;
          if (id === hangOn) return; // silent forever
          const pos = i + 1;
          setTimeout(() => w.onmessage?.({ data: { type: "outcomes", req: msg.req, items: [{ id, verdict: "no_match" }], pos, total: analytics.length } } as MessageEvent<FromWorker>), delay++);
        }
        setTimeout(() => w.onmessage?.({ data: { type: "done", req: msg.req, ms: 1 } } as MessageEvent<FromWorker>), delay + 1);
      },
    };
    return w;
  };
}

test("a silent worker is restarted; the unit it hung on is not testable (timed out); the rest still run", async () => {
  const log: string[] = [];
  const client = new EngineClient(fakeFactory("a2", log), 50, 500);
  client.setLoad({ type: "load", analytics: ["a0", "a1", "a2", "a3", "a4"].map((id) => ({ id, search: "" })), macros: [] });
  const got: FromWorker[] = [];
  await new Promise<void>((resolve) => {
    client.evaluate({ mode: "catalog", input: "x", edits: {}, explainLimit: 0 }, (m) => {
      got.push(m);
      if (m.type === "done") resolve();
    });
  });
  const outcomes = got.flatMap((m) => (m.type === "outcomes" ? m.items : []));
  assert.deepEqual(outcomes.map((o) => `${o.id}:${o.verdict}`), ["a0:no_match", "a1:no_match", "a2:not_testable", "a3:no_match", "a4:no_match"]);
  assert.equal(outcomes[2]!.reason, TIMED_OUT);
  assert.equal(client.restarts, 1);
  assert.deepEqual(log, ["start", "terminate", "start"]);
  client.dispose();
});

test("a newer request supersedes: messages of the old one are dropped", async () => {
  const log: string[] = [];
  const client = new EngineClient(fakeFactory("none", log), 50, 500);
  client.setLoad({ type: "load", analytics: [{ id: "a0", search: "" }], macros: [] });
  const first: FromWorker[] = [];
  client.evaluate({ mode: "catalog", input: "x", edits: {}, explainLimit: 0 }, (m) => first.push(m));
  const second: FromWorker[] = [];
  await new Promise<void>((resolve) => {
    client.evaluate({ mode: "catalog", input: "y", edits: {}, explainLimit: 0 }, (m) => {
      second.push(m);
      if (m.type === "done") resolve();
    });
  });
  assert.equal(first.length, 0);
  assert.equal(second.at(-1)?.type, "done");
  client.dispose();
});

test("a worker that cannot start reports an error instead of throwing", async () => {
  const client = new EngineClient(() => {
    throw new Error("no workers here");
  });
  const got: FromWorker[] = [];
  client.evaluate({ mode: "analytic", input: "x", edits: {}, explainLimit: 1 }, (m) => got.push(m));
  assert.equal(got.length, 0, "reported after the caller has recorded the request");
  await Promise.resolve();
  assert.equal(got[0]?.type, "error");
  assert.match(got[0]?.type === "error" ? got[0].message : "", /no workers here/);
});
