/**
 * Content for the CLI: load a security_content-style folder, pick analytics by id or slug, and
 * compile each analytic's search once. Errors are values with one-line messages.
 */
import path from "node:path";
import { loadCatalog } from "../lib/content/load";
import type { Analytic, Catalog, MacroDefinition } from "../lib/content/types";
import { compileSearch, indexMacros, type CompiledSearch } from "../lib/spl/index";

/** The built-in content folder (the repository's `content/`). */
export const BUILTIN_CONTENT = path.resolve(import.meta.dirname, "../content");

/** `--content`, else `$CONTENT_DIR`, else the built-in content. */
export function contentDir(option: string | undefined, env: Record<string, string | undefined>): string {
  return option ?? (env.CONTENT_DIR && env.CONTENT_DIR.trim() !== "" ? env.CONTENT_DIR : BUILTIN_CONTENT);
}

export type ContentResult = { ok: true; catalog: Catalog } | { ok: false; error: string };

export async function openContent(dir: string): Promise<ContentResult> {
  try {
    const catalog = await loadCatalog(dir);
    const fatal = catalog.problems.find((p) => p.file === "." && p.severity === "error");
    if (fatal) return { ok: false, error: fatal.message };
    if (catalog.analytics.length === 0) {
      return { ok: false, error: `no detections found in ${path.resolve(dir)} (expected detections/**/*.yml)` };
    }
    return { ok: true, catalog };
  } catch (e) {
    return { ok: false, error: `cannot load content from ${dir}: ${e instanceof Error ? e.message : String(e)}` };
  }
}

export type Selection = { ok: true; analytics: Analytic[] } | { ok: false; error: string };

/**
 * The analytics named by `wanted` (ids, case-insensitive, or file slugs), in catalog order,
 * each once; every analytic when `wanted` is empty.
 */
export function selectAnalytics(catalog: Catalog, wanted: readonly string[]): Selection {
  if (wanted.length === 0) return { ok: true, analytics: catalog.analytics };
  const chosen = new Set<Analytic>();
  for (const w of wanted) {
    const key = w.trim().toLowerCase();
    const hit =
      catalog.analytics.find((a) => a.id.toLowerCase() === key) ??
      catalog.analytics.find((a) => a.slug === w.trim()) ??
      catalog.analytics.find((a) => a.slug.toLowerCase() === key);
    if (!hit) return { ok: false, error: `unknown analytic "${w}": give an analytic id or its file name without .yml (\`coverage\` lists them)` };
    chosen.add(hit);
  }
  return { ok: true, analytics: catalog.analytics.filter((a) => chosen.has(a)) };
}

export interface CompiledAnalytic {
  analytic: Analytic;
  compiled: CompiledSearch;
}

/** Compiles every analytic once, with the macro table indexed once. */
export function compileAll(analytics: readonly Analytic[], macros: MacroDefinition[]): CompiledAnalytic[] {
  const index = indexMacros(macros);
  return analytics.map((analytic) => ({ analytic, compiled: compileSearch(analytic.search, { macros: index }) }));
}
