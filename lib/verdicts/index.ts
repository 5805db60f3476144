/**
 * "Evaluate these events against these analytics": the one module the HTTP API, the test-case
 * runner and (ideally) the CLI share, so they give the same verdicts by construction.
 * Pure TypeScript (no Node built-ins, no DOM); nothing here throws.
 *
 * Each analytic is compiled at most once per catalog object: the compiled searches live in a
 * WeakMap keyed by the catalog, so a reloaded catalog starts afresh and an old one is collected.
 */
import { eventFromCim, eventFromCommandLine, unknownFields, type ParsedEvent } from "../events/index";
import type { MacroDefinition } from "../content/types";
import { compileSearch, indexMacros, searchSet, type SearchSet } from "../spl/index";
import type { CompiledSearch, EventInput, EventVerdict, StageTrace, Verdict } from "../spl/api";

/** What this module needs of an analytic (an `Analytic` from lib/content satisfies it). */
export interface AnalyticSource {
  id: string;
  slug: string;
  name: string;
  search: string;
}

/** What this module needs of a catalog (a `Catalog` from lib/content satisfies it). */
export interface VerdictCatalog {
  analytics: readonly AnalyticSource[];
  macros: readonly MacroDefinition[];
}

interface CatalogCache {
  macros: ReturnType<typeof indexMacros>;
  compiled: Map<AnalyticSource, CompiledSearch>;
}

const CACHE = new WeakMap<object, CatalogCache>();

function cacheFor(catalog: VerdictCatalog): CatalogCache {
  let entry = CACHE.get(catalog);
  if (!entry) {
    entry = { macros: indexMacros([...catalog.macros]), compiled: new Map() };
    CACHE.set(catalog, entry);
  }
  return entry;
}

/** The analytic's compiled search, compiled on first use and cached for this catalog object. */
export function compiledFor(catalog: VerdictCatalog, analytic: AnalyticSource): CompiledSearch {
  const entry = cacheFor(catalog);
  let c = entry.compiled.get(analytic);
  if (!c) {
    c = compileSearch(analytic.search, { macros: entry.macros });
    entry.compiled.set(analytic, c);
  }
  return c;
}

/**
 * The analytics named by `wanted` (ids case-insensitively, or file slugs), in catalog order,
 * each once; every analytic when `wanted` is empty or absent.
 */
export function selectAnalytics<A extends AnalyticSource>(
  catalog: { analytics: readonly A[] },
  wanted: readonly string[] | undefined,
): { ok: true; analytics: A[] } | { ok: false; unknown: string; error: string } {
  if (!wanted || wanted.length === 0) return { ok: true, analytics: [...catalog.analytics] };
  const chosen = new Set<A>();
  for (const w of wanted) {
    const hit = findAnalytic(catalog, w);
    if (!hit) return { ok: false, unknown: w, error: `unknown analytic "${w}": give an analytic id or its file name without .yml` };
    chosen.add(hit);
  }
  return { ok: true, analytics: catalog.analytics.filter((a) => chosen.has(a)) };
}

/** One analytic by id (case-insensitive) or slug (exact, then case-insensitive). */
export function findAnalytic<A extends AnalyticSource>(catalog: { analytics: readonly A[] }, idOrSlug: string): A | undefined {
  const w = typeof idOrSlug === "string" ? idOrSlug.trim() : "";
  if (w === "") return undefined;
  const key = w.toLowerCase();
  return (
    catalog.analytics.find((a) => a.id.toLowerCase() === key) ??
    catalog.analytics.find((a) => a.slug === w) ??
    catalog.analytics.find((a) => a.slug.toLowerCase() === key)
  );
}

/** What the engine needs of a parsed event; fields the input could not know are `unknown`. */
export function toEventInput(e: ParsedEvent): EventInput {
  return { dataset: e.dataset, fields: e.fields, unknown: unknownFields(e) };
}

