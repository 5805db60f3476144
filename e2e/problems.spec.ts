import { spawn, type ChildProcess } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test } from "@playwright/test";

const HERE = fileURLToPath(new URL(".", import.meta.url));

/**
 * A broken YAML file shows on the problems page: a temp content dir (the built-in seeds plus one
 * broken detection) served by a third `next start` on :3102, started and stopped here.
 */
const PORT = 3102;
const BASE = `http://127.0.0.1:${PORT}`;
let dir = "";
let server: ChildProcess | undefined;

async function waitUp(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      const r = await fetch(url);
      if (r.ok) return;
    } catch {
      // not up yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`server on ${url} did not start`);
}

test.describe("content problems", () => {
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    dir = mkdtempSync(join(tmpdir(), "dc-broken-"));
    cpSync(resolve(HERE, "../content"), dir, { recursive: true });
    writeFileSync(
      join(dir, "detections/endpoint/broken_detection.yml"),
      'name: Broken Detection\nid: 00000000-0000-0000-0000-000000000000\nsearch: "| tstats count\ndescription: [unclosed\n  - nope: : :\n',
    );
    server = spawn("npx", ["next", "start", "-H", "127.0.0.1", "-p", String(PORT)], {
      cwd: resolve(HERE, ".."),
      env: { ...process.env, CONTENT_DIR: dir },
      stdio: "ignore",
      detached: true,
    });
    await waitUp(`${BASE}/about`, 90_000);
  });

  test.afterAll(() => {
    if (server?.pid) {
      try {
        process.kill(-server.pid, "SIGTERM");
      } catch {
        // already gone
      }
    }
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test("the broken file is listed with file, line and message; the seeds still load", async ({ page }) => {
    await page.goto(`${BASE}/problems`);
    await expect(page.getByRole("heading", { level: 1, name: "Content problems" })).toBeVisible();
    const row = page.getByRole("row").filter({ hasText: "detections/endpoint/broken_detection.yml" });
    await expect(row).toHaveCount(1);
    await expect(row).toContainText("error");
    await expect(row.getByRole("cell").nth(1)).toHaveText(/\d+/);
    await expect(page.getByRole("navigation", { name: "Main" })).toContainText(/Content problems\s*1/);
    await page.goto(`${BASE}/`);
    await expect(page.locator("tbody tr")).toHaveCount(2);
  });

  test("the built-in content has no problems and says so", async ({ page }) => {
    await page.goto("/problems");
    await expect(page.getByText(/No problems: every file/)).toBeVisible();
  });
});
