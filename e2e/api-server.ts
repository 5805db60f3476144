/**
 * For the API and security e2e: a content folder with hostile detections (a catastrophic regex,
 * HTML in a name and description) next to the seeds, and a `next start` on a free port serving it.
 */
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { startNextServer } from "../scripts/next-server";

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
      description: "A regex that would backtrack for a very long time in JavaScript and has a lookahead (cannot go to re2): it runs under a fixed input-length limit.",
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

export interface Served {
  url: string;
  contentDir: string;
  stop(): Promise<void>;
}

/** `next start` (the existing build) with CONTENT_DIR; stopping also removes the content dir. */
export async function serveContent(contentDir: string, timeoutMs = 90_000): Promise<Served> {
  const server = await startNextServer({ contentDir, timeoutMs }).catch((e: unknown) => {
    rmSync(contentDir, { recursive: true, force: true });
    throw e;
  });
  const stop = async () => {
    server.stop();
    rmSync(contentDir, { recursive: true, force: true });
  };
  return { url: server.url, contentDir, stop };
}
