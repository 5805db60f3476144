/**
 * Load on `POST /api/match` over loopback with autocannon, bounded in connections and time, while
 * a side loop spot-checks verdicts (seed 1: smbexec's first command matches, a later command does
 * not). Prints throughput, latency p50 / p99, errors, and the spot checks. Never asserts on time.
 *
 *   node --import tsx bench/api-load.ts                       # starts `next start` (built-in content)
 *   node --import tsx bench/api-load.ts --url http://127.0.0.1:3000
 *   options: --connections 20 --duration 10 --content DIR (CONTENT_DIR of the started server)
 * Needs a production build (`npm run build`) when it starts the server itself.
 */
import { createRequire } from "node:module";
import { parseArgs } from "node:util";
import { startNextServer } from "../scripts/next-server";

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
const SMBEXEC = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;
const LATER = SMBEXEC.replace("echo cd", "echo whoami");
const LOAD_EVENTS = [
  SMBEXEC,
  LATER,
  String.raw`RemCom.exe \\10.0.0.5 /user:CORP\admin /pwd:Secret1 cmd.exe`,
  { process_name: "svchost.exe", process: "C:\\Windows\\system32\\svchost.exe -k netsvcs -p", user: "SYSTEM", dest: "ws01" },
];

const { values } = parseArgs({
  options: { url: { type: "string" }, connections: { type: "string", default: "20" }, duration: { type: "string", default: "10" }, content: { type: "string" } },
});
const connections = Math.min(200, Math.max(1, Number(values.connections) || 20));
const duration = Math.min(120, Math.max(1, Number(values.duration) || 10));

async function spotCheck(url: string): Promise<string | undefined> {
  try {
    const r = await fetch(`${url}/api/match`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ events: [SMBEXEC, LATER], analytics: [SMBEXEC_ID] }),
    });
    if (r.status !== 200) return `status ${r.status}`;
    const j = (await r.json()) as { results: { verdict: string }[] };
    const got = j.results.map((x) => x.verdict).join(",");
    return got === "match,no_match" ? undefined : `verdicts ${got}`;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

async function main() {
  const started = values.url ? undefined : await startNextServer({ contentDir: values.content });
  const url = values.url ?? started!.url;
  try {
    const catalog = (await (await fetch(`${url}/api/analytics`)).json()) as { total: number };
    const body = JSON.stringify({ events: LOAD_EVENTS });
    if (await spotCheck(url)) throw new Error(`verdicts are wrong before the load: ${await spotCheck(url)}`);
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
    const result = await autocannon({
      url: `${url}/api/match`,
      method: "POST",
      headers: { "content-type": "application/json" },
      body,
      connections,
      duration,
      timeout: 10,
    });
    running = false;
    await loop;
    const evaluations = LOAD_EVENTS.length * catalog.total;
    console.log(`api-load: POST /api/match on ${url}, ${connections} connections for ${duration} s`);
    console.log(`  body: ${LOAD_EVENTS.length} events × ${catalog.total} analytics = ${evaluations} evaluations per request (${body.length} bytes)`);
    console.log(`  throughput: ${result.requests.average.toFixed(1)} requests/s (${(result.requests.average * evaluations).toFixed(0)} evaluations/s), ${(result.throughput.average / 1024).toFixed(0)} KiB/s`);
    console.log(`  latency: p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, mean ${result.latency.average.toFixed(1)} ms, max ${result.latency.max} ms`);
    console.log(`  requests: ${result.requests.total} total, ${result["2xx"]} 2xx, ${result.non2xx} non-2xx, ${result.errors} errors, ${result.timeouts} timeouts`);
    console.log(`  spot checks during the run (seed 1 match / no_match): ${checks - failures.length}/${checks} correct${failures.length ? `; failures: ${[...new Set(failures)].join("; ")}` : ""}`);
    if (failures.length > 0 || result.errors > 0 || result.non2xx > 0) process.exitCode = 1;
  } finally {
    started?.stop();
  }
}

main().catch((e) => {
  console.error(`api-load: ${e instanceof Error ? e.message : String(e)}`);
  process.exitCode = 1;
});
