/**
 * Content for the CLI: load a security_content-style folder and pick analytics by id or slug
 * (through lib/engine, which the HTTP API shares). Errors are values with one-line messages.
 */
import path from "node:path";
import { loadCatalog } from "../lib/content/load";
import type { Analytic, Catalog } from "../lib/content/types";
import { selectAnalytics } from "../lib/content/find";

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
 * `--analytic` values → analytics, as lib/content `selectAnalytics` picks them (catalog order,
 * each once, all when none given); the CLI's message also points at `coverage`.
 */
export function chooseAnalytics(catalog: Catalog, wanted: readonly string[]): Selection {
  const chosen = selectAnalytics(catalog, wanted);
  return chosen.ok ? chosen : { ok: false, error: `${chosen.error} (\`coverage\` lists them)` };
}

/** One `--analytic` value → that analytic (the commands that judge one: run, explain, evade, export). */
export function chooseOne(catalog: Catalog, id: string): { ok: true; analytic: Analytic } | { ok: false; error: string } {
  const chosen = chooseAnalytics(catalog, [id]);
  if (!chosen.ok) return chosen;
  const [analytic] = chosen.analytics;
  return analytic ? { ok: true, analytic } : { ok: false, error: `unknown analytic "${id}"` };
}
