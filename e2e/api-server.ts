/**
 * For the API and security e2e: a content folder with hostile detections (a catastrophic regex,
 * HTML in a name and description) next to the seeds, and a `next start` on a free port serving it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import path from "node:path";

export const XSS = "<img src=x onerror=window.__xss=1>";
export const CATASTROPHIC_ID = "22222222-2222-4222-8222-222222222222";
export const XSS_SLUG = "xss_probe";
export const CATASTROPHIC_INPUT = "a".repeat(30) + "!";

const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

function detection(fields: { id: string; name: string; description: string; search: string }): string {
  return [
    `name: ${q(fields.name)}`,
    `id: ${fields.id}`,
    "version: 1",
    "date: '2024-01-01'",
    "author: e2e",
    "status: production",
    "type: TTP",
    `description: ${q(fields.description)}`,
    "data_source: []",
    `search: ${q(fields.search)}`,
    `how_to_implement: ${q(fields.description)}`,
    `known_false_positives: ${q(fields.description)}`,
    "references: []",
    "tags:",
    "  analytic_story: []",
    "  asset_type: Endpoint",
    "  mitre_attack_id:",
    "  - T1059",
    "  product:",
    "  - Splunk Enterprise",
    "  security_domain: endpoint",
    "",
  ].join("\n");
}

/** A copy of the built-in content plus the two hostile detections; returns its path. */
export function hostileContent(): string {
  const dir = mkdtempSync(path.join(tmpdir(), "dc-hostile-"));
  cpSync(path.resolve(process.cwd(), "content"), dir, { recursive: true });
  rmSync(path.join(dir, "tests"), { recursive: true, force: true });
  const endpoint = path.join(dir, "detections/endpoint");
  writeFileSync(
    path.join(endpoint, "catastrophic_regex.yml"),
    detection({
      id: CATASTROPHIC_ID,
      name: "Catastrophic Regex Probe",
      description: "A regex that backtracks for a very long time in JavaScript and has a lookahead (cannot go to re2).",
      search:
        '| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes where Processes.process_name=* by Processes.process | `drop_dm_object_name(Processes)` | where match(process, "(?=a)a*a*a*a*a*a*a*a*a*a*b")',
    }),
  );
  writeFileSync(
    path.join(endpoint, `${XSS_SLUG}.yml`),
    detection({
      id: "33333333-3333-4333-8333-333333333333",
      name: `XSS Probe ${XSS}`,
      description: `Renders as text: ${XSS} and <script>window.__xss=2</script>`,
      search: '| tstats `security_content_summariesonly` count from datamodel=Endpoint.Processes where Processes.process_name="<img src=x>" by Processes.process',
    }),
  );
  return dir;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => resolve(port));
    });
  });
}

export interface Served {
  url: string;
  contentDir: string;
  stop(): Promise<void>;
}

/** `next start` (the existing build) on a free port with CONTENT_DIR; resolves once it answers. */
export async function serveContent(contentDir: string, timeoutMs = 90_000): Promise<Served> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: process.cwd(),
    env: { ...process.env, CONTENT_DIR: contentDir, NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
  const stop = async () => {
    if (child.pid && child.exitCode === null) {
      try {
        process.kill(-child.pid, "SIGTERM");
      } catch {
        /* already gone */
      }
    }
    rmSync(contentDir, { recursive: true, force: true });
  };
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    try {
      const r = await fetch(`${url}/api/analytics`);
      if (r.ok) return { url, contentDir, stop };
    } catch {
      /* not up yet */
    }
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 300));
  }
  await stop();
  throw new Error(`next start on ${url} did not come up`);
}
