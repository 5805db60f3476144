import { test } from "node:test";
import assert from "node:assert/strict";
import { EngineClient, type WorkerLike } from "./engine-client";
import type { FromWorker, ToWorker } from "../../lib/tester/protocol";

/**
 * A fake worker over analytics a0..a4 that hangs (never answers) on `hangOn` in every run it is
 * given (or only in the first `hangRuns` runs). Like the real one in catalog mode it goes over the
 * analytics, reports progress only now and then (not per analytic: it cannot tell which one hangs),
 * names each analytic first in a pinpoint run, and posts the outcomes at the end.
 */
function fakeFactory(hangOn: string, log: string[], hangRuns = Infinity) {
  let analytics: string[] = [];
  let runs = 0;
  return (): WorkerLike => {
    log.push("start");
    const w: WorkerLike = {
      onmessage: null,
      onerror: null,
      terminate: () => log.push("terminate"),
      postMessage(msg: ToWorker) {
        if (msg.type === "load") {
          analytics = "analytics" in msg ? msg.analytics.map((a) => a.id) : [];
          return;
        }
        runs++;
        let delay = 1;
        const send = (m: FromWorker) => setTimeout(() => w.onmessage?.({ data: m } as MessageEvent<FromWorker>), delay++);
        send({ type: "parsed", req: msg.req, format: "command-line", formatLabel: "command lines", eventCount: 1, problems: [], problemCount: 0, ms: 0 });
        send({ type: "progress", req: msg.req, pos: 0, total: analytics.length });
        const items: { id: string; verdict: "no_match" }[] = [];
        for (const id of analytics) {
          if ("pinpoint" in msg && msg.pinpoint) send({ type: "running", req: msg.req, id, event: 0 });
          if (id === hangOn && runs <= hangRuns) return; // silent forever
          items.push({ id, verdict: "no_match" });
        }
        send({ type: "outcomes", req: msg.req, items, pos: analytics.length, total: analytics.length });
        send({ type: "done", req: msg.req, ms: 1 });
      },
    };
    return w;
  };
}

const ANALYTICS = ["a0", "a1", "a2", "a3", "a4"].map((id) => ({ id, search: "" }));
const NAMES = new Map(ANALYTICS.map((a) => [a.id, `Analytic ${a.id.toUpperCase()}`]));

function runCatalog(client: EngineClient): Promise<FromWorker[]> {
  const got: FromWorker[] = [];
  return new Promise((resolve) => {
    client.evaluate({ mode: "catalog", input: "x", edits: {}, explainLimit: 0 }, (m) => {
      got.push(m);
      if (m.type === "done" || m.type === "error") resolve(got);
    });
  });
}

test("the watchdog is a crash guard: the run ends with an error naming exactly the analytic that stopped, never a verdict", async () => {
  const log: string[] = [];
  const client = new EngineClient(fakeFactory("a2", log), 50);
  client.setLoad({ type: "load", analytics: ANALYTICS, macros: [] }, NAMES);
  const got = await runCatalog(client);
  const last = got.at(-1);
  assert.equal(last?.type, "error");
  assert.equal(last?.type === "error" && last.message, 'analytic "Analytic A2" (a2) on event 1 gave no answer within 0.1 s (twice; the engine was restarted). This run has no verdicts.');
  assert.equal(got.filter((m) => m.type === "outcomes").length, 0, "no verdict comes from the watchdog");
  assert.equal(got.filter((m) => m.type === "parsed").length, 1, "the pinpoint run does not repeat what was delivered");
  assert.equal(got.filter((m) => m.type === "running").length, 0, "running messages stay in the client");
  assert.equal(client.restarts, 2);
  assert.deepEqual(log, ["start", "terminate", "start", "terminate", "start"]);
  client.dispose();
});

test("a stop that does not happen again: the pinpoint run delivers its verdicts", async () => {
  const log: string[] = [];
  const client = new EngineClient(fakeFactory("a2", log, 1), 50);
  client.setLoad({ type: "load", analytics: ANALYTICS, macros: [] }, NAMES);
  const got = await runCatalog(client);
  assert.equal(got.at(-1)?.type, "done");
  const outcomes = got.flatMap((m) => (m.type === "outcomes" ? m.items : []));
  assert.deepEqual(outcomes.map((o) => `${o.id}:${o.verdict}`), ["a0:no_match", "a1:no_match", "a2:no_match", "a3:no_match", "a4:no_match"]);
  assert.equal(client.restarts, 1);
  client.dispose();
});

