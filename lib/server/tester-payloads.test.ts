/**
 * The browser's worker recognises pasted events with the data sources it fetches
 * (`/test/data-sources/<version>`, the engine payload); the CLI and the API with the catalog's own.
 * Both paths must read every event the same way (a regression once: the analytic page's list
 * lacked the example logs, so an Nginx key=value line the API called ambiguous was "unrecognised"
 * in the browser). Property: for every example log, and events shaped like them, the same data
 * source, candidates, source, sourcetype and fields.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { loadCatalog } from "../content/load";
import type { Catalog } from "../content/types";
import type { DataSource } from "../content/types";
import { parseEvents } from "../events/index";
import type { DataSourceSpec } from "../events/types";
import { testerDataSources } from "./tester-payloads";

const SHARED = path.resolve(import.meta.dirname, "../../../shared/security_content");

/** What a worker gets: the list as JSON, parsed again. */
const shipped = (catalog: Catalog): DataSourceSpec[] => JSON.parse(JSON.stringify({ dataSources: testerDataSources(catalog) })).dataSources;

function reading(text: string, dataSources: readonly DataSourceSpec[]) {
  return parseEvents(text, { dataSources: [...dataSources], maxEvents: 5 }).events.map((e) => ({
    dataSource: e.dataSource,
    candidates: e.candidates,
    source: e.source,
    sourcetype: e.sourcetype,
    // `_time` is the moment of reading when the event carries none: not part of the comparison.
    fields: { ...e.fields, _time: typeof e.fields._time },
  }));
}

function assertSameReading(catalog: Catalog): number {
  const worker = shipped(catalog);
  let checked = 0;
  for (const d of catalog.dataSources) {
    if (!d.exampleLog) continue;
    assert.deepEqual(reading(d.exampleLog, worker), reading(d.exampleLog, catalog.dataSources), `${d.name}: the worker reads its example otherwise`);
    checked++;
  }
  return checked;
}

/** Two key=value data sources told apart only by their examples' field names (no separator). */
function kvSource(name: string, sourcetype: string, example: string): DataSource {
  return { id: name, file: `${name}.yml`, name, description: "", sourcetype, source: sourcetype, fields: [], supportedTA: [], exampleLog: example } as unknown as DataSource;
}

test("events shaped like a data source's example are recognised the same by the worker's list (clean clone)", () => {
  const web = kvSource("Web KV", "web:kv", 'site="a.example" server="a.example" uri_path="/x" http_method="GET" status="200"');
  const fw = kvSource("Firewall KV", "fw:kv", 'rule="allow-all" src_zone="inside" dest_zone="outside" action="allowed" bytes="10"');
  const catalog = { dataSources: [web, fw] } as unknown as Catalog;
  const event = 'site="b.example" server="b.example" uri_path="/login" http_method="POST" status="302"';
  const full = reading(event, catalog.dataSources);
  assert.equal(full[0]?.dataSource, "Web KV", "the fixture is recognised by its example's field names");
  assert.deepEqual(reading(event, shipped(catalog)), full);
  assert.equal(assertSameReading(catalog), 2);
});

test("every example log of ../shared/security_content is read the same by the worker's list", { skip: existsSync(path.join(SHARED, "data_sources")) ? false : "../shared/security_content is absent" }, async () => {
  const catalog = await loadCatalog(SHARED);
  assert.ok(assertSameReading(catalog) > 150);
});
