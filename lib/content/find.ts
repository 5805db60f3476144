/**
 * Finding things in loaded content (pure, browser-safe): the one place an analytic is found by
 * id or slug, a story by slug, id or name, a macro by name and arity.
 */
import type { Analytic, Catalog, MacroDefinition, Story } from "./types";

export interface ContentIndex {
  analytic(slugOrId: string): Analytic | undefined;
  /** By slug, id or exact name (story names are what detections cite in `tags.analytic_story`). */
  story(slugIdOrName: string): Story | undefined;
  /** By name, or `name(n)` for a macro with n arguments. */
  macro(nameOrKey: string, argCount?: number): MacroDefinition | undefined;
  /** Analytics that cite a story by name (`tags.analytic_story`), exactly or ignoring case, in catalog order. */
  analyticsInStory(storyName: string): Analytic[];
}

const INDEXES = new WeakMap<Catalog, ContentIndex>();

const storyKey = (name: string) => name.trim().toLowerCase();

/** Builds (once per catalog object) lookup maps over slugs, ids and names. */
export function indexContent(catalog: Catalog): ContentIndex {
  const cached = INDEXES.get(catalog);
  if (cached) return cached;
  const stories = new Map<string, Story>();
  for (const s of catalog.stories) {
    for (const k of [s.slug, s.id?.toLowerCase(), s.name, s.name.toLowerCase()]) if (k && !stories.has(k)) stories.set(k, s);
  }
  const macros = new Map<string, MacroDefinition>();
  for (const m of catalog.macros) {
    const key = macroKey(m);
    if (!macros.has(key)) macros.set(key, m);
  }
  const byStory = new Map<string, Analytic[]>();
  for (const a of catalog.analytics) {
    for (const name of new Set(a.analyticStories.map(storyKey))) {
      const list = byStory.get(name) ?? [];
      list.push(a);
      byStory.set(name, list);
    }
  }
  const index: ContentIndex = {
    analytic: (k) => findAnalytic(catalog, k),
    story: (k) => stories.get(k) ?? stories.get(k.trim().toLowerCase()),
    macro: (k, n) => (n === undefined ? macros.get(k) : macros.get(n === 0 ? k : `${k}(${n})`)),
    analyticsInStory: (name) => byStory.get(storyKey(name)) ?? [],
  };
  INDEXES.set(catalog, index);
  return index;
}

/** Map key for a macro: `name` for a plain macro, `name(n)` for one with n arguments (Splunk's convention). */
function macroKey(def: Pick<MacroDefinition, "name" | "args">): string {
  return def.args.length === 0 ? def.name : `${def.name}(${def.args.length})`;
}

/** What finding analytics needs of them. */
export interface Findable {
  id: string;
  slug: string;
}

interface AnalyticKeys<A extends Findable> {
  byId: Map<string, A>;
  bySlug: Map<string, A>;
  bySlugFolded: Map<string, A>;
}
const KEYS = new WeakMap<readonly Findable[], AnalyticKeys<Findable>>();

function keysOf<A extends Findable>(analytics: readonly A[]): AnalyticKeys<A> {
  let k = KEYS.get(analytics) as AnalyticKeys<A> | undefined;
  if (!k) {
    k = { byId: new Map(), bySlug: new Map(), bySlugFolded: new Map() };
    for (const a of analytics) {
      if (a.id && !k.byId.has(a.id.toLowerCase())) k.byId.set(a.id.toLowerCase(), a);
      if (!k.bySlug.has(a.slug)) k.bySlug.set(a.slug, a);
      if (!k.bySlugFolded.has(a.slug.toLowerCase())) k.bySlugFolded.set(a.slug.toLowerCase(), a);
    }
    KEYS.set(analytics, k as AnalyticKeys<Findable>);
  }
  return k;
}

/** One analytic by id (case-insensitive), else by slug (exact, then case-insensitive). */
export function findAnalytic<A extends Findable>(catalog: { analytics: readonly A[] }, idOrSlug: string): A | undefined {
  const w = typeof idOrSlug === "string" ? idOrSlug.trim() : "";
  if (w === "") return undefined;
  const k = keysOf(catalog.analytics);
  const folded = w.toLowerCase();
  return k.byId.get(folded) ?? k.bySlug.get(w) ?? k.bySlugFolded.get(folded);
}

/**
 * The analytics named by `wanted` (ids or slugs, as findAnalytic reads them), in catalog order,
 * each once; every analytic when `wanted` is empty or absent.
 */
export function selectAnalytics<A extends Findable>(
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
