/**
 * The catalog for the server and the CLI (Node only; do not import from client components).
 * `CONTENT_DIR` (absolute, or relative to the working directory) selects a security_content
 * checkout; unset or empty means the repository's built-in `content/` folder. Loaded once per
 * process and directory; concurrent callers share one load.
 */
import path from "node:path";
import { loadCatalog } from "./load";
import { indexContent } from "./find";
import type { Analytic, Catalog, Story } from "./types";

const BUILT_IN = "content";
const cache: Map<string, Promise<Catalog>> = ((globalThis as { __detectionConsoleCatalogs?: Map<string, Promise<Catalog>> }).__detectionConsoleCatalogs ??= new Map());

/** The content directory this process reads, as given (`content` for the built-in one). */
export function contentDir(): string {
  const fromEnv = process.env.CONTENT_DIR?.trim();
  return fromEnv ? fromEnv : BUILT_IN;
}

export function getCatalog(): Promise<Catalog> {
  const dir = contentDir();
  const key = path.resolve(dir);
  let pending = cache.get(key);
  if (!pending) {
    pending = loadCatalog(dir);
    cache.set(key, pending);
  }
  return pending;
}

/** By slug (file name without `.yml`) or by id (case-insensitive). */
export async function getAnalytic(slugOrId: string): Promise<Analytic | undefined> {
  return indexContent(await getCatalog()).analytic(slugOrId);
}

/** By slug, id or exact name. */
export async function getStory(slug: string): Promise<Story | undefined> {
  return indexContent(await getCatalog()).story(slug);
}

/** Forgets loaded catalogs (tests, or after the content on disk changed). */
export function clearCatalogCache(): void {
  cache.clear();
}
