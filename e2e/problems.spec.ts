import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";
import { startNextServer, type NextServer } from "../scripts/next-server";

const HERE = fileURLToPath(new URL(".", import.meta.url));

/**
 * A broken YAML file shows on the problems page: a temp content dir (the built-in seeds plus one
 * broken detection) served by a third `next start` on a free port, started and stopped here.
 */
let base = "";
let dir = "";
let server: NextServer | undefined;

test.describe("content problems", () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = mkdtempSync(join(tmpdir(), "dc-broken-"));
    cpSync(resolve(HERE, "../content"), dir, { recursive: true });
    writeFileSync(
      join(dir, "detections/endpoint/broken_detection.yml"),
      'name: Broken Detection\nid: 00000000-0000-0000-0000-000000000000\nsearch: "| tstats count\ndescription: [unclosed\n  - nope: : :\n',
    );
    server = await startNextServer({ contentDir: dir, readyPath: "/about" });
    base = server.url;
  });

  test.afterAll(() => {
    server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("the broken file is listed with file, line and message; the seeds still load", async ({ page }) => {
    await page.goto(`${base}/problems`);
    await expect(page.getByRole("heading", { level: 1, name: "Content problems" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "detections/endpoint/broken_detection.yml" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("error");
    await expect(row.getByRole("cell").nth(1)).toHaveText(/\d+/);
    await expect(page.getByRole("navigation", { name: "Main" })).toContainText(/Content problems\s*1/);
    await page.goto(`${base}/`);
    await expect(page.locator("tbody tr")).toHaveCount(2);
  });

  test("the built-in content has no problems and says so", async ({ page }) => {
    await page.goto("/problems");
    await expect(page.getByText(/No problems: every file/)).toBeVisible();
  });
});
