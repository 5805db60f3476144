import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { BUILT_IN_URL, FULL_URL as FULL } from "./servers";

/**
 * No page sends more than 200 KB of HTML with the full catalog (issue 16): pages render what is
 * visible and fetch the rest on demand, or cut long lists into pages named in the URL. Data
 * source pages have their own check in data-sources.spec.ts. Every story page is asked (a story
 * can hold a hundred analytics); of the 1,711 analytic pages, those that were largest when this
 * was written (long sample events, long searches) stand for the rest.
 */
const SHARED = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../shared/security_content");
const LIMIT = 200 * 1024;

const PAGES = ["/", "/test", "/attack", "/stories", "/data-sources", "/problems", "/about", "/?page=18", "/?sort=risk:desc"];
const ANALYTICS = [
  "impacket_lateral_movement_smbexec_commandline_parameters",
  "aws_ecr_container_scanning_findings_low_informational_unknown",
  "aws_ecr_container_scanning_findings_medium",
  "aws_ecr_container_scanning_findings_high",
  "powershell_4104_hunting",
  "windows_uac_bypass_suspicious_escalation_behavior",
];

test("every page's HTML stays under 200 KB with the full catalog", async ({ request }) => {
  test.skip(!existsSync(SHARED), "../shared/security_content is absent (skipped).");
  test.setTimeout(10 * 60_000);
  const stories = readdirSync(resolve(SHARED, "stories")).filter((f) => f.endsWith(".yml")).map((f) => `/stories/${f.slice(0, -4)}`);
  expect(stories.length).toBeGreaterThan(200);
  const sizes: [string, number][] = [];
  for (const path of [...PAGES, ...ANALYTICS.map((s) => `/analytics/${s}`), ...stories]) {
    const res = await request.get(`${FULL}${path}`, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    sizes.push([path, (await res.body()).length]);
  }
  sizes.sort((a, b) => b[1] - a[1]);
  console.log(`largest: ${sizes.slice(0, 5).map(([p, n]) => `${p} ${(n / 1024).toFixed(1)} KB`).join(", ")}`);
  expect(sizes.filter(([, n]) => n >= LIMIT)).toEqual([]);
});

test("a story's analytics come a page at a time, sorted as the URL says, and every one is reachable", async ({ page }) => {
  test.skip(!existsSync(SHARED), "../shared/security_content is absent (skipped).");
  await page.goto(`${FULL}/stories/data_destruction`);
  const region = page.getByRole("region", { name: /^Analytics \(\d+\)$/ });
  const total = Number(/\((\d+)\)/.exec((await region.getByRole("heading").textContent()) ?? "")?.[1]);
  expect(total).toBeGreaterThan(25);
  await expect(region.locator("tbody tr")).toHaveCount(25);
  await expect(region.getByRole("navigation", { name: "Table pages" })).toContainText(`Rows 1–25 of ${total}`);
  const risk = region.getByRole("columnheader", { name: /Risk/ });
  await page.waitForLoadState("networkidle"); // hydrated: the header buttons answer
  await risk.getByRole("button").click();
  await expect(page).toHaveURL(/[?&]sort=risk(:|%3A)desc/, { timeout: 30_000 });
  await expect(risk).toHaveAttribute("aria-sort", "descending");
  await region.getByRole("button", { name: "Last page" }).click();
  await expect(page).toHaveURL(/[?&]page=\d+/, { timeout: 30_000 });
  await expect(region.getByRole("navigation", { name: "Table pages" })).toContainText(`of ${total}`);
  const lastRows = await region.locator("tbody tr").count();
  expect(lastRows).toBe(total - 25 * Math.floor((total - 1) / 25));
  // The same URL opened cold shows the same rows.
  const names = await region.locator("tbody tr a.dc-link").allTextContents();
  await page.goto(page.url());
  await expect(region.locator("tbody tr a.dc-link")).toHaveText(names);
});

test("the stories filter reads the full descriptions, not only what the table shows", async ({ page }) => {
  test.skip(!existsSync(SHARED), "../shared/security_content is absent (skipped).");
  await page.goto(`${FULL}/stories`);
  const row = page.getByRole("row").filter({ has: page.getByRole("link", { name: "AcidRain", exact: true }) });
  await expect(row).toContainText("…");
  // "WatchGuard" is in the descriptions of AcidRain and Cyclops Blink, past the part the table shows.
  await page.getByLabel("Filter").fill("watchguard");
  await expect(page.locator("#stories-count")).toHaveText(/^2 of \d+ stories$/);
  await expect(row).toBeVisible();
});

test("every script a page starts with is marked for eager compilation, the legacy polyfills excepted", async ({ page, request }) => {
  // scripts/compile-hints.ts (postbuild): without the mark, a phone's main thread compiles Next's
  // and React's code function by function as it first runs (bench/README.md, issue 16).
  const scripts: string[] = [];
  page.on("response", (r) => r.request().resourceType() === "script" && scripts.push(r.url()));
  await page.goto(`${BUILT_IN_URL}/about`, { waitUntil: "load" });
  const html = await (await request.get(`${BUILT_IN_URL}/about`)).text();
  const legacy = [...html.matchAll(/<script[^>]*src="([^"]+)"[^>]*noModule/gi)].map((m) => m[1]);
  expect(legacy.length).toBeGreaterThan(0);
  expect(scripts.length).toBeGreaterThan(3);
  for (const src of legacy) expect(scripts.some((u) => u.endsWith(src!)), `${src} is not run by Chromium`).toBe(false);
  for (const url of scripts.filter((u) => u.includes("/_next/static/"))) {
    const body = await (await request.get(url)).text();
    expect(body.startsWith("//# allFunctionsCalledOnLoad\n"), url).toBe(true);
  }
});
