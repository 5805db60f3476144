/**
 * The browser and the API must give the same verdict for the same event (one engine, two ways in).
 * The browser's way: the analytic page's worker (createEngineHost) loaded exactly as
 * components/tester/AnalyticTesterSlot.tsx loads it — the analytic's search, the macros it uses,
 * every data source fetched from `/test/data-sources/<v>`, its lookup tables from
 * `/test/lookups/<v>/<id>` — fed through JSON as the network would. The API's way: the catalog's
 * data sources and matchers (lib/engine, what `POST /api/match` and the CLI call). Property over
 * real events: every data source's example log × every analytic that lists that data source in
 * ../shared/security_content (skipped when absent; the clean-clone guard of the data-source list
 * is lib/server/tester-payloads.test.ts).
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { loadCatalog } from "../content/load";
import type { Catalog } from "../content/types";
import { contentOf, enginePayload, matchers, tablesFor } from "../engine/index";
import { parseEvents, toEventInput } from "../events/index";
import { readsTables, testerDataSources } from "../server/tester-payloads";
import { createEngineHost } from "./engine-host";
import { macrosUsedBy } from "./macros-used";
import type { FromWorker } from "./protocol";

const SHARED = path.resolve(import.meta.dirname, "../../../shared/security_content");
const skip = existsSync(path.join(SHARED, "data_sources")) ? false : "../shared/security_content is absent";

/** The full catalog, loaded once for both tests. */
let loaded: Promise<{ catalog: Catalog; content: ReturnType<typeof contentOf> }> | undefined;
const shared = () => (loaded ??= loadCatalog(SHARED).then((catalog) => ({ catalog, content: contentOf(catalog) })));

const wire = <T>(v: T): T => JSON.parse(JSON.stringify(v));

/** Each data source's example log, its first event as the API reads it, and the analytics listing it. */
function* examples(catalog: Catalog) {
  for (const ds of catalog.dataSources) {
    if (!ds.exampleLog) continue;
    const first = parseEvents(ds.exampleLog, { dataSources: catalog.dataSources }).events[0];
    if (first) yield { ds, text: ds.exampleLog, event: toEventInput(first), analytics: catalog.analytics.filter((x) => x.dataSources.includes(ds.name)) };
  }
}

test("every example log × its analytics: the analytic page's worker gives the API's verdict", { skip }, async () => {
  const { catalog, content } = await shared();
  const dataSources = wire({ version: "v", dataSources: testerDataSources(catalog) });
  let pairs = 0;
  const differ: string[] = [];
  for (const { ds, text, event, analytics } of examples(catalog)) {
    for (const a of analytics) {
      const api = matchers.matcher(content, a).evaluate(event);
      const out: FromWorker[] = [];
      const host = createEngineHost((m) => out.push(m), async (url) => (url.startsWith("/test/lookups/") ? wire({ lookups: tablesFor(catalog, [a]) }) : dataSources));
      const tables = readsTables(catalog, a.id);
      await host.handle({ type: "load", analytics: [{ id: a.id, search: a.search }], macros: wire(macrosUsedBy(a.search, catalog.macros)), dataSourcesUrl: "/test/data-sources/v", ...(tables ? { lookupsUrl: `/test/lookups/v/${a.id}` } : {}) });
      await host.handle({ type: "evaluate", req: 1, mode: "analytic", analyticId: a.id, input: text, edits: {}, explainLimit: 0 });
      const row = out.flatMap((m) => (m.type === "verdicts" ? m.items : [])).find((r) => r.index === 0);
      pairs++;
      if (row?.verdict !== api.verdict) differ.push(`${ds.name} × ${a.name}: browser ${row?.verdict ?? "(none)"}, API ${api.verdict}`);
    }
  }
  assert.ok(pairs > 2000, `${pairs} pairs`);
  assert.deepEqual(differ, []);
});

test("every example log × its analytics: /test's worker (the precompiled catalog) gives the API's verdict", { skip }, async () => {
  const { catalog, content } = await shared();
  // What `/test/engine/<v>` serves (lib/server/tester-payloads.ts), through JSON.
  const payload = wire({ ...enginePayload(catalog), dataSources: testerDataSources(catalog) });
  const out: FromWorker[] = [];
  const host = createEngineHost((m) => out.push(m), async () => payload);
  await host.handle({ type: "load", url: "/test/engine/v" });
  let pairs = 0;
  let req = 0;
  const differ: string[] = [];
  for (const { ds, text, event, analytics } of examples(catalog)) {
    out.length = 0;
    await host.handle({ type: "evaluate", req: ++req, mode: "catalog", input: text, edits: {}, explainLimit: 0 });
    const outcomes = new Map(out.flatMap((m) => (m.type === "outcomes" ? m.items : [])).map((i) => [i.id, i]));
    for (const a of analytics) {
      const m = matchers.matcher(content, a);
      const got = outcomes.get(a.id);
      // A batch-only search: /test runs it over the pasted batch (one event here), as the API's
      // matcher.run does; per event the API says not_testable.
      const batch = got?.overBatch ? m.run([event]) : undefined;
      const api = batch ? (batch.ok ? (batch.rows.length ? "match" : "no_match") : "not_testable") : m.evaluate(event).verdict;
      pairs++;
      if (got?.verdict !== api) differ.push(`${ds.name} × ${a.name}: /test ${got?.verdict ?? "(none)"}${got?.overBatch ? " over the batch" : ""} (${got?.code ?? ""}: ${got?.reason?.slice(0, 90) ?? ""}), API ${api}`);
    }
  }
  assert.ok(pairs > 2000, `${pairs} pairs`);
  assert.deepEqual(differ, []);
});
