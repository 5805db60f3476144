/**
 * The worker EngineBoot.tsx started from the page's HTML, with the load it was sent: taken once by
 * the first engine client (engine-client.ts), so the catalog is not fetched twice.
 */
import type { ToWorker } from "@/lib/tester/protocol";

export const BOOT_GLOBAL = "__detectionConsoleEngine";

export interface Booted {
  worker: Worker;
  load: Extract<ToWorker, { type: "load" }>;
}

export function takeBootedWorker(): Booted | undefined {
  if (typeof window === "undefined") return undefined;
  const g = window as unknown as Record<string, Booted | undefined>;
  const b = g[BOOT_GLOBAL];
  g[BOOT_GLOBAL] = undefined;
  return b && typeof b.worker?.postMessage === "function" ? b : undefined;
}
