/**
 * Runs once when the server starts (Next.js instrumentation hook): load the catalog and build the
 * tester's payloads in the background (the catalog compiled once, in slices), so the first
 * visitor of /test finds the engine ready. Failures only log: every route loads on demand anyway.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { getCatalog } = await import("./lib/content/server");
  const { warmTesterPayloads } = await import("./lib/server/tester-payloads");
  getCatalog()
    .then((catalog) => warmTesterPayloads(catalog))
    .catch((e: unknown) => console.error("warming the catalog failed:", e));
}
