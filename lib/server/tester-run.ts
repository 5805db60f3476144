/**
 * `POST /test/run/<version>`: the /test page's first answers while its own worker is still
 * fetching and compiling the catalog. The server runs the very engine host the browser worker runs
 * (lib/tester/engine-host.ts, catalog mode) over the server's already compiled catalog, and answers
 * the messages the worker would post; the page shows whichever of the two answers first
 * (components/tester/engine-client.ts). Same code, same content version, same verdicts.
 *
 * Only small pastes (lib/tester/server-run.ts), never edits or picks; the HTTP side (at most two
 * runs at a time, else a 503 and the page waits for its worker) is lib/api/tester-run.ts.
 */
import type { Catalog } from "../content/types";
import { contentOf, tablesFor } from "../engine/index";
import { createEngineHost } from "../tester/engine-host";
import type { AnalyticSource, FromWorker } from "../tester/protocol";
import { testerDataSources } from "./tester-payloads";
import { serverRunProblem } from "../tester/server-run";

type Parsed = { input: string; only?: string[]; warm?: true } | { problem: string };

/**
 * The body `{ input, only?, warm? }`, checked against SERVER_RUN_LIMITS. `warm: true`: the page
 * asks the run once so that this route has compiled the catalog before the first paste, and wants
 * no answer (lib/api/tester-run.ts answers 204).
 */
export function parseRunBody(v: unknown): Parsed {
  if (typeof v !== "object" || v === null || Array.isArray(v)) return { problem: "expected a JSON object { input, only?, warm? }" };
  const { input, only, warm, ...rest } = v as Record<string, unknown>;
  if (Object.keys(rest).length) return { problem: `unexpected field ${JSON.stringify(Object.keys(rest)[0]).slice(0, 60)}` };
  if (typeof input !== "string") return { problem: "input must be a string" };
  if (only !== undefined && !Array.isArray(only)) return { problem: "only must be a list of analytic ids" };
  if (warm !== undefined && warm !== true) return { problem: "warm must be true when given" };
  const problem = serverRunProblem(input, only);
  if (problem) return { problem };
  return { input, ...(only === undefined ? {} : { only: only as string[] }), ...(warm ? { warm } : {}) };
}

/** Per content version: what a server-side host loads, built once (the same objects keep the host's caches warm). */
interface Prepared {
  version: string;
  analytics: AnalyticSource[];
  dataSources: ReturnType<typeof testerDataSources>;
  lookups: { lookups: ReturnType<typeof tablesFor> };
}
const prepared = new Map<string, Prepared>();

function preparedFor(catalog: Catalog): Prepared {
  const version = contentOf(catalog).version;
  let p = prepared.get(version);
  if (!p) {
    const analytics = catalog.analytics.map((a) => ({ id: a.id, search: a.search }));
    p = { version, analytics, dataSources: testerDataSources(catalog), lookups: { lookups: tablesFor(catalog, catalog.analytics) } };
    prepared.clear();
    prepared.set(version, p);
  }
  return p;
}

/** The messages the page's worker would post for this catalog-mode run (progress left out). */
export async function runCatalogOnServer(catalog: Catalog, input: string, only?: string[]): Promise<FromWorker[]> {
  const p = preparedFor(catalog);
  const out: FromWorker[] = [];
  const host = createEngineHost((m) => void (m.type !== "progress" && out.push(m)), async () => p.lookups);
  await host.handle({
    type: "load",
    analytics: p.analytics,
    macros: catalog.macros,
    version: p.version,
    dataSources: p.dataSources,
    lookupsUrl: "(the server's tables)",
  });
  await host.handle({ type: "evaluate", req: 1, mode: "catalog", input, edits: {}, explainLimit: 0, ...(only ? { only } : {}) });
  return out;
}
