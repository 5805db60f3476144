/**
 * Screenshots of the catalog and both seed pages at desktop (1280 px) and phone (390 px) widths,
 * written to .shots/ (git-ignored). Needs a running server: `npx next start -p 3100` (built-in
 * content) or BASE_URL=http://127.0.0.1:3101 for the full catalog.
 *   npx tsx scripts/screenshots.ts [--dark] [--tiles]   (--tiles: also viewport-sized slices;
 *   SHOTS_PREFIX=full- names the files apart; PAGES=/a,/b shoots other paths)
 */
import { mkdirSync } from "node:fs";
import { chromium } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./chromium";

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3100";
const dark = process.argv.includes("--dark");
const tiles = process.argv.includes("--tiles");
const DEFAULT_PAGES: [string, string][] = [
  ["catalog", "/"],
  ["seed1", "/analytics/impacket_lateral_movement_smbexec_commandline_parameters"],
  ["seed2", "/analytics/windows_lateral_tool_transfer_remcom"],
  ["problems", "/problems"],
];
/** PAGES=/analytics/x,/problems overrides the list (file names from the last path segment). */
const PAGES: [string, string][] = process.env.PAGES
  ? process.env.PAGES.split(",").map((p) => [p.split("/").filter(Boolean).pop() ?? "home", p])
  : DEFAULT_PAGES;
const WIDTHS: [string, number, number][] = [
  ["desktop", 1280, 900],
  ["phone", 390, 844],
];

async function main(): Promise<void> {
  mkdirSync(".shots", { recursive: true });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    for (const [wname, width, height] of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: dark ? "dark" : "light", deviceScaleFactor: 1 });
      const page = await context.newPage();
      for (const [name, path] of PAGES) {
        await page.goto(`${BASE}${path}`, { waitUntil: "networkidle" });
        if (name === "seed1") {
          const drop = page.getByRole("button", { name: /drop_dm_object_name/ }).first();
          if (await drop.count()) await drop.click();
        }
        const file = `.shots/${process.env.SHOTS_PREFIX ?? ""}${name}-${wname}${dark ? "-dark" : ""}.png`;
        await page.screenshot({ path: file, fullPage: true });
        console.log(file);
        if (tiles) {
          // Viewport-sized slices of the full page, easier to inspect than one tall image.
          const total = await page.evaluate(() => document.documentElement.scrollHeight);
          for (let y = 0, i = 1; y < total; y += height, i++) {
            const tile = file.replace(/\.png$/, `.${i}.png`);
            await page.screenshot({ path: tile, fullPage: true, clip: { x: 0, y, width, height: Math.min(height, total - y) } });
            console.log(tile);
          }
        }
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