function describe(v: unknown): string {
  if (v === null) return "null";
  if (Array.isArray(v)) return "an array";
  return `a ${typeof v}`;
}

/**
 * One decoded JSON value → an event: a string is a raw command line; an object holds CIM fields
 * (plain or `Processes.`-prefixed) or a Sysmon 1 / Security 4688 event with its own field names.
 */
export function eventFromValue(value: unknown, line = 1): { event: EventInput } | { error: string } {
  if (typeof value === "string") {
    if (value.trim() === "") return { error: "the command line is empty" };
    return { event: toEventInput(eventFromCommandLine(value, line)) };
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    return { error: `expected a JSON object of CIM fields or a JSON string holding a command line, got ${describe(value)}` };
  }
  const parsed = eventFromCim(value as Record<string, unknown>, line);
  if ("problem" in parsed) return { error: parsed.problem };
  return { event: toEventInput(parsed) };
}

/** One (event, analytic) verdict as the API, the CLI and the test runner report it. */
export interface VerdictResult {
  verdict: Verdict;
  /** Why not testable (always set then); for no_match, the stage that dropped the event. */
  reason?: string;
  /** Unknown fields the verdict depends on. */
  hingesOn?: string[];
  /** The clause-by-clause trace, when asked for. */
  trace?: StageTrace[];
}

function fromEngine(v: EventVerdict): VerdictResult {
  const out: VerdictResult = { verdict: v.verdict };
  if (v.verdict === "not_testable") out.reason = v.reason ?? "not testable";
  else if (v.reason) out.reason = v.reason;
  if (v.hingesOn && v.hingesOn.length > 0) out.hingesOn = [...v.hingesOn];
  return out;
}

/** The verdict of one compiled search on one event (on its own). Never throws. */
export function verdictFor(compiled: CompiledSearch, event: EventInput, explain = false): VerdictResult {
  try {
    if (!explain) return fromEngine(compiled.evaluate(event));
    const ex = compiled.explain(event);
    return { ...fromEngine(ex), trace: ex.stages };
  } catch (e) {
    return internalError(e);
  }
}

/**
 * The analytics as one SearchSet (each compiled once per catalog): every analytic's verdict on an
 * event for the price of the few it could match (see lib/spl/search-set.ts).
 */
export function searchSetFor(catalog: VerdictCatalog, analytics: readonly AnalyticSource[]): SearchSet {
  return searchSet(analytics.map((a) => compiledFor(catalog, a)));
}

/**
 * One event against every analytic of a set: `verdictsOn(set, event)(i)` is analytic i's verdict,
 * as verdictFor gives it. Answers until the set is asked about another event. Never throws.
 */
export function verdictsOn(set: SearchSet, event: EventInput): (i: number) => VerdictResult {
  let verdictOf: (i: number) => EventVerdict;
  try {
    verdictOf = set.forEvent(event);
  } catch (e) {
    const failed = internalError(e);
    return () => failed;
  }
  return (i) => {
    try {
      return fromEngine(verdictOf(i));
    } catch (e) {
      return internalError(e);
    }
  };
}

/**
 * How the CLI and the API ask a list of analytics about events: `ask(event)(i)` is analytics[i]'s
 * verdict on the event. With a trace, each analytic explains itself; without, one SearchSet
 * answers (see verdictsOn). Every analytic is compiled here, once per catalog.
 */
export function pairVerdicts(catalog: VerdictCatalog, analytics: readonly AnalyticSource[], explain: boolean): (event: EventInput) => (i: number) => VerdictResult {
  if (explain) {
    const compiled = analytics.map((a) => compiledFor(catalog, a));
    return (event) => (i) => verdictFor(compiled[i]!, event, true);
  }
  const set = searchSetFor(catalog, analytics);
  return (event) => verdictsOn(set, event);
}

function internalError(e: unknown): VerdictResult {
  return { verdict: "not_testable", reason: `internal error: ${e instanceof Error ? e.message : String(e)}` };
}
