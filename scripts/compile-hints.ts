/**
 * Marks the browser's script chunks of a `next build` for eager compilation (V8's explicit compile
 * hints, Chrome 136+): `//# allFunctionsCalledOnLoad` on a chunk's first line makes V8 compile every
 * function of it while the script streams in, on a background thread, instead of compiling each
 * function on the main thread the first time it is called. Next.js and React starting is what keeps
 * a phone's main thread busy on every page of the console (bench/README.md, issue 16), and nearly
 * all of that code is called while a page boots; the chunks loaded later (the tester's result
 * views) are loaded to be run at once. Browsers without the hint read a comment.
 * https://v8.dev/blog/explicit-compile-hints
 *
 * `npm run build` runs this after `next build` (postbuild). It leaves out the legacy polyfills
 * (`noModule`: never run by a browser that knows the hint), is idempotent, writes each file anew
 * rather than in place (node_modules and builds may be hard links in worktrees), and shifts the
 * chunk's source map (the file its `sourceMappingURL` names), when there is one, by the line it adds.
 *
 * Usage: node --import tsx scripts/compile-hints.ts [NEXT_DIR]   (default .next)
 */
import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const COMPILE_HINT = "//# allFunctionsCalledOnLoad";

/** The chunk's source with the hint on its first line; unchanged if it already has it. */
export function withCompileHint(source: string): string {
  return source.startsWith(COMPILE_HINT + "\n") ? source : `${COMPILE_HINT}\n${source}`;
}

/**
 * A source map (JSON text) moved down one generated line: a plain map gets an empty first line in
 * its mappings, an index map's sections each start one line later.
 */
export function shiftSourceMap(json: string): string {
  const map = JSON.parse(json) as { mappings?: unknown; sections?: { offset?: { line?: number; column?: number } }[] };
  if (Array.isArray(map.sections)) {
    for (const s of map.sections) s.offset = { line: (s.offset?.line ?? 0) + 1, column: s.offset?.column ?? 0 };
  } else if (typeof map.mappings === "string") {
    map.mappings = ";" + map.mappings;
  } else {
    throw new Error("not a source map: no mappings and no sections");
  }
  return JSON.stringify(map);
}

function rewrite(file: string, text: string): void {
  rmSync(file, { force: true });
  writeFileSync(file, text);
}

/** The source map a chunk names in its last `sourceMappingURL` comment (Turbopack's has its own hash), if on disk. */
function sourceMapOf(file: string, source: string): string | undefined {
  const ref = /\/\/# sourceMappingURL=(\S+)\s*$/.exec(source)?.[1];
  if (!ref || ref.includes(":")) return undefined;
  const map = path.join(path.dirname(file), decodeURIComponent(ref));
  return existsSync(map) ? map : undefined;
}

function* scripts(dir: string): Generator<string> {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* scripts(full);
    else if (entry.name.endsWith(".js")) yield full;
  }
}

/** Adds the hint to every script chunk under NEXT_DIR/static but the polyfills; returns counts. */
export function addCompileHints(nextDir: string): { hinted: number; maps: number; skipped: number } {
  const manifest = JSON.parse(readFileSync(path.join(nextDir, "build-manifest.json"), "utf8")) as { polyfillFiles?: string[] };
  const skip = new Set((manifest.polyfillFiles ?? []).map((f) => path.join(nextDir, f)));
  const shifted = new Set<string>();
  let hinted = 0;
  let maps = 0;
  for (const file of scripts(path.join(nextDir, "static"))) {
    if (skip.has(file)) continue;
    const source = readFileSync(file, "utf8");
    const next = withCompileHint(source);
    if (next === source) continue;
    rewrite(file, next);
    hinted++;
    const map = sourceMapOf(file, source);
    if (map && !shifted.has(map)) {
      rewrite(map, shiftSourceMap(readFileSync(map, "utf8")));
      shifted.add(map);
      maps++;
    }
  }
  return { hinted, maps, skipped: skip.size };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
  const nextDir = path.resolve(root, process.argv[2] ?? ".next");
  const { hinted, maps, skipped } = addCompileHints(nextDir);
  console.log(`compile hints: ${hinted} chunks marked for eager compilation (${maps} source maps shifted; ${skipped} polyfill chunk left alone)`);
}
