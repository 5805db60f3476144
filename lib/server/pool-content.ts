/**
 * What the pool tells its workers about a content version, and how a job names its analytics:
 * the catalog's rules sent once per version, and a job's analytics as indices into them.
 */
import { lookupsForThread } from "../engine/index";
import type { AnalyticSource, ContentMessage, VerdictCatalog } from "./protocol";

const positions = new WeakMap<readonly AnalyticSource[], Map<AnalyticSource | string, number>>();

/**
 * The job's analytics as indices into the catalog's (null when they are all of them, in order),
 * found by object, else by id; -1 for an analytic the catalog does not hold.
 */
export function selectionOf(catalog: VerdictCatalog, analytics: readonly AnalyticSource[]): Int32Array | null {
  const all = catalog.analytics;
  if (analytics === all || (analytics.length === all.length && analytics.every((a, i) => a === all[i]))) return null;
  let at = positions.get(all);
  if (!at) {
    at = new Map();
    for (let i = all.length - 1; i >= 0; i--) at.set(all[i]!.id, i);
    all.forEach((a, i) => at!.set(a, i));
    positions.set(all, at);
  }
  return Int32Array.from(analytics, (a) => at!.get(a) ?? at!.get(a.id) ?? -1);
}

/** What a worker must know of a content version before its first job of it. */
export function contentMessage(catalog: VerdictCatalog, version: string): ContentMessage {
  return {
    type: "content", version, macros: [...catalog.macros],
    ...(catalog.lookups?.length ? { lookups: lookupsForThread(catalog.lookups) } : {}),
    analytics: catalog.analytics.map((a) => ({ id: a.id, search: a.search, ...(a.language ? { language: a.language } : {}) })),
  };
}
