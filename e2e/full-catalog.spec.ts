import { readdirSync, statSync, existsSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";

const HERE = fileURLToPath(new URL(".", import.meta.url));

/** The full security_content catalog, served on :3101 by playwright.config.ts when ../shared exists. */
const SHARED = resolve(HERE, "../../shared/security_content");
import { FULL_URL as BASE } from "./servers";
const hasShared = existsSync(SHARED);

function detectionSlugs(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...detectionSlugs(p));
    else if (name.endsWith(".yml")) out.push(name.slice(0, -4));
  }
  return out;
}

test.describe("full catalog (../shared/security_content on :3101)", () => {
  test.skip(!hasShared, "../shared/security_content is absent: the full-catalog checks need it (skipped).");

  test("every analytic page answers 200 without an error", async ({ request }) => {
    test.setTimeout(15 * 60_000);
    const slugs = detectionSlugs(join(SHARED, "detections"));
    expect(slugs.length).toBe(1711);
    const failures: string[] = [];
    let next = 0;
    const worker = async () => {
      while (next < slugs.length) {
        const slug = slugs[next++]!;
        const res = await request.get(`${BASE}/analytics/${slug}`, { maxRedirects: 0, timeout: 60_000 });
        const body = await res.text();
        if (res.status() !== 200) failures.push(`${slug}: HTTP ${res.status()}`);
        else if (!body.includes('aria-labelledby="live-test"')) failures.push(`${slug}: page incomplete`);
        else if (body.includes("This page could not be shown")) failures.push(`${slug}: error boundary`);
      }
    };
    await Promise.all(Array.from({ length: 6 }, worker));
    expect(failures, failures.slice(0, 20).join("\n")).toEqual([]);
  });

  test("catalog: facets, search, sort and paging on 1,711 rows, all in the URL", async ({ page }) => {
    await page.goto(`${BASE}/`);
    await expect(page.locator("#catalog-count")).toContainText("1,711");
    await expect(page.locator("tbody tr")).toHaveCount(100);
    await page.getByRole("button", { name: "Next", exact: true }).click();
    await expect(page).toHaveURL(/page=2/);
    await page.getByRole("group", { name: "Tactic" }).getByRole("checkbox", { name: /Lateral Movement/ }).check();
    await expect(page).toHaveURL(/tactic=lateral-movement/);
    await expect(page).not.toHaveURL(/page=2/);
    await page.getByRole("searchbox", { name: "Search analytics" }).fill("psexec");
    await expect(page).toHaveURL(/q=psexec/);
    await page.getByRole("button", { name: /^Date/ }).click();
    await expect(page).toHaveURL(/sort=date%3Adesc|sort=date:desc/);
    const count = await page.locator("tbody tr").count();
    expect(count).toBeGreaterThan(0);
    const dates = await page.locator("tbody tr td time").allTextContents();
    expect([...dates].sort().reverse()).toEqual(dates);
    await page.reload();
    await expect(page.locator("tbody tr")).toHaveCount(count);
    await expect(page.getByRole("searchbox", { name: "Search analytics" })).toHaveValue("psexec");
  });
});
