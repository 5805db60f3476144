/**
 * The client JavaScript each page loads, in Debian Chromium driven by Playwright, with the full
 * catalog: every script and worker script the page fetched from its load until it was quiet (the
 * engine worker and the catalog index start after the load event, when idle), as bytes
 * uncompressed and as sent, split into the scripts its HTML names and those it loaded later
 * (dynamic imports, workers). Also the HTML's size. A benchmark: it prints figures, asserts nothing.
 *
 *   npm run build && node --import tsx bench/route-js.ts
 *   BASE_URL=http://127.0.0.1:3251 node --import tsx bench/route-js.ts   (a running full-catalog server)
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { chromium, type Response } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "../scripts/chromium";
import { startNextServer, type NextServer } from "../scripts/next-server";
import { SECURITY_CONTENT } from "./common";
import { pagesFrom } from "./pages";

interface Loaded {
  url: string;
  raw: number;
  sent: number;
  worker: boolean;
}

const kb = (n: number) => `${(n / 1024).toFixed(0)} KB`;

async function sizeOf(r: Response): Promise<{ raw: number; sent: number }> {
  const body = await r.body().catch(() => Buffer.alloc(0));
  const sizes = await r.request().sizes().catch(() => undefined);
  return { raw: body.length, sent: sizes ? sizes.responseBodySize : body.length };
}

async function main(): Promise<void> {
  let server: NextServer | undefined;
  let base = process.env.BASE_URL;
  if (!base) {
    if (!existsSync(path.join(SECURITY_CONTENT, "detections"))) {
      console.log(`route-js: skipped: no security_content checkout at ${SECURITY_CONTENT}`);
      return;
    }
    server = await startNextServer({ contentDir: SECURITY_CONTENT, readyPath: "/about" });
    base = server.url;
  }
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    console.log("page                      HTML   JS in HTML (raw/sent)   JS later (raw/sent)   worker JS (raw)    engine worker");
    for (const [name, p] of pagesFrom(process.env.RJ_PAGES)) {
      const context = await browser.newContext();
      const page = await context.newPage();
      const pending: Promise<Loaded>[] = [];
      page.on("response", (r) => {
        const url = r.url();
        if (r.request().resourceType() === "script") pending.push(sizeOf(r).then((s) => ({ url, worker: false, ...s })));
      });
      // A dedicated worker's chunks: Turbopack's worker bootstrap names them in its URL's fragment.
      const workerChunks = new Set<string>();
      page.on("worker", (w) => {
        const u = new URL(w.url());
        workerChunks.add(u.origin + u.pathname);
        const params = new URLSearchParams(u.hash.slice(1)).get("params");
        const first = params ? (JSON.parse(params) as unknown[])[0] : undefined;
        if (Array.isArray(first)) for (const c of first) if (typeof c === "string") workerChunks.add(new URL(c, u.origin).href);
      });
      const doc = await page.goto(`${base}${p}`, { waitUntil: "load" });
      const html = doc ? (await doc.body()).length : 0;
      const named = new Set(
        await page.$$eval("script[src]", (els) => els.map((e) => new URL((e as HTMLScriptElement).src, location.href).href)),
      );
      await page.waitForLoadState("networkidle");
      await page.waitForTimeout(2_000);
      await page.waitForLoadState("networkidle");
      const loaded = await Promise.all(pending);
      const byUrl = new Map<string, Loaded>();
      for (const l of loaded) byUrl.set(l.url, l);
      const all = [...byUrl.values()];
      const inHtml = all.filter((l) => named.has(l.url));
      const later = all.filter((l) => !named.has(l.url));
      const workers: Loaded[] = [];
      for (const url of workerChunks) {
        if (byUrl.has(url)) continue; // the page loads it too: counted for the page
        const r = await fetch(url, { headers: { "accept-encoding": "gzip" } });
        const body = Buffer.from(await r.arrayBuffer());
        workers.push({ url, worker: true, raw: body.length, sent: body.length });
      }
      const sum = (xs: Loaded[], k: "raw" | "sent") => xs.reduce((n, x) => n + x[k], 0);
      const engine = workerChunks.size > 0 ? "yes" : "no";
      console.log(
        `${name.padEnd(24)} ${kb(html).padStart(6)}   ${`${kb(sum(inHtml, "raw"))} / ${kb(sum(inHtml, "sent"))}`.padStart(20)}   ${`${kb(sum(later, "raw"))} / ${kb(sum(later, "sent"))}`.padStart(18)}   ${kb(sum(workers, "raw")).padStart(9)}   ${engine}`,
      );
      await context.close();
    }
  } finally {
    await browser.close();
    server?.stop();
  }
}

await main();
