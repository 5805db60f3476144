/**
 * Page load to first verdict, in Debian Chromium driven by Playwright, on /test (every analytic of
 * the full catalog) and on an analytic page (smbexec), each opened cold (a new browser context:
 * empty cache) five times; then the same with three tabs opened at once. Prints medians; asserts
 * nothing. The first verdict is the moment the run status reports "done" for the pasted line (on
 * /test: every analytic has answered).
 *
 *   npm run build && node --import tsx bench/first-verdict.ts
 *   BASE_URL=http://127.0.0.1:3301 node --import tsx bench/first-verdict.ts   (a running full-catalog server)
 *   FV_RUNS=5 (runs per figure), FV_MODES=typed,permalink, FV_DRIVER=cdp|playwright
 *
 * The default driver talks to Chromium over a bare DevTools pipe (cdp.ts) that records nothing per
 * request, as a user's browser; `FV_DRIVER=playwright` drives it with Playwright, whose network
 * instrumentation slows the reading of large bodies (the catalog) several-fold.
 *
 * Two ways in, both timed from the navigation's start (performance.now() in the page):
 * - typed: the line is typed as soon as the page is loaded and its text box hydrated (a person
 *   pasting right away); also printed: load event → verdict and typed → verdict;
 * - permalink: the page is opened with the line in its `#t=` link, which the tester reads on mount.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Browser, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "../scripts/chromium";
import { startNextServer, type NextServer } from "../scripts/next-server";
import { encodeState } from "../lib/tester/permalink";
import { Cdp, type CdpTab } from "./cdp";
import { SECURITY_CONTENT, SMBEXEC_LINE, summary } from "./common";

const RUNS = Math.max(1, Number(process.env.FV_RUNS) || 5);
const MODES = (process.env.FV_MODES ?? "typed,permalink").split(",") as ("typed" | "permalink")[];
const DRIVER = process.env.FV_DRIVER === "playwright" ? "playwright" : "cdp";
const TARGETS: [string, string][] = [
  ["/test", "/test"],
  ["/analytics/<smbexec>", "/analytics/impacket_lateral_movement_smbexec_commandline_parameters"],
];

interface Timing {
  /** Navigation start → verdict. */
  verdict: number;
  /** Load event end → verdict. */
  afterLoad: number;
  /** Typed (or link read) → verdict. */
  afterInput: number;
}

declare global {
  interface Window {
    __fv?: { done?: number };
  }
}

/**
 * Runs before the page's scripts: records when the run status first says "done" for `length`
 * characters. A string, not a function: tsx would wrap a function's inner closures in a helper
 * (`__name`) that does not exist in the page.
 */
function watch(length: number): string {
  return `(() => {
    window.__fv = {};
    const check = () => {
      const s = document.querySelector('[data-testid="run-status"]');
      if (!window.__fv.done && s && s.getAttribute("data-state") === "done" && s.getAttribute("data-input-length") === "${length}") window.__fv.done = performance.now();
    };
    new MutationObserver(check).observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-state", "data-input-length"] });
  })();`;
}

async function once(page: Page, url: string, mode: "typed" | "permalink", hash: string): Promise<Timing> {
  await page.addInitScript(watch(SMBEXEC_LINE.length));
  let inputAt: number;
  if (mode === "permalink") {
    await page.goto(`${url}#${hash}`, { waitUntil: "commit" });
    inputAt = 0;
  } else {
    await page.goto(url, { waitUntil: "load" });
    const box = page.getByRole("textbox", { name: "Events", exact: true });
    // A person can type once React has hydrated the box (before that, keystrokes are lost).
    await page.waitForFunction(() => {
      const t = document.querySelector("textarea");
      return !!t && Object.keys(t).some((k) => k.startsWith("__reactProps"));
    });
    inputAt = await page.evaluate(() => performance.now());
    await box.fill(SMBEXEC_LINE);
  }
  await page.waitForFunction(() => window.__fv?.done !== undefined, undefined, { timeout: 120_000 });
  const [done, loadEnd] = await page.evaluate(() => [window.__fv!.done!, (performance.getEntriesByType("navigation")[0] as PerformanceNavigationTiming).loadEventEnd]);
  return { verdict: done, afterLoad: done - loadEnd, afterInput: done - inputAt };
}

