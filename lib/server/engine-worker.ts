/**
 * The tester's browser worker as one script (scripts/build-worker.mjs bundles it at build time):
 * served at `/engine-worker/<hash>.js`, immutable, and named by every page in
 * `<meta name="engine-worker">` (components/tester/engine-client.ts starts it from there). Only in
 * production: in development, or when the bundle was not built, pages name nothing and the tester
 * starts the bundler's own worker, so a stale bundle never hides a change.
 */
import { readFileSync } from "node:fs";
import path from "node:path";
import { IMMUTABLE } from "./immutable";

export const ENGINE_WORKER_BUNDLE = "node_modules/.cache/detection-console/engine-worker.js";

interface Bundle {
  hash: string;
  code: Uint8Array;
}

let loaded: Bundle | null | undefined;

/** The bundle and its hash (read once per process), or null when there is none to serve. */
export function engineWorkerBundle(root = process.cwd(), env: Record<string, string | undefined> = process.env): Bundle | null {
  if (env.NODE_ENV !== "production") return null;
  if (loaded !== undefined) return loaded;
  try {
    const file = path.resolve(root, ENGINE_WORKER_BUNDLE);
    const hash = readFileSync(/*turbopackIgnore: true*/ `${file}.sha256`, "utf8").trim().slice(0, 16);
    loaded = /^[0-9a-f]{16}$/.test(hash) ? { hash, code: readFileSync(/*turbopackIgnore: true*/ file) } : null;
  } catch {
    loaded = null;
  }
  return loaded;
}

/** Where pages find the worker script (null: the tester uses the bundler's worker). */
export function engineWorkerUrl(): string | null {
  const b = engineWorkerBundle();
  return b ? `/engine-worker/${b.hash}.js` : null;
}

/** The response for `/engine-worker/<file>`: the script under its current hash, else a 404. */
export function engineWorkerResponse(file: string, bundle = engineWorkerBundle()): Response {
  if (!bundle || file !== `${bundle.hash}.js`) return Response.json({ error: "no such worker script" }, { status: 404 });
  return new Response(bundle.code as BodyInit, {
    headers: { "content-type": "text/javascript; charset=utf-8", "cache-control": IMMUTABLE, etag: `"${bundle.hash}"` },
  });
}
