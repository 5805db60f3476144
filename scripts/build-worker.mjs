#!/usr/bin/env node
/**
 * Bundles the two engine workers with esbuild. First the API's evaluation worker (lib/server/evaluation-worker.ts and the SPL engine it
 * runs) into one ES module with esbuild, at node_modules/.cache/detection-console/ (git-ignored,
 * untouched by `next build`). `npm run build` runs this first (prebuild); without the bundle the
 * server falls back to running the TypeScript source through tsx.
 * Then the tester's browser worker (below). Usage: node scripts/build-worker.mjs [OUTFILE]
 */
import { build } from "esbuild";
import { createHash } from "node:crypto";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
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

// The tester's engine worker for the browser, as one classic script (Turbopack's worker is a chain
// of five chunks, each loaded by the one before: ~0.9 s before the worker could fetch anything).
// lib/server/engine-worker.ts serves it under its hash; pages name it in <meta name="engine-worker">.
const browserOut = path.resolve(root, "node_modules/.cache/detection-console/engine-worker.js");
const browserHash = `${browserOut}.sha256`;
rmSync(browserOut, { force: true });
rmSync(browserHash, { force: true });
const startedBrowser = Date.now();
const browserBuild = await build({
  entryPoints: [path.join(root, "components/tester/engine.worker.ts")],
  bundle: true,
  platform: "browser",
  format: "iife",
  target: "es2022",
  minify: true,
  legalComments: "none",
  logLevel: "warning",
  write: false,
  define: { "process.env.NODE_ENV": '"production"' },
});
const code = browserBuild.outputFiles[0].contents;
writeFileSync(browserOut, code);
writeFileSync(browserHash, createHash("sha256").update(code).digest("hex"));
console.log(`engine worker (browser): ${path.relative(root, browserOut)} (${(code.length / 1024).toFixed(0)} KiB, ${Date.now() - startedBrowser} ms)`);
