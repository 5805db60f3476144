/**
 * Screenshots of the evasion lab (the analytic page's #evasion section) at 390 and 1440 px.
 * Needs the built-in content served (BASE_URL, default :3100); writes to OUT (default /tmp/evasion-shots).
 *   BASE_URL=http://127.0.0.1:3200 npx tsx scripts/screenshots-evasion.ts
 */
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./chromium";

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3100";
const OUT = process.env.OUT ?? "/tmp/evasion-shots";
const SMB = "/analytics/impacket_lateral_movement_smbexec_commandline_parameters";

mkdirSync(OUT, { recursive: true });
const browser = await chromium.launch(CHROMIUM_LAUNCH);
for (const width of [390, 1440]) {
  const page = await browser.newPage({ viewport: { width, height: 900 } });
  await page.goto(`${BASE}${SMB}`);
  const lab = page.getByTestId("evasion-lab");
  await lab.and(page.locator("[data-state='done']")).waitFor({ timeout: 120_000 });
  await lab.screenshot({ path: `${OUT}/evasion-${width}.png` });
  console.log(`${OUT}/evasion-${width}.png`, await page.evaluate(() => document.documentElement.scrollWidth));
  await page.close();
}
await browser.close();