/** The page's own figures, once the verdict is in. */
const RESULT = `[window.__fv.done, performance.getEntriesByType("navigation")[0].loadEventEnd]`;
/** React has hydrated the text box (before that, keystrokes are lost). */
const HYDRATED = `(() => { const t = document.querySelector("textarea"); return !!t && Object.keys(t).some((k) => k.startsWith("__reactProps")); })()`;

async function onceCdp(tab: CdpTab, url: string, mode: "typed" | "permalink", hash: string): Promise<Timing> {
  await tab.addInitScript(watch(SMBEXEC_LINE.length));
  let inputAt = 0;
  if (mode === "permalink") await tab.goto(`${url}#${hash}`, false);
  else {
    await tab.goto(url);
    await tab.waitFor(HYDRATED);
    inputAt = await tab.eval<number>(`(document.querySelector("textarea").focus(), performance.now())`);
    await tab.insertText(SMBEXEC_LINE);
  }
  await tab.waitFor("window.__fv && window.__fv.done !== undefined");
  const [done, loadEnd] = await tab.eval<[number, number]>(RESULT);
  return { verdict: done, afterLoad: done - loadEnd, afterInput: done - inputAt };
}

async function coldCdp(cdp: Cdp, url: string, mode: "typed" | "permalink", hash: string, tabs: number): Promise<Timing[]> {
  const ctx = await cdp.context(tabs);
  try {
    return await Promise.all(ctx.tabs.map((t) => onceCdp(t, url, mode, hash)));
  } finally {
    await cdp.closeContext(ctx.id);
  }
}

async function cold(browser: Browser, url: string, mode: "typed" | "permalink", hash: string, tabs: number): Promise<Timing[]> {
  const context = await browser.newContext();
  try {
    const pages = await Promise.all(Array.from({ length: tabs }, () => context.newPage()));
    return await Promise.all(pages.map((p) => once(p, url, mode, hash)));
  } finally {
    await context.close();
  }
}

const f = (xs: number[]) => {
  const s = summary(xs);
  return `median ${Math.round(s.median).toLocaleString("en-US")} ms (min ${Math.round(s.min).toLocaleString("en-US")}, max ${Math.round(s.max).toLocaleString("en-US")})`;
};

async function main(): Promise<void> {
  let server: NextServer | undefined;
  let base = process.env.BASE_URL;
  if (!base) {
    if (!existsSync(path.join(SECURITY_CONTENT, "detections"))) {
      console.log(`first-verdict: skipped: no security_content checkout at ${SECURITY_CONTENT} (set SECURITY_CONTENT=/path)`);
      return;
    }
    server = await startNextServer({ contentDir: SECURITY_CONTENT, readyPath: "/about" });
    base = server.url;
  }
  const cdp = DRIVER === "cdp" ? Cdp.launch() : undefined;
  const browser = cdp ? undefined : await chromium.launch(CHROMIUM_LAUNCH);
  const coldRun = (url: string, mode: "typed" | "permalink", hash: string, tabs: number) => (cdp ? coldCdp(cdp, url, mode, hash, tabs) : cold(browser!, url, mode, hash, tabs));
  try {
    for (const [, p] of TARGETS) await fetch(`${base}${p}`).then((r) => r.text());
    console.log(`first verdict (${SMBEXEC_LINE.length}-character smbexec line), ${base}, ${RUNS} cold runs per figure, desktop Chromium, no throttling, driven by ${DRIVER === "cdp" ? "a bare DevTools pipe" : "Playwright"}`);
    const only = process.env.FV_PAGES?.split(",");
    for (const [name, p] of TARGETS.filter(([, p]) => !only || only.includes(p))) {
      const url = `${base}${p}`;
      const hash = await encodeState(p === "/test" ? { input: SMBEXEC_LINE } : { input: SMBEXEC_LINE, analytic: "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76" });
      for (const tabs of [1, 3]) {
        for (const mode of MODES) {
          const all: Timing[] = [];
          for (let i = 0; i < RUNS; i++) all.push(...(await coldRun(url, mode, hash, tabs)));
          const label = `${name}, ${mode}${tabs > 1 ? `, ${tabs} tabs at once` : ""}`;
          console.log(`${label}:`);
          console.log(`  navigation → verdict: ${f(all.map((t) => t.verdict))}`);
          if (mode === "typed") {
            console.log(`  load event → verdict: ${f(all.map((t) => t.afterLoad))}`);
            console.log(`  typed → verdict:      ${f(all.map((t) => t.afterInput))}`);
          }
        }
      }
    }
  } finally {
    await browser?.close();
    await cdp?.close();
    server?.stop();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
