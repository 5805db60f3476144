/** Finding things in a loaded Catalog (pure, browser-safe). */
import type { Analytic, Catalog, MacroDefinition, Story } from "./types";

export interface CatalogIndex {
  analytic(slugOrId: string): Analytic | undefined;
  /** By slug, id or exact name (story names are what detections cite in `tags.analytic_story`). */
  story(slugIdOrName: string): Story | undefined;
  /** By name, or `name(n)` for a macro with n arguments. */
  macro(nameOrKey: string, argCount?: number): MacroDefinition | undefined;
  /** Analytics that cite a story by name (`tags.analytic_story`), exactly or ignoring case, in catalog order. */
  analyticsInStory(storyName: string): Analytic[];
}

const INDEXES = new WeakMap<Catalog, CatalogIndex>();

const storyKey = (name: string) => name.trim().toLowerCase();

/** Builds (once per catalog object) lookup maps over slugs, ids and names. */
export function indexCatalog(catalog: Catalog): CatalogIndex {
  const cached = INDEXES.get(catalog);
  if (cached) return cached;
  const analytics = new Map<string, Analytic>();
  for (const a of catalog.analytics) {
    if (!analytics.has(a.slug)) analytics.set(a.slug, a);
    if (a.id && !analytics.has(a.id.toLowerCase())) analytics.set(a.id.toLowerCase(), a);
  }
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
  const index: CatalogIndex = {
    analytic: (k) => analytics.get(k) ?? analytics.get(k.trim().toLowerCase()),
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
