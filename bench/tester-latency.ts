/**
 * Keystroke-to-verdict latency of the catalog tester (/test) with the full catalog loaded
 * (1,711 analytics), in Debian Chromium driven by Playwright. Prints figures; asserts nothing.
 *   BASE_URL=http://127.0.0.1:3101 npx tsx bench/tester-latency.ts
 * Needs a server with CONTENT_DIR=../shared/security_content (as playwright.config.ts starts on :3101).
 *
 * Measured in the page: from the keydown event to the commit of the results for the new input
 * (run-status reports done for the textarea's current length), and to the next animation frame
 * (painted). Keystrokes come 200 ms apart (a person typing), then in a 30 ms burst.
 */
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "../scripts/chromium";

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3101";
const LINE = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;

declare global {
  interface Window {
    __lat: { done: number; painted: number }[];
  }
}

function stats(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  const q = (p: number) => s[Math.min(s.length - 1, Math.floor(p * s.length))] ?? NaN;
  return `n=${s.length} median ${q(0.5).toFixed(1)} ms, p95 ${q(0.95).toFixed(1)} ms, max ${(s[s.length - 1] ?? NaN).toFixed(1)} ms`;
}

async function install(page: Page) {
  await page.evaluate(() => {
    const ta = document.querySelector("textarea")!;
    const status = document.querySelector('[data-testid="run-status"]') as HTMLElement;
    window.__lat = [];
    let keyAt = 0;
    ta.addEventListener("keydown", (e) => (keyAt = e.timeStamp), true);
    new MutationObserver(() => {
      if (!keyAt || status.dataset.state !== "done" || Number(status.dataset.inputLength) !== ta.value.length) return;
      const started = keyAt;
      keyAt = 0;
      const done = performance.now() - started;
      requestAnimationFrame(() => window.__lat.push({ done, painted: performance.now() - started }));
    }).observe(status, { attributes: true });
  });
}

async function main() {
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  const page = await browser.newPage();
  const t0 = Date.now();
  await page.goto(`${BASE}/test`);
  await page.getByTestId("run-status").filter({ hasText: "analytics loaded" }).waitFor();
  const loaded = Date.now() - t0;
  const count = await page.getByTestId("run-status").textContent();
  const box = page.getByRole("textbox", { name: "Events", exact: true });
  // First evaluation: compiles every search in the worker (lazily, results stream in).
  const t1 = Date.now();
  await box.fill("cmd.exe");
  await page.waitForFunction(() => document.querySelector('[data-testid="run-status"]')?.getAttribute("data-state") === "done" && document.querySelector('[data-testid="run-status"]')?.getAttribute("data-input-length") === "7");
  const firstRun = Date.now() - t1;
  await box.fill("");
  await page.waitForTimeout(300);
  await install(page);

  await box.focus();
  for (const ch of LINE) {
    await page.keyboard.type(ch);
    await page.waitForTimeout(200);
  }
  await page.waitForTimeout(500);
  const paced = await page.evaluate(() => window.__lat.splice(0));
  const fired = await page.locator('[data-testid="firing"] [data-verdict="match"]').count();

  // Burst: 40 keystrokes 30 ms apart; latency of the last one (debounced trailing run).
  const burst: number[] = [];
  for (let round = 0; round < 5; round++) {
    await box.fill("");
    await page.waitForTimeout(400);
    await page.evaluate(() => window.__lat.splice(0));
    await page.keyboard.type(LINE.slice(0, 40), { delay: 30 });
    await page.waitForTimeout(800);
    const l = await page.evaluate(() => window.__lat.splice(0));
    const last = l[l.length - 1];
    if (last) burst.push(last.painted);
  }

  console.log(`catalog: ${count?.trim()}`);
  console.log(`page load to catalog in the worker: ${loaded} ms; first evaluation (compiles all searches): ${firstRun} ms`);
  console.log(`typing 200 ms apart (${LINE.length} keystrokes, ${fired} analytics firing at the end):`);
  console.log(`  keystroke → verdict committed: ${stats(paced.map((x) => x.done))}`);
  console.log(`  keystroke → verdict painted:   ${stats(paced.map((x) => x.painted))}`);
  console.log(`typing 30 ms apart (40-key bursts, last key → painted verdict): ${stats(burst)}`);
  console.log(`goal: median ≤ 50 ms`);
  await browser.close();
}

void main();
