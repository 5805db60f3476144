/**
 * Start `next start` (the existing build) on a free loopback port with a given CONTENT_DIR, for
 * e2e tests and benchmarks that need a server of their own. Stopping kills the whole process
 * group: `next start` leaves a `next-server` child that would otherwise keep the port.
 */
import { spawn } from "node:child_process";
import { createServer } from "node:net";
import { resolve } from "node:path";

const ROOT = resolve(import.meta.dirname, "..");

export interface NextServer {
  url: string;
  /** The process group of the server (`next start` and its children). */
  pid: number;
  stop(): void;
}

export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const s = createServer();
    s.once("error", fail);
    s.listen(0, "127.0.0.1", () => {
      const a = s.address();
      const port = typeof a === "object" && a ? a.port : 0;
      s.close(() => done(port));
    });
  });
}

/** Resolves once `readyPath` answers 200; throws (after stopping it) when the server does not come up. */
export async function startNextServer(options: { contentDir?: string; readyPath?: string; timeoutMs?: number } = {}): Promise<NextServer> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child = spawn(resolve(ROOT, "node_modules/.bin/next"), ["start", "-H", "127.0.0.1", "-p", String(port)], {
    cwd: ROOT,
    env: { ...process.env, CONTENT_DIR: options.contentDir ?? "", NODE_ENV: "production" },
    stdio: "ignore",
    detached: true,
  });
  const stop = () => {
    if (child.pid === undefined || child.exitCode !== null) return;
    try {
      process.kill(-child.pid, "SIGTERM");
    } catch {
      /* already gone */
    }
  };
  const until = Date.now() + (options.timeoutMs ?? 90_000);
  while (Date.now() < until && child.exitCode === null) {
    try {
      if ((await fetch(`${url}${options.readyPath ?? "/api/analytics"}`)).ok) return { url, pid: child.pid!, stop };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  stop();
  throw new Error(`next start on ${url} did not come up (is there a build? run npm run build)`);
}
