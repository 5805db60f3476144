/**
 * The tester's two JSON payloads for the current content version, built once per process and
 * version and kept as strings: the worker's precompiled catalog (lib/engine EnginePayload) and the
 * page's names list (lib/tester CatalogPayload: names, ATT&CK, type, status, severity, risk). `warmTesterPayloads` starts building both (the
 * /test page calls it), so the first visitor's worker does not wait for every search to compile.
 */
import { tactics } from "../attack/index";
import type { Catalog } from "../content/types";
import { dataSourceSpec } from "../content/data-source";
import type { DataSourceSpec } from "../events/types";
import { contentOf, enginePayload, matcherFor, tablesFor } from "../engine/index";
import { encodeCatalogPayload, type CatalogPayload } from "../tester/catalog-payload";
import { immutableJson } from "./immutable";

type Payloads = { engine: Promise<string>; names: Promise<string>; dataSources: Promise<string> };
const built = new Map<string, Payloads>();

/**
 * Every data source exactly as lib/events recognises events with it, example logs included (an
 * example gives the data source's event shape, field names and separator value: without them an
 * event the CLI and the API recognise would be unrecognised in the browser, and a search that
 * selects by sourcetype would give another verdict). One list for both tester payloads.
 */
export function testerDataSources(catalog: Catalog): DataSourceSpec[] {
  return catalog.dataSources.map(dataSourceSpec);
}

/**
 * The analytic page's worker fetches this, so a pasted event is recognised among all the
 * content's data sources there too — as on /test, in the CLI and the API.
 */
function dataSourcesOf(version: string, catalog: Catalog): string {
  return JSON.stringify({ version, dataSources: testerDataSources(catalog) });
}

/** What /test shows of each analytic (lib/tester CatalogPayload), before its wire encoding. */
export function catalogPayloadOf(version: string, catalog: Catalog): CatalogPayload {
  return {
    version,
    analytics: catalog.analytics.map((a) => ({
      id: a.id,
      name: a.name,
      slug: a.slug,
      attack: a.attack.map((t) => ({ id: t.resolvedId ?? t.id, ...(t.name ? { name: t.name } : {}), tactics: t.tactics })),
      type: a.type,
      status: a.status,
      severity: a.rba.severity,
      riskScore: a.rba.riskScore,
    })),
    tacticNames: Object.fromEntries(tactics().map((t) => [t.shortname, t.name])),
  };
}

function namesOf(version: string, catalog: Catalog): string {
  return JSON.stringify(encodeCatalogPayload(catalogPayloadOf(version, catalog)));
}

/**
 * Compile the catalog in slices of ~20 ms, yielding to the event loop between them (other requests
 * go on), then serialise the payload from the now warm compile cache.
 */
async function enginePayloadText(catalog: Catalog): Promise<string> {
  let sliceStart = Date.now();
  for (const a of catalog.analytics) {
    matcherFor(catalog, a);
    if (Date.now() - sliceStart > 20) {
      await new Promise((r) => setImmediate(r));
      sliceStart = Date.now();
    }
  }
  // The worker recognises pasted events with the content's data sources (lib/events).
  return JSON.stringify({ ...enginePayload(catalog), dataSources: testerDataSources(catalog) });
}

/** What lib/events needs of a data source (no file path): one implementation, in lib/content. */
export { dataSourceSpec } from "../content/data-source";

/**
 * What the tester payloads hold, in their shape: bump it when a payload changes what it carries
 * (2: the data sources carry their example logs; 3: a plan carries its gate's suffix; 4: the names
 * list travels as rows with a technique table). The payload URLs are immutable under
 * `testerVersion`, so browsers never reuse a cached payload of another shape.
 */
const PAYLOAD_FORMAT = 4;

/** The version in every tester payload URL: the content's version and the payloads' format. */
export function testerVersion(catalog: Catalog): string {
  return `${contentOf(catalog).version}.f${PAYLOAD_FORMAT}`;
}

/** Yield to the event loop between steps so building never blocks other requests for long. */
const later = <T>(f: () => T) => new Promise<T>((done, fail) => setImmediate(() => { try { done(f()); } catch (e) { fail(e); } }));

export function testerPayloads(catalog: Catalog): { version: string } & Payloads {
  const version = testerVersion(catalog);
  let b = built.get(version);
  if (!b) {
    const names = later(() => namesOf(version, catalog));
    b = { names, engine: names.then(() => enginePayloadText(catalog)), dataSources: later(() => dataSourcesOf(version, catalog)) };
    built.clear();
    built.set(version, b);
  }
  return { version, ...b };
}

export function warmTesterPayloads(catalog: Catalog): string {
  const p = testerPayloads(catalog);
  p.engine.catch(() => built.delete(p.version));
  return p.version;
}

/** A 404 naming a content version this process does not serve (an old page's URL); null when current. */
function staleVersion(version: string, current: string): Response | null {
  return version === current ? null : Response.json({ error: `content version ${version.slice(0, 40)} is not served (current: ${current})` }, { status: 404 });
}

/** The response for a payload route: the body when `version` is current, else a 404 naming it. */
export async function payloadResponse(catalog: Catalog, version: string, which: "engine" | "names" | "dataSources"): Promise<Response> {
  const p = testerPayloads(catalog);
  return staleVersion(version, p.version) ?? immutableJson(await p[which], `${p.version}-${which}`);
}

/** Does this analytic read a lookup table the content has (so its page's worker must fetch it)? */
export function readsTables(catalog: Catalog, id: string): boolean {
  const a = catalog.analytics.find((x) => x.id === id);
  return !!a && (matcherFor(catalog, a).tables?.length ?? 0) > 0;
}

/**
 * `/test/lookups/<version>/<id>`: the lookup tables one analytic reads (lib/engine tablesFor), for
 * its page's worker. Immutable under the content version; a stale version or unknown id is a 404.
 */
export function lookupsResponse(catalog: Catalog, version: string, id: string): Response {
  const stale = staleVersion(version, testerVersion(catalog));
  if (stale) return stale;
  const a = catalog.analytics.find((x) => x.id === id);
  if (!a) return Response.json({ error: "no such analytic" }, { status: 404 });
  return immutableJson(JSON.stringify({ version, lookups: tablesFor(catalog, [a]) }), `${version}-${id}`);
}
