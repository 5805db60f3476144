/**
 * The API against its engine, side by side in one run, for ONE command line (impacket smbexec's
 * first command) against the whole catalog:
 *   1. engine alone: lib/engine `pairVerdicts` over every analytic, in this process (what the
 *      evaluation worker does per event), latency per event and events/s on one thread;
 *   2. the handler in process: `handleMatch` with the in-process evaluator (JSON in, event read,
 *      verdicts, JSON out; no HTTP, no worker hand-off);
 *   3. `POST /api/match` over loopback to `next start` (production build) with autocannon.
 * Then the floor: the same route answering 400 at once (body `{}`), the server's CPU per request of
 * Next.js's handling alone (needs the server's process group: started here, or --pid).
 * A side loop spot-checks verdicts during the load (smbexec's first command matches its analytic, a
 * later command does not). Prints the load average beside the figures. Never asserts on time.
 *
 *   node --import tsx bench/api-load.ts                 # starts `next start` with the full catalog
 *   node --import tsx bench/api-load.ts --url http://127.0.0.1:3000
 *   options: --connections 10 --duration 10 --content DIR (default ../shared/security_content)
 *            --query "?pairs=all" (the query string the load sends)
 *            --pid PGID (with --url: the server's process group, for its CPU per request)
 * Needs a production build (`npm run build`) when it starts the server itself.
 */
import { readdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { loadavg } from "node:os";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { startNextServer } from "../scripts/next-server";
import { loadCatalog } from "../lib/content/load";
import { pairVerdicts } from "../lib/engine/index";
import { evaluateInProcess } from "../lib/api/deps";
import { handleMatch } from "../lib/api/match";
import { lineEvent, SECURITY_CONTENT, SMBEXEC_LINE, summary } from "./common";

interface AutocannonResult {
  requests: { average: number; total: number };
  throughput: { average: number };
  latency: { p50: number; p99: number; average: number; max: number };
  errors: number;
  timeouts: number;
  non2xx: number;
  "2xx": number;
  duration: number;
}
type Autocannon = (opts: Record<string, unknown>) => Promise<AutocannonResult>;
const autocannon = createRequire(import.meta.url)("autocannon") as Autocannon;

const SMBEXEC_ID = "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76";
const LATER = SMBEXEC_LINE.replace("echo cd", "echo whoami");

const { values } = parseArgs({
  options: {
    url: { type: "string" },
    connections: { type: "string", default: "10" },
    duration: { type: "string", default: "10" },
    content: { type: "string" },
    query: { type: "string", default: "" },
    pid: { type: "string" },
  },
});
const connections = Math.min(200, Math.max(1, Number(values.connections) || 10));
const duration = Math.min(120, Math.max(1, Number(values.duration) || 10));
const contentDir = values.content ?? SECURITY_CONTENT;
const query = values.query ?? "";
const load = () => loadavg().map((x) => x.toFixed(2)).join(" ");

/**
 * CPU time (ms, user + system, every thread) of the processes in a process group, from /proc: what
 * the server spent, whatever the machine's load (undefined where /proc is absent).
 */
function groupCpuMs(pgid: number): number | undefined {
  try {
    const tick = 1000 / 100; // USER_HZ is 100 on Linux
    let total = 0;
    for (const d of readdirSync("/proc")) {
      if (!/^\d+$/.test(d)) continue;
      let stat: string;
      try {
        stat = readFileSync(`/proc/${d}/stat`, "utf8");
      } catch {
        continue;
      }
      const f = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(f[2]) === pgid) total += (Number(f[11]) + Number(f[12])) * tick;
    }
    return total;
  } catch {
    return undefined;
  }
}

/** Waits (up to 120 s) until the server's process group spends under 5 % of a core (start-up work done). */
async function settle(pgid: number | undefined): Promise<void> {
  if (pgid === undefined) return;
  const until = Date.now() + 120_000;
  let last = groupCpuMs(pgid);
  while (last !== undefined && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 1000));
    const now = groupCpuMs(pgid);
    if (now === undefined || now - last < 50) return;
    last = now;
  }
}

async function spotCheck(url: string): Promise<string | undefined> {
  try {
    const r = await fetch(`${url}/api/match?pairs=all`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ events: [SMBEXEC_LINE, LATER], analytics: [SMBEXEC_ID] }),
    });
    if (r.status !== 200) return `status ${r.status}`;
    const j = (await r.json()) as { results: { verdict: string }[] };
    const got = j.results.map((x) => x.verdict).join(",");
    return got === "match,no_match" ? undefined : `verdicts ${got}`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** Per-call latencies (ms) of `f` over `seconds`, after a warm-up. */
async function timeLoop(f: () => unknown | Promise<unknown>, seconds: number): Promise<number[]> {
  for (let i = 0; i < 200; i++) await f();
  const samples: number[] = [];
  const until = performance.now() + seconds * 1000;
  while (performance.now() < until) {
    const t = performance.now();
    await f();
    samples.push(performance.now() - t);
  }
  return samples;
}

function row(label: string, perSecond: number, p50: number, p99: number, extra = ""): string {
  return `  ${label.padEnd(34)} ${perSecond.toFixed(1).padStart(10)} /s   p50 ${p50.toFixed(3).padStart(9)} ms   p99 ${p99.toFixed(3).padStart(9)} ms${extra ? `   ${extra}` : ""}`;
}

