/**
 * Lighthouse (12.8, performance only) over every page of the console with the full catalog, mobile
 * and desktop presets, in Debian Chromium with the no-network flags of scripts/chromium.ts.
 * Prints, per page and preset: score (the median, and the lowest and highest run), TBT, LCP, FCP,
 * and the bytes the page fetched (HTML as served and uncompressed, JS and other data transferred),
 * with /about as the floor (a page with almost no data). A benchmark: it prints figures and asserts
 * nothing.
 *
 *   npm run build && node --import tsx bench/lighthouse.ts
 *   BASE_URL=http://127.0.0.1:3301 node --import tsx bench/lighthouse.ts   (a running full-catalog server)
 *   LH_RUNS=3 (median of 3 runs per page and preset), LH_PRESETS=mobile, LH_PAGES=/,/attack
 *
 * Without BASE_URL it starts `next start` on a free port with CONTENT_DIR = the full catalog
 * (bench/common.ts: ../shared/security_content or $SECURITY_CONTENT) and stops it at the end.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";
import { CHROMIUM_LAUNCH } from "../scripts/chromium";
import { freePort, startNextServer, type NextServer } from "../scripts/next-server";
import { SECURITY_CONTENT } from "./common";
import { pagesFrom } from "./pages";
import { median } from "./stats";

const PRESETS = (process.env.LH_PRESETS ?? "mobile,desktop").split(",") as ("mobile" | "desktop")[];
const RUNS = Math.max(1, Number(process.env.LH_RUNS) || 1);

interface Figures {
  score: number;
  tbt: number;
  lcp: number;
  fcp: number;
  htmlRaw: number;
  htmlWire: number;
  js: number;
  data: number;
}

interface NetworkItem {
  url: string;
  resourceType?: string;
  transferSize?: number;
  resourceSize?: number;
}

async function startChromium(): Promise<{ port: number; child: ChildProcess; profile: string }> {
  const port = await freePort();
  const profile = mkdtempSync(path.join(tmpdir(), "lh-profile-"));
  const child = spawn(
    CHROMIUM_LAUNCH.executablePath,
    [...CHROMIUM_LAUNCH.args, "--headless=new", `--remote-debugging-port=${port}`, `--user-data-dir=${profile}`, "about:blank"],
    { stdio: "ignore", detached: true },
  );
  const until = Date.now() + 20_000;
  while (Date.now() < until) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/json/version`)).ok) return { port, child, profile };
    } catch {
      /* not up yet */
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error("chromium did not open its debugging port");
}

async function measure(url: string, port: number, preset: "mobile" | "desktop"): Promise<Figures> {
  const flags = { port, output: "json" as const, logLevel: "error" as const, onlyCategories: ["performance"] };
  const result = await lighthouse(url, flags, preset === "desktop" ? desktopConfig : undefined);
  if (!result) throw new Error(`lighthouse gave no result for ${url}`);
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`${url}: ${lhr.runtimeError.message}`);
  const num = (id: string) => lhr.audits[id]?.numericValue ?? NaN;
  const items = ((lhr.audits["network-requests"]?.details as { items?: NetworkItem[] } | undefined)?.items ?? []) as NetworkItem[];
  const doc = items.find((i) => i.resourceType === "Document");
  const sum = (pick: (i: NetworkItem) => boolean) => items.filter(pick).reduce((n, i) => n + (i.transferSize ?? 0), 0);
  return {
    score: lhr.categories.performance?.score ?? NaN,
    tbt: num("total-blocking-time"),
    lcp: num("largest-contentful-paint"),
    fcp: num("first-contentful-paint"),
    htmlRaw: doc?.resourceSize ?? NaN,
    htmlWire: doc?.transferSize ?? NaN,
    js: sum((i) => i.resourceType === "Script"),
    data: sum((i) => i.resourceType === "Fetch" || i.resourceType === "XHR" || i.resourceType === "Other"),
  };
}

const kb = (n: number) => `${Math.round(n / 1024).toLocaleString("en-US")} KB`;
const msf = (n: number) => `${Math.round(n).toLocaleString("en-US")} ms`;

function row(cells: string[], widths: number[]): string {
  return cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
}

async function main(): Promise<void> {
  let server: NextServer | undefined;
  let base = process.env.BASE_URL;
  if (!base) {
    if (!existsSync(path.join(SECURITY_CONTENT, "detections"))) {
      console.log(`lighthouse: skipped: no security_content checkout at ${SECURITY_CONTENT} (set SECURITY_CONTENT=/path)`);
      return;
    }
    server = await startNextServer({ contentDir: SECURITY_CONTENT, readyPath: "/about" });
    base = server.url;
  }
  const chrome = await startChromium();
  const pages = pagesFrom(process.env.LH_PAGES);
  try {
    // One unmeasured visit per page: the server's first request per route reads the catalog.
    for (const [, p] of pages) await fetch(`${base}${p}`).then((r) => r.text());
    console.log(`Lighthouse 12.8 (performance), ${base}, ${RUNS} run${RUNS === 1 ? "" : "s"} per page and preset (median); Chromium headless`);
    console.log(`machine load average at start: ${loadavg().map((x) => x.toFixed(1)).join(" ")} (figures are noisy when others work)`);
    const widths = [22, 6, 11, 9, 9, 9, 9, 9, 8, 9];
    for (const preset of PRESETS) {
      console.log(`\n${preset}`);
      console.log(row(["page", "score", "score range", "TBT", "LCP", "FCP", "HTML", "HTML gz", "JS", "data"], widths));
      for (const [name, p] of pages) {
        const runs: Figures[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await measure(`${base}${p}`, chrome.port, preset));
        const m = (k: keyof Figures) => median(runs.map((r) => r[k]));
        const scores = runs.map((r) => r.score);
        // The spread of the runs: on a busy machine it is wider than most changes it could show.
        const range = `${Math.min(...scores).toFixed(2)}–${Math.max(...scores).toFixed(2)}`;
        console.log(
          row([name, m("score").toFixed(2), range, msf(m("tbt")), msf(m("lcp")), msf(m("fcp")), kb(m("htmlRaw")), kb(m("htmlWire")), kb(m("js")), kb(m("data"))], widths),
        );
      }
    }
    console.log("\nHTML: the document uncompressed, and as sent; JS and data (fetch, XHR, worker): bytes transferred.");
  } finally {
    const exited = new Promise((r) => chrome.child.once("exit", r));
    if (chrome.child.pid) process.kill(-chrome.child.pid, "SIGTERM");
    await exited;
    rmSync(chrome.profile, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    server?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
