import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const hasShared = existsSync(resolve(HERE, "../../shared/security_content"));
import { FULL_URL as SHARED_BASE } from "./servers";

const STORY = "Active Directory Lateral Movement";
const STORY_SLUG = "active_directory_lateral_movement";
const SMBEXEC = "Impacket Lateral Movement smbexec CommandLine Parameters";
const SMBEXEC_SLUG = "impacket_lateral_movement_smbexec_commandline_parameters";

async function expectStoryPage(page: Page, base: string) {
  await page.goto(`${base}/stories/${STORY_SLUG}`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(STORY);
  await expect(page.getByRole("region", { name: "Narrative" })).not.toBeEmpty();
  const analytics = page.getByRole("region", { name: /^Analytics \(\d+\)$/ });
  await expect(analytics.getByRole("link", { name: SMBEXEC })).toHaveAttribute("href", `/analytics/${SMBEXEC_SLUG}`);
  await expect(analytics.getByRole("columnheader", { name: /Risk/ })).toBeVisible();
  const footprint = page.getByRole("region", { name: "ATT&CK footprint" });
  await expect(footprint).toContainText("Lateral Movement");
  await expect(footprint.getByRole("link", { name: "T1021.002" })).toBeVisible();
  await expect(footprint.getByRole("link", { name: "See the story on the ATT&CK matrix" })).toHaveAttribute("href", `/attack?story=${STORY.replace(/ /g, "+")}`);
  await expect(page.getByRole("region", { name: "References" }).getByRole("link").first()).toBeVisible();
}

test.describe("analytic stories (built-in content)", () => {
  test("the stories table: name, category, analytics count, date; sortable", async ({ page }) => {
    await page.goto("/stories");
    const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: STORY, exact: true }) });
    await expect(row).toContainText("Adversary Tactics");
    await expect(row).toContainText("2021-12-09");
    await expect(row.getByRole("cell").nth(2)).toHaveText("1");
    const date = page.getByRole("columnheader", { name: /Date/ });
    await date.getByRole("button").click();
    await expect(date).toHaveAttribute("aria-sort", "descending");
    await page.getByLabel("Filter").fill("lateral");
    await expect(page.locator("#stories-count")).toContainText("of 9 stories");
    await row.getByRole("link", { name: STORY }).click();
    await expect(page).toHaveURL(new RegExp(`/stories/${STORY_SLUG}$`));
  });

  for (const width of [390, 1440]) {
    test(`at ${width} px every row's cells sit under their column headers (rows are grids laid out near the screen)`, async ({ page }) => {
      await page.setViewportSize({ width, height: 800 });
      await page.goto("/stories");
      const table = page.getByRole("table", { name: /Analytic stories/ });
      const left = (cells: { boundingBox(): Promise<{ x: number } | null> }[]) => Promise.all(cells.map(async (c) => Math.round((await c.boundingBox())!.x)));
      const headers = await left(await table.getByRole("columnheader").filter({ visible: true }).all());
      const last = table.getByRole("row").last();
      await last.scrollIntoViewIfNeeded();
      const cells = await left(await last.getByRole("cell").filter({ visible: true }).all());
      expect(headers.length).toBe(width < 640 ? 2 : 4);
      expect(headers.every((x, i) => i === 0 || x > headers[i - 1]!)).toBe(true); // one line: a column per track
      expect(cells).toEqual(headers);
      await expect(last.getByRole("link")).toBeVisible();
    });
  }

  test(`"${STORY}" lists the smbexec analytic, its narrative, references and ATT&CK footprint`, async ({ page }) => {
    await expectStoryPage(page, "");
  });

  test("unknown stories are a 404; a story's exact name redirects to its slug", async ({ page, request }) => {
    const res = await request.get("/stories/no_such_story");
    expect(res.status()).toBe(404);
    await page.goto(`/stories/${encodeURIComponent(STORY)}`);
    await expect(page).toHaveURL(new RegExp(`/stories/${STORY_SLUG}$`));
  });
});

test.describe("analytic stories (../shared/security_content on :3101)", () => {
  test.skip(!hasShared, "../shared/security_content is absent (skipped).");

  test(`"${STORY}" lists the smbexec analytic`, async ({ page }) => {
    await expectStoryPage(page, SHARED_BASE);
  });

  test("every story is listed", async ({ page }) => {
    await page.goto(`${SHARED_BASE}/stories`);
    await expect(page.locator("#stories-count")).toHaveText(/^\d{3} stories$/);
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(200);
  });
});
