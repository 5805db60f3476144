/**
 * Screenshots of the data-source pages and the tester's data-source view at 390 and 1440 px into
 * .shots/ (git-ignored). Needs the full catalog served on FULL_URL (default :3101, as playwright.config.ts).
 *   npx tsx scripts/screenshots-data-sources.ts
 */
import { mkdirSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./chromium";

const FULL = process.env.FULL_URL ?? "http://127.0.0.1:3101";
const REGISTRY = "/analytics/windows_modify_registry_disallow_windows_app";
const LOGON = "/analytics/windows_kerberos_local_successful_logon";

async function example(page: Page, name: string) {
  await page.getByRole("group", { name: "Example events of its data sources" }).getByRole("button", { name: new RegExp(name) }).click();
  const status = page.getByTestId("run-status");
  await status.and(page.locator('[data-state="done"]')).waitFor({ state: "attached", timeout: 120_000 });
  const summary = page.getByRole("article", { name: "Event 1", exact: true }).locator("summary", { hasText: "Fields the engine saw" });
  if ((await summary.locator("xpath=..").getAttribute("open")) === null) await summary.click();
}

const SHOTS: { name: string; path: string; focus?: string; prepare?: (p: Page) => Promise<void> }[] = [
  { name: "data-sources", path: "/data-sources" },
  { name: "data-source-sysmon13", path: "/data-sources/sysmon_eventid_13" },
  { name: "data-source-cloudtrail", path: "/data-sources/aws_cloudtrail_consolelogin" },
  { name: "tester-sysmon13", path: REGISTRY, focus: "#live-test", prepare: (p) => example(p, "Sysmon EventID 13") },
  { name: "tester-4624", path: LOGON, focus: "#live-test", prepare: (p) => example(p, "Windows Event Log Security 4624") },
  {
    name: "test-scoped",
    path: "/data-sources/sysmon_eventid_13",
    prepare: async (p) => {
      await p.getByTestId("run-example").click();
      await p.getByTestId("run-status").and(p.locator('[data-state="done"]')).waitFor({ state: "attached", timeout: 120_000 });
    },
  },
];

mkdirSync(".shots", { recursive: true });
const browser = await chromium.launch(CHROMIUM_LAUNCH);
for (const width of [390, 1440]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  for (const s of SHOTS) {
    await page.goto(`${FULL}${s.path}`);
    await s.prepare?.(page);
    const file = `.shots/ds-${s.name}-${width}.png`;
    await page.screenshot({ path: file, fullPage: true });
    // Pieces a person (or a model) can read: the page in screen-high slices from the focus point.
    const start = s.focus ? await page.locator(s.focus).first().evaluate((el) => el.getBoundingClientRect().top + window.scrollY) : 0;
    const height = await page.evaluate(() => document.documentElement.scrollHeight);
    for (let i = 0, y = Math.max(0, start - 20); i < 3 && y < height; i++, y += 1100) {
      await page.screenshot({ path: `.shots/ds-${s.name}-${width}-part${i + 1}.png`, fullPage: true, clip: { x: 0, y, width, height: Math.min(1100, height - y) } });
    }
    console.log(file);
  }
  await page.close();
}
await browser.close();
