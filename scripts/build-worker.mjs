#!/usr/bin/env node
/**
 * Bundles the API's evaluation worker (lib/server/evaluation-worker.ts and the SPL engine it
 * runs) into one ES module with esbuild, at node_modules/.cache/detection-console/ (git-ignored,
 * untouched by `next build`). `npm run build` runs this first (prebuild); without the bundle the
 * server falls back to running the TypeScript source through tsx.
 * Usage: node scripts/build-worker.mjs [OUTFILE]
 */
import { build } from "esbuild";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const outfile = path.resolve(root, process.argv[2] ?? "node_modules/.cache/detection-console/evaluation-worker.mjs");
mkdirSync(path.dirname(outfile), { recursive: true });
// A new file, never a rewrite in place: a node_modules copied with hard links (worktrees) must not
// see another checkout's worker change under it.
rmSync(outfile, { force: true });
const started = Date.now();
const result = await build({
  entryPoints: [path.join(root, "lib/server/evaluation-worker.ts")],
  outfile,
  bundle: true,
  platform: "node",
  format: "esm",
  target: "node20",
  logLevel: "warning",
  metafile: true,
  legalComments: "none",
  banner: { js: "// Built by scripts/build-worker.mjs: do not edit.\nimport { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
const bytes = Object.values(result.metafile.outputs).reduce((n, o) => n + o.bytes, 0);
console.log(`evaluation worker: ${path.relative(root, outfile)} (${(bytes / 1024).toFixed(0)} KiB, ${Date.now() - started} ms)`);