async function main() {
  const catalog = await loadCatalog(contentDir);
  const n = catalog.analytics.length;
  const event = lineEvent(SMBEXEC_LINE);
  const body = JSON.stringify({ events: [SMBEXEC_LINE] });
  console.log(`api-load: one command line (${SMBEXEC_LINE.length} chars) × ${n} analytics (${contentDir}); load average before: ${load()}`);

  const ask = pairVerdicts(catalog, catalog.analytics, false);
  const engine = summary(await timeLoop(() => {
    const v = ask(event);
    let hits = 0;
    for (let i = 0; i < n; i++) if (v(i).verdict === "match") hits++;
    return hits;
  }, 3));
  const deps = { catalog: async () => catalog, evaluate: evaluateInProcess };
  let bytes = 0;
  const handler = summary(await timeLoop(async () => {
    const r = await handleMatch(new Request(`http://127.0.0.1/api/match${query}`, { method: "POST", headers: { "content-type": "application/json" }, body }), deps);
    bytes = (await r.text()).length;
  }, 3));

  const started = values.url ? undefined : await startNextServer({ contentDir });
  const url = values.url ?? started!.url;
  try {
    const served = ((await (await fetch(`${url}/api/analytics`)).json()) as { total: number }).total;
    const sample = await fetch(`${url}/api/match${query}`, { method: "POST", headers: { "content-type": "application/json" }, body });
    const sampleBytes = (await sample.arrayBuffer()).byteLength;
    // Warm up: the server's start-up work (the tester's payloads), then every evaluation worker
    // compiles the catalog on its first job; neither is what this measures.
    await settle(started?.pid ?? (values.pid ? Number(values.pid) : undefined));
    await autocannon({ url: `${url}/api/match${query}`, method: "POST", headers: { "content-type": "application/json" }, body, connections: 4, duration: 3, timeout: 60 });
    await settle(started?.pid);
    const before = await spotCheck(url);
    if (before) throw new Error(`verdicts are wrong before the load: ${before}`);
    let checks = 0;
    const failures: string[] = [];
    let running = true;
    const loop = (async () => {
      while (running) {
        const f = await spotCheck(url);
        checks++;
        if (f) failures.push(f);
        await new Promise((r) => setTimeout(r, 250));
      }
    })();
    const loadBefore = load();
    const pgid = started?.pid ?? (values.pid ? Number(values.pid) : undefined);
    const cpuBefore = pgid !== undefined ? groupCpuMs(pgid) : undefined;
    const result = await autocannon({
      url: `${url}/api/match${query}`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      connections,
      duration,
      timeout: 10,
    });
    const loadAfter = load();
    const cpuAfter = pgid !== undefined ? groupCpuMs(pgid) : undefined;
    running = false;
    await loop;
    console.log(`  server: ${url} serving ${served} analytics; response ${sampleBytes} bytes (${query || "default, compact"}); ${connections} connections for ${duration} s`);
    console.log(row("engine alone (1 thread)", 1000 / engine.mean, engine.median, engine.p99));
    console.log(row("handleMatch in process (1 thread)", 1000 / handler.mean, handler.median, handler.p99, `${bytes} bytes out`));
    console.log(row("POST /api/match (next start)", result.requests.average, result.latency.p50, result.latency.p99, `mean ${result.latency.average.toFixed(1)} ms, max ${result.latency.max} ms`));
    console.log(`  API / engine: ${(engine.mean > 0 ? (1000 / engine.mean) / Math.max(result.requests.average, 1e-9) : NaN).toFixed(0)}× fewer per second; load average during the load: ${loadBefore} → ${loadAfter}`);
    if (cpuBefore !== undefined && cpuAfter !== undefined) {
      const perRequest = (cpuAfter - cpuBefore) / Math.max(1, result.requests.total + checks);
      console.log(`  server CPU: ${perRequest.toFixed(2)} ms per request (all threads, spot checks included) → at most ~${(2000 / perRequest).toFixed(0)} requests/s on 2 idle cores`);
    }
    if (pgid !== undefined) {
      // The floor: the same route answering 400 at once (`{}`: no events read, no worker), i.e.
      // Next.js's request handling, the body read and the JSON answer.
      const c0 = groupCpuMs(pgid);
      const floor = await autocannon({ url: `${url}/api/match`, method: "POST", headers: { "content-type": "application/json" }, body: "{}", connections, duration: Math.max(2, Math.ceil(duration / 2)), timeout: 10 });
      const c1 = groupCpuMs(pgid);
      if (c0 !== undefined && c1 !== undefined) {
        console.log(row("floor: POST {} → 400 (no work)", floor.requests.average, floor.latency.p50, floor.latency.p99, `server CPU ${((c1 - c0) / Math.max(1, floor.requests.total)).toFixed(2)} ms per request; load average ${load()}`));
      }
    }
    console.log(`  requests: ${result.requests.total} total, ${result["2xx"]} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    console.log(`  spot checks during the run (smbexec match / no_match): ${checks - failures.length}/${checks} correct${failures.length ? `; failures: ${[...new Set(failures)].join("; ")}` : ""}`);
    if (failures.length > 0 || result.errors > 0 || result.non2xx > 0) process.exitCode = 1;
  } finally {
    started?.stop();
  }
}

main().catch((e) => {
  console.error(`api-load: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