test("a newer request supersedes: messages of the old one are dropped", async () => {
  const log: string[] = [];
  const client = new EngineClient(fakeFactory("none", log), 50);
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

test("a load is sent once to a worker started for it, and again only when it changes", () => {
  const loads: string[] = [];
  const client = new EngineClient(() => ({
    onmessage: null,
    onerror: null,
    terminate: () => {},
    postMessage: (msg: ToWorker) => void (msg.type === "load" && "url" in msg && loads.push(msg.url)),
  }));
  client.setLoad({ type: "load", url: "/test/engine/v1" });
  client.setLoad({ type: "load", url: "/test/engine/v1" }, NAMES);
  assert.deepEqual(loads, ["/test/engine/v1"], "one fetch of the catalog, not two");
  client.setLoad({ type: "load", url: "/test/engine/v2" });
  assert.deepEqual(loads, ["/test/engine/v1", "/test/engine/v2"]);
  client.dispose();
});

test("a worker the page's HTML booted with the catalog URL is not sent it again", () => {
  const loads: string[] = [];
  let started = 0;
  const client = new EngineClient(() => ({
    onmessage: null,
    onerror: null,
    terminate: () => {},
    postMessage: (msg: ToWorker) => void (msg.type === "load" && "url" in msg && loads.push(msg.url)),
    // The first worker is the booted one (EngineBoot.tsx): it was sent /test/engine/v1 already.
    ...(started++ === 0 ? { loadedUrl: "/test/engine/v1" } : {}),
  }));
  client.setLoad({ type: "load", url: "/test/engine/v1" });
  assert.deepEqual(loads, [], "the booted worker fetches the catalog once");
  client.setLoad({ type: "load", url: "/test/engine/v2" });
  assert.deepEqual(loads, ["/test/engine/v2"], "another catalog is sent");
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

/** A server run that answers after `delay` ms with `verdict` for a0 (null: it declines). */
function remoteAnswer(verdict: "match" | null, delay: number, asked: string[]) {
  return (msg: { input: string; req: number }) =>
    new Promise<FromWorker[] | null>((resolve) => {
      asked.push(msg.input);
      setTimeout(() => resolve(verdict === null ? null : [
        { type: "parsed", req: 1, format: "command-line", formatLabel: "command lines", eventCount: 1, problems: [], problemCount: 0, ms: 0 },
        { type: "outcomes", req: 1, items: [{ id: "a0", verdict }], pos: 1, total: 1 },
        { type: "done", req: 1, ms: 0 },
      ]), delay);
    });
}

const sources = (got: FromWorker[]) => got.flatMap((m) => (m.type === "outcomes" ? m.items.map((i) => `${i.id}:${i.verdict}`) : []));

test("while the worker loads, the server's answer is shown if it comes first, and never mixed with the worker's", async () => {
  const asked: string[] = [];
  const slowWorker = () => {
    const w = fakeFactory("none", [])();
    const post = w.postMessage.bind(w);
    w.postMessage = (m) => void setTimeout(() => post(m), m.type === "load" ? 0 : 40);
    return w;
  };
  const client = new EngineClient(slowWorker, 1000);
  client.setRemote(remoteAnswer("match", 1, asked));
  client.setLoad({ type: "load", analytics: ANALYTICS, macros: [] });
  const first = await runCatalog(client);
  assert.deepEqual(sources(first), ["a0:match"], "the server's answer, alone");
  assert.equal(first.filter((m) => m.type === "parsed").length, 1);
  await new Promise((r) => setTimeout(r, 80)); // the worker finishes the same request meanwhile
  const second = await runCatalog(client);
  assert.deepEqual(sources(second), ["a0:no_match", "a1:no_match", "a2:no_match", "a3:no_match", "a4:no_match"], "once the worker has answered, only the worker");
  assert.deepEqual(asked, ["x"], "the server is not asked again");
  client.dispose();
});

test("the worker's answer wins when it comes first; a server that declines changes nothing", async () => {
  for (const verdict of ["match", null] as const) {
    const asked: string[] = [];
    const client = new EngineClient(fakeFactory("none", []), 1000);
    client.setRemote(remoteAnswer(verdict, 30, asked));
    client.setLoad({ type: "load", analytics: ANALYTICS, macros: [] });
    const got = await runCatalog(client);
    assert.equal(sources(got).length, 5, `the worker's five outcomes (server ${verdict})`);
    await new Promise((r) => setTimeout(r, 50));
    assert.equal(asked.length, 1);
    client.dispose();
  }
});

test("the server is asked only for catalog runs of small, non-blank pastes with nothing typed into fields", () => {
  const asked: string[] = [];
  const client = new EngineClient(fakeFactory("none", []), 1000);
  client.setRemote(remoteAnswer("match", 1, asked));
  client.setLoad({ type: "load", analytics: ANALYTICS, macros: [] });
  const none = () => {};
  client.evaluate({ mode: "analytic", input: "a", edits: {}, explainLimit: 1 }, none);
  client.evaluate({ mode: "catalog", input: "b", edits: { "0": { dest: "x" } }, explainLimit: 0 }, none);
  client.evaluate({ mode: "catalog", input: "c", edits: {}, picks: { "0": "Sysmon EventID 1" }, explainLimit: 0 }, none);
  client.evaluate({ mode: "catalog", input: "d\n".repeat(100), edits: {}, explainLimit: 0 }, none);
  client.evaluate({ mode: "catalog", input: " \n", edits: {}, explainLimit: 0 }, none);
  client.evaluate({ mode: "catalog", input: "e", edits: {}, explainLimit: 0 }, none);
  assert.deepEqual(asked, ["e"]);
  client.dispose();
});
