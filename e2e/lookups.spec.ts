import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { FULL_URL as FULL } from "./servers";

/**
 * Lookup tables in the browser (issue 13): an analytic that reads a content lookup table gives the
 * same verdict in the page's worker as in the CLI and the API — on its own page (the worker fetches
 * its tables from /test/lookups/<version>/<id>) and on /test (the precompiled catalog carries them).
 * *Attacker Tools On Endpoint* looks process_name up in `attacker_tools`. Full catalog (:port+1).
 */
const SHARED = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../shared/security_content");
const ID = "a51bfe1a-94f0-48cc-b4e4-16a110145893";
const MIMIKATZ = JSON.stringify({ process_name: "mimikatz.exe", process: "mimikatz.exe privilege::debug", dest: "ws01", user: "bob" });
const NOTEPAD = JSON.stringify({ process_name: "notepad.exe", process: "notepad.exe a.txt", dest: "ws01", user: "bob" });

async function paste(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Events", exact: true }).fill(text);
  const status = page.getByTestId("run-status");
  await expect(status).toHaveAttribute("data-input-length", String(text.length), { timeout: 60_000 });
  await expect(status).toHaveAttribute("data-state", "done", { timeout: 60_000 });
}

test.describe("lookup tables in the browser (full catalog)", () => {
  test.skip(!existsSync(SHARED), "../shared/security_content is absent (skipped).");
  // Compiling the whole catalog in the worker is slow on a loaded machine: a generous budget, no timing asserted.
  test.describe.configure({ timeout: 180_000 });

  test("the analytic page: mimikatz.exe is in attacker_tools (fires), notepad.exe is not", async ({ page }) => {
    await page.goto(`${FULL}/analytics/attacker_tools_on_endpoint`);
    await paste(page, `${MIMIKATZ}\n${NOTEPAD}`);
    const card = (n: number) => page.getByRole("article", { name: `Event ${n}`, exact: true });
    await expect(card(1).locator("[data-verdict]").first()).toHaveAttribute("data-verdict", "match");
    await expect(card(2).locator("[data-verdict]").first()).toHaveAttribute("data-verdict", "no_match");
  });

  test("/test: the same line fires the analytic in the whole-catalog run", async ({ page }) => {
    await page.goto(`${FULL}/test`);
    await expect(page.getByTestId("run-status")).toContainText("1,711 analytics loaded", { timeout: 120_000 });
    await paste(page, MIMIKATZ);
    await expect(page.getByTestId("firing").locator(`[data-analytic="${ID}"]`)).toHaveAttribute("data-verdict", "match");
  });
});
