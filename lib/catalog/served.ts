/**
 * The catalog index as the server serves it (Node only): built, encoded and hashed once per
 * content load. The hash is the content version in the index's immutable URL
 * (`/catalog-index/<version>`), so a browser fetches it once and a new catalog gets a new URL.
 */
import { createHash } from "node:crypto";
import type { Analytic, Story } from "../content/types";
import { catalogIndexFor, type CatalogIndex } from "./build";
import { encodeCatalogIndex } from "./compact";
import type { TacticInfo } from "./types";

export interface ServedIndex {
  index: CatalogIndex;
  version: string;
  json: string;
}

const memo = new WeakMap<readonly Analytic[], ServedIndex>();

export function servedCatalogIndex(analytics: readonly Analytic[], tacticsInOrder: readonly TacticInfo[]): ServedIndex {
  let served = memo.get(analytics);
  if (!served) {
    const index = catalogIndexFor(analytics, tacticsInOrder);
    const json = JSON.stringify(encodeCatalogIndex(index));
    const version = createHash("sha256").update(json).digest("base64url").slice(0, 16);
    served = { index, version, json };
    memo.set(analytics, served);
  }
  return served;
}

/** Where the browser fetches the index of this version, and asks which entries match a text. */
export const catalogIndexPath = (version: string) => `/catalog-index/${version}`;
export const catalogSearchPath = (version: string, q: string) => `/catalog-index/${version}/search?q=${encodeURIComponent(q)}`;

export interface ServedStoryTexts {
  version: string;
  json: string;
}

const storyMemo = new WeakMap<readonly Story[], ServedStoryTexts>();

/** Every story's full description by slug, for the /stories filter (`/story-texts/<version>`, immutable). */
export function servedStoryTexts(stories: readonly Story[]): ServedStoryTexts {
  let served = storyMemo.get(stories);
  if (!served) {
    const json = JSON.stringify(Object.fromEntries(stories.map((s) => [s.slug, s.description])));
    served = { version: createHash("sha256").update(json).digest("base64url").slice(0, 16), json };
    storyMemo.set(stories, served);
  }
  return served;
}

export const storyTextsPath = (version: string) => `/story-texts/${version}`;
