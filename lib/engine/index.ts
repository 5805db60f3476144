/**
 * The engine every surface calls: the rule languages the console runs (one line each), the one
 * compile cache, and the verdict helpers bound to it. The browser worker, the API worker, the
 * CLI, the stored test cases and the analytic page all get their matchers here.
 *
 * To add a rule language: implement RuleLanguage (lib/detection/matcher.ts) in its own folder and
 * add one line to LANGUAGES.
 */
import { MatcherCache, type RuleSource } from "../detection/cache";
import type { ContentContext, Matcher, MatcherSet, RuleLanguage } from "../detection/matcher";
import { verdictFor, verdictsOn, type VerdictResult } from "../detection/verdicts";
import type { EventInput } from "../detection/types";
import { contentVersion } from "../detection/version";
import { hasTable, indexLookups, type LookupSource } from "../detection/lookups";
import { lookupParts, lookupsForThread } from "./lookups";

export { withLookups, tableStamp, lookupsForThread } from "./lookups";
import type { CompiledSearch } from "../spl/api";
import { isCompiledSearch } from "../spl/index";
import { splLanguage } from "../spl/language";

export const LANGUAGES: Readonly<Record<string, RuleLanguage>> = {
  spl: splLanguage,
};

/** The process's (or the worker's) one compile cache. */
export const matchers = new MatcherCache(LANGUAGES);

export type { ContentContext, Matcher, MatcherSet, RuleSource, VerdictResult };
export { verdictFor, verdictsOn };

/** What a content context is built from (a lib/content Catalog, the browser's payload). */
export interface ContentSource {
  analytics: readonly RuleSource[];
  macros: ContentContext["macros"];
  /** Lookup definitions with their tables (a Catalog's `lookups` load theirs on first use). */
  lookups?: readonly LookupSource[];
  /** Precomputed version, when the content carries one. */
  version?: string;
}

const contexts = new WeakMap<object, ContentContext>();

/**
 * The content context of a catalog object: its version (given, or hashed from every rule text and
 * macro) and its macros. Computed once per object.
 */
export function contentOf(content: ContentSource): ContentContext {
  let c = contexts.get(content);
  if (!c) {
    const version = content.version ?? versionOf(content);
    c = { version, macros: content.macros, ...(content.lookups?.length ? { lookups: indexLookups(content.lookups) } : {}) };
    contexts.set(content, c);
  }
  return c;
}

function* versionParts(content: ContentSource): Iterable<string> {
  for (const a of content.analytics) {
    yield a.id;
    yield a.language ?? "spl";
    yield a.search;
  }
  for (const m of content.macros) {
    yield m.name;
    yield m.args.join(",");
    yield m.definition;
  }
  for (const l of content.lookups ?? []) yield* lookupParts(l);
}

export function versionOf(content: ContentSource): string {
  return contentVersion(versionParts(content));
}

/** The matcher of one analytic of this content. */
export function matcherFor(content: ContentSource, rule: RuleSource): Matcher {
  return matchers.matcher(contentOf(content), rule);
}

/**
 * The lookups these rules read that have a table (content's or user's), as plain data with their
 * tables inline: what another thread needs to give the same verdicts (the browser worker).
 */
export function tablesFor(content: ContentSource, rules: readonly RuleSource[]): LookupSource[] {
  const ctx = contentOf(content);
  if (!ctx.lookups) return [];
  const used = new Set<LookupSource>();
  for (const r of rules) {
    for (const name of matchers.matcher(ctx, r).tables ?? []) {
      const s = ctx.lookups.get(name);
      if (s && hasTable(s)) used.add(s);
    }
  }
  return lookupsForThread([...used]);
}

/**
 * The analytic's SPL matcher with its expansion and macro uses (what the SPL views show), or null
 * when the analytic is not SPL.
 */
export function compiledSplFor(content: ContentSource, rule: RuleSource): CompiledSearch | null {
  const m = matcherFor(content, rule);
  return isCompiledSearch(m) ? m : null;
}

/**
 * The catalog as the browser worker loads it: every analytic's rule text and its plan (compiled
 * once on the server per content version), and the macros. Plain JSON; cacheable forever under
 * its version.
 */
export interface EnginePayload {
  version: string;
  analytics: { id: string; search: string; language?: string; plan: unknown }[];
  macros: { name: string; args: readonly string[]; definition: string }[];
  /** The lookups the analytics read, with their tables inline (tablesFor). */
  lookups?: LookupSource[];
}

export function enginePayload(content: ContentSource): EnginePayload {
  const ctx = contentOf(content);
  return {
    version: ctx.version,
    analytics: content.analytics.map((a) => ({ id: a.id, search: a.search, ...(a.language ? { language: a.language } : {}), plan: matchers.plan(ctx, a) ?? null })),
    macros: content.macros.map((m) => ({ name: m.name, args: [...m.args], definition: m.definition })),
    lookups: tablesFor(content, content.analytics),
  };
}

/** Is this value an EnginePayload (shape check of JSON from the network)? */
export function isEnginePayload(v: unknown): v is EnginePayload {
  if (typeof v !== "object" || v === null) return false;
  const p = v as Partial<EnginePayload>;
  return typeof p.version === "string" && Array.isArray(p.analytics) && Array.isArray(p.macros) &&
    p.analytics.every((a) => typeof a === "object" && a !== null && typeof a.id === "string" && typeof a.search === "string");
}

/** Seed the cache with a payload's plans (a search compiles only when an event needs it); its content. */
export function loadPayload(p: EnginePayload): ContentSource & { version: string } {
  const lookups = Array.isArray(p.lookups) ? p.lookups.filter(isThreadLookup) : [];
  const content = { version: p.version, analytics: p.analytics.map((a) => ({ id: a.id, search: a.search, ...(a.language ? { language: a.language } : {}) })), macros: p.macros, ...(lookups.length ? { lookups } : {}) };
  const ctx = contentOf(content);
  p.analytics.forEach((a, i) => matchers.seed(ctx, content.analytics[i]!, a.plan));
  return content;
}

/**
 * How the CLI, the API and the test runner ask a list of analytics about events: `ask(event)(i)`
 * is rules[i]'s verdict on the event. With a trace, each matcher explains itself; without, one
 * MatcherSet answers.
 */
export function pairVerdicts(content: ContentSource, rules: readonly RuleSource[], explain: boolean): (event: EventInput) => (i: number) => VerdictResult {
  const ctx = contentOf(content);
  if (explain) {
    const ms = rules.map((r) => matchers.matcher(ctx, r));
    return (event) => (i) => verdictFor(ms[i]!, event, true);
  }
  const set = matchers.set(ctx, rules);
  return (event) => verdictsOn(set, event);
}

/** Is this value a lookup with its table inline, as tablesFor gives it (shape check of JSON from the network)? */
export function isThreadLookup(v: unknown): v is LookupSource {
  if (typeof v !== "object" || v === null) return false;
  const l = v as Partial<LookupSource>;
  const t = l.table;
  return typeof l.name === "string" && typeof t === "object" && t !== null && Array.isArray(t.fields) && Array.isArray(t.rows);
}
