/**
 * Screenshots of /attack (a selected technique; an imported layer with its gaps) and a story page,
 * at desktop (1280 px) and phone (390 px) widths, into .shots/ (git-ignored). Needs a running
 * server: BASE_URL (default http://127.0.0.1:3100). SHOTS_PREFIX names the files apart.
 *   npx tsx scripts/screenshots-attack.ts [--dark]
 */
import { mkdirSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./chromium";

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3100";
const PREFIX = process.env.SHOTS_PREFIX ?? "";
const dark = process.argv.includes("--dark");
const WIDTHS: [string, number, number][] = [
  ["desktop", 1280, 900],
  ["phone", 390, 844],
];

/** A small threat-group style layer: some techniques the seeds cover, some they do not. */
const LAYER = JSON.stringify({
  name: "Example intrusion set",
  versions: { attack: "18", navigator: "5.2.0", layer: "4.5" },
  domain: "enterprise-attack",
  techniques: ["T1021.002", "T1021.006", "T1047", "T1059.001", "T1003.001", "T1570", "T1486", "T1566.001"].map((techniqueID) => ({ techniqueID, score: 1 })),
});

async function shot(page: Page, name: string, wname: string): Promise<void> {
  const file = `.shots/${PREFIX}${name}-${wname}${dark ? "-dark" : ""}.png`;
  await page.screenshot({ path: file, fullPage: true });
  console.log(file);
}

async function main(): Promise<void> {
  mkdirSync(".shots", { recursive: true });
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    for (const [wname, width, height] of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: dark ? "dark" : "light", deviceScaleFactor: 1 });
      const page = await context.newPage();

      await page.goto(`${BASE}/attack`, { waitUntil: "networkidle" });
      await page.getByRole("button", { name: /^T1021 Remote Services/ }).click();
      await page.getByRole("button", { name: /sub-techniques of T1021$/ }).click();
      await shot(page, "attack-selected", wname);

      await page.getByLabel("Or paste the layer JSON").fill(LAYER);
      await page.getByRole("button", { name: "Compare with the matrix" }).click();
      await page.getByTestId("gap-summary").waitFor();
      await page.getByRole("button", { name: /T1059\.001/ }).first().click();
      await shot(page, "attack-layer", wname);

      await page.goto(`${BASE}/stories/active_directory_lateral_movement`, { waitUntil: "networkidle" });
      await shot(page, "story", wname);

      await page.goto(`${BASE}/stories`, { waitUntil: "networkidle" });
      await shot(page, "stories", wname);
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
