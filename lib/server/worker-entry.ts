/**
 * Where the evaluation worker's code is: the esbuild bundle made by scripts/build-worker.mjs
 * (`npm run build` runs it first), else the TypeScript source run through tsx (development and
 * tests). `DC_EVAL_WORKER` overrides the bundle's path.
 */
import { existsSync } from "node:fs";
import path from "node:path";

/** The bundle's default place: git-ignored, and kept by `next build`. */
export const WORKER_BUNDLE = "node_modules/.cache/detection-console/evaluation-worker.mjs";
export const WORKER_SOURCE = "lib/server/evaluation-worker.ts";

export interface WorkerEntry {
  kind: "bundle" | "source";
  /** The bundle, or the TypeScript source. */
  file: string;
  /** The root the source fallback resolves tsx from. */
  root: string;
}

/**
 * A worker's code: the bundle's path, or (source) a CommonJS snippet that registers tsx's
 * require hook in the worker and loads the TypeScript source. (Node 20 does not apply
 * `--import tsx` from a worker's execArgv to the worker's entry module.)
 */
export function workerScript(entry: WorkerEntry): { script: string; eval: boolean } {
  if (entry.kind === "bundle") return { script: entry.file, eval: false };
  const code = [
    `const tsx = require(require.resolve("tsx/cjs/api", { paths: [${JSON.stringify(entry.root)}] }));`,
    "tsx.register();",
    `require(${JSON.stringify(entry.file)});`,
  ].join("\n");
  return { script: code, eval: true };
}

/**
 * In production the bundle comes first (the source is the fallback); elsewhere (development,
 * unit tests) the source comes first, so a stale bundle never hides a change.
 */
export function findWorkerEntry(root = process.cwd(), env: Record<string, string | undefined> = process.env): WorkerEntry | { error: string } {
  const override = env.DC_EVAL_WORKER?.trim();
  const bundle = path.resolve(root, override || WORKER_BUNDLE);
  const source = path.resolve(root, WORKER_SOURCE);
  const hasSource = existsSync(/*turbopackIgnore: true*/ source) && existsSync(/*turbopackIgnore: true*/ path.resolve(root, "node_modules/tsx/package.json"));
  const hasBundle = existsSync(/*turbopackIgnore: true*/ bundle);
  const preferBundle = env.NODE_ENV === "production" || Boolean(override);
  if (hasBundle && (preferBundle || !hasSource)) return { kind: "bundle", file: bundle, root };
  if (hasSource) return { kind: "source", file: source, root };
  return { error: `the evaluation worker is not built (${bundle} is missing): run \`node scripts/build-worker.mjs\` or \`npm run build\`` };
}
