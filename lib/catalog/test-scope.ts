/**
 * `/test` scoped to part of the catalog, from the URL: `?data_source=<slug>`, `?story=<slug>`,
 * `?technique=T1021.002` (with its sub-techniques) or `?tactic=lateral-movement`. One table of
 * scopes: each resolves its parameter to a name, a page to link and the analytics it holds.
 */
import { getTechnique, normaliseTechniqueId, tactics } from "../attack/index";
import { dataSourceSlug } from "../content/data-source";
import { indexContent } from "../content/find";
import type { Analytic, Catalog } from "../content/types";
import { analyticsReading, findDataSource } from "./data-sources";

export interface TestScope {
  /** The URL parameter, e.g. `story`. */
  param: string;
  value: string;
  /** "the 35 analytics <phrase> <name>": `that read`, `of the story`… */
  phrase: string;
  name: string;
  /** The page of what the scope names, when the console has one. */
  href?: string;
  ids: string[];
}

type Found = { value: string; phrase: string; name: string; href?: string; analytics: readonly Analytic[] };

const citesTechnique = (a: Analytic, id: string) => a.attack.some((t) => [t.id, t.resolvedId].some((x) => x !== undefined && (normaliseTechniqueId(x) === id || normaliseTechniqueId(x).startsWith(`${id}.`))));

const SCOPES: { param: string; find(catalog: Catalog, value: string): Found | undefined }[] = [
  {
    param: "data_source",
    find(catalog, value) {
      const ds = findDataSource(catalog, value);
      if (!ds) return undefined;
      const slug = dataSourceSlug(ds);
      return { value: slug, phrase: "that read", name: ds.name, href: `/data-sources/${encodeURIComponent(slug)}`, analytics: analyticsReading(catalog, ds.name) };
    },
  },
  {
    param: "story",
    find(catalog, value) {
      const story = indexContent(catalog).story(value);
      if (!story) return undefined;
      return { value: story.slug, phrase: "of the story", name: story.name, href: `/stories/${encodeURIComponent(story.slug)}`, analytics: indexContent(catalog).analyticsInStory(story.name) };
    },
  },
  {
    param: "technique",
    find(catalog, value) {
      const id = normaliseTechniqueId(value);
      if (!/^T\d{4}(\.\d{3})?$/.test(id)) return undefined;
      const t = getTechnique(id);
      const sub = id.includes(".") ? "" : " (and its sub-techniques)";
      return { value: id, phrase: "mapped to", name: `${id}${t ? ` ${t.name}` : ""}${sub}`, href: `/attack#${id}`, analytics: catalog.analytics.filter((a) => citesTechnique(a, id)) };
    },
  },
  {
    param: "tactic",
    find(catalog, value) {
      const v = value.trim().toLowerCase();
      const tactic = tactics().find((t) => t.shortname === v || t.name.toLowerCase() === v);
      if (!tactic) return undefined;
      return { value: tactic.shortname, phrase: "for the tactic", name: tactic.name, analytics: catalog.analytics.filter((a) => a.attack.some((t) => t.tactics.includes(tactic.shortname))) };
    },
  },
];

/** The parameters that scope /test, in the order they are tried. */
export const SCOPE_PARAMS: readonly string[] = SCOPES.map((s) => s.param);

/** The first scope the query names and the catalog holds; undefined for the whole catalog. */
export function testScope(catalog: Catalog, query: Readonly<Record<string, string | string[] | undefined>>): TestScope | undefined {
  for (const s of SCOPES) {
    const raw = query[s.param];
    if (typeof raw !== "string" || raw.trim() === "") continue;
    const found = s.find(catalog, raw);
    if (!found) continue;
    return { param: s.param, value: found.value, phrase: found.phrase, name: found.name, ...(found.href ? { href: found.href } : {}), ids: found.analytics.map((a) => a.id) };
  }
  return undefined;
}
