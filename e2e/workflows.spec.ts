import { expect, test, type Page } from "@playwright/test";
import { FULL_URL as FULL } from "./servers";

/**
 * Issue 15's findings, one test each where a browser can show them: permalinks open at the
 * verdict, failed clauses in plain words, risk messages without "null", the catalog's status badge,
 * tactics, default order and `/`, heading order. Seed pages on the built-in content; the catalog
 * findings on the full catalog.
 */
const SEED1 = "/analytics/impacket_lateral_movement_smbexec_commandline_parameters";
const SMBEXEC = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;
const SMBEXEC_LATER = SMBEXEC.replace("echo cd ", "echo whoami");

const box = (page: Page) => page.getByRole("textbox", { name: "Events", exact: true });
const event = (page: Page, n: number) => page.getByRole("article", { name: `Event ${n}`, exact: true });

async function waitDone(page: Page, length: number, timeout: number) {
  const status = page.getByTestId("run-status");
  await expect(status).toHaveAttribute("data-input-length", String(length), { timeout });
  await expect(status).toHaveAttribute("data-state", "done", { timeout });
}

/** The full catalog's first run compiles it in the server: allow for a loaded machine. */
async function setInput(page: Page, text: string, timeout = 60_000) {
  await box(page).fill(text);
  await waitDone(page, text.length, timeout);
}

/** Every heading level follows the one before it by at most one step (no h4 after an h2). */
async function headingJumps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const hs = [...document.querySelectorAll("main h1, main h2, main h3, main h4, main h5, main h6")] as HTMLElement[];
    const out: string[] = [];
    let last = 0;
    for (const h of hs) {
      const level = Number(h.tagName[1]);
      if (last > 0 && level > last + 1) out.push(`h${level} "${h.textContent?.slice(0, 40)}" after h${last}`);
      last = level;
    }
    return out;
  });
}

test.describe("issue 15 findings on the seed pages", () => {
  test("a permalink opened in a fresh context shows the verdict in the viewport", async ({ page, browser }) => {
    await page.goto(SEED1);
    await setInput(page, SMBEXEC);
    await page.getByRole("button", { name: "Copy link to this test" }).click();
    await expect(page).toHaveURL(/#t=/);
    const url = page.url();
    const fresh = await browser.newContext({ viewport: { width: 1280, height: 720 } });
    const p2 = await fresh.newPage();
    await p2.goto(url);
    const verdict = event(p2, 1).locator("[data-verdict]");
    await expect(verdict).toHaveAttribute("data-verdict", "match", { timeout: 60_000 });
    await expect(verdict).toBeInViewport();
    await fresh.close();
  });

  test("a failed regex clause says what it wanted and what it saw, in plain words", async ({ page }) => {
    await page.goto(SEED1);
    await setInput(page, SMBEXEC_LATER);
    const plain = event(page, 1).getByTestId("wanted-saw");
    await expect(plain).toContainText("wanted process matching");
    await expect(plain).toContainText("reads: echo‹one or more whitespace›cd");
    await expect(plain).toContainText("saw process = C:\\Windows\\system32\\cmd.exe /Q /c echo whoami");
  });

  test("a risk message for a bare command line shows placeholders, never null", async ({ page }) => {
    await page.goto(SEED1);
    await setInput(page, SMBEXEC);
    const rba = event(page, 1).getByTestId("rba-result");
    await expect(rba).toContainText("Suspicious command-line parameters on");
    await expect(rba).not.toContainText("null (");
    await expect(rba.locator('[data-token="unknown"]').first()).toHaveText(/^‹\w+›$/);
    const message = await rba.locator("p").first().innerText();
    expect(message).not.toMatch(/\bnull\b/);
  });

  test("the analytic page shows drilldown searches; an ATT&CK id opens the catalog filtered by it", async ({ page }) => {
    await page.goto(SEED1);
    const drill = page.getByRole("region", { name: "Drilldown searches" });
    await expect(drill.locator("[data-drilldown]").first()).toContainText("%original_detection_search%");
    const link = page.locator('[data-technique-link="T1021.002"]');
    await expect(link).toHaveAttribute("href", "/?technique=T1021.002");
    await page.goto(String(await link.getAttribute("href")));
    await expect(page.locator("tbody tr").first()).toContainText("smbexec");
  });

  test("at 390 px the analytic page with a trace (long macro names) is no wider than the viewport", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(SEED1);
    await setInput(page, SMBEXEC);
    await expect(event(page, 1).getByText(/from macro impacket_lateral_movement_smbexec/)).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("presentation mode scales the whole page, is in the link and survives a reload", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${SEED1}?present=1`);
    const html = page.locator("html");
    // Applied once the page's script runs (slow on a loaded machine).
    await expect(html).toHaveAttribute("data-presentation", "on", { timeout: 30_000 });
    expect(await html.evaluate((el) => getComputedStyle(el).fontSize)).toBe("20px");
    await expect(page.getByRole("navigation", { name: "On this page" })).toBeHidden();
    await page.reload();
    await expect(html).toHaveAttribute("data-presentation", "on", { timeout: 30_000 });
    await page.getByRole("button", { name: /presentation/i }).click();
    await expect(html).toHaveAttribute("data-presentation", "off");
    await expect(page).not.toHaveURL(/present=1/);
    await page.getByRole("button", { name: /presentation/i }).click();
    await expect(page).toHaveURL(/present=1/);
  });

  test("presentation mode survives a reload from the link: a fresh browser opens presenting at the section shown", async ({ page, browser }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(SEED1);
    await setInput(page, SMBEXEC);
    await page.getByRole("button", { name: /presentation/i }).click();
    await expect(page.locator("html")).toHaveAttribute("data-presentation", "on");
    await expect(page).toHaveURL(/\?present=1#live-test$/);
    // A fresh context: nothing remembered in the browser, only the link.
    const fresh = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const p2 = await fresh.newPage();
    await p2.goto(page.url());
    const html = p2.locator("html");
    await expect(html).toHaveAttribute("data-presentation", "on", { timeout: 30_000 });
    expect(await html.evaluate((el) => getComputedStyle(el).fontSize)).toBe("20px");
    await expect(p2.getByRole("navigation", { name: "On this page" })).toBeHidden();
    await expect(p2.getByRole("heading", { name: "Live test", level: 2 })).toBeInViewport();
    // Scrolling on, the link follows the section in view.
    await p2.evaluate(() => document.getElementById("how-to-implement")!.scrollIntoView({ block: "start" }));
    await expect(p2).toHaveURL(/\?present=1#how-to-implement$/);
    await fresh.close();
  });

  // A regression once: the results region, taller than the view when presenting, was centred
  // (its top, the first verdict, then above the view); the tester now keeps the verdict itself in view.
  test("presenting on /test, an analytic opens presenting with its verdict in view", async ({ page }) => {
    await page.setViewportSize({ width: 1280, height: 720 });
    await page.goto("/test");
    await setInput(page, SMBEXEC);
    await page.getByRole("button", { name: /presentation/i }).click();
    await page.getByTestId("firing").getByRole("link", { name: "Impacket Lateral Movement smbexec CommandLine Parameters" }).click();
    await expect(page).toHaveURL(/\/analytics\/impacket_lateral_movement_smbexec_commandline_parameters\?present=1#t=/);
    await expect(page.locator("html")).toHaveAttribute("data-presentation", "on", { timeout: 30_000 });
    const verdict = event(page, 1).locator("[data-verdict]");
    await expect(verdict).toHaveAttribute("data-verdict", "match", { timeout: 60_000 });
    await expect(verdict).toBeInViewport();
  });

  test("heading levels never skip on the analytic page with a result", async ({ page }) => {
    await page.goto(SEED1);
    await setInput(page, SMBEXEC);
    expect(await headingJumps(page)).toEqual([]);
  });
});

test.describe("issue 15 findings on the full catalog", () => {
  test.skip(!FULL, "no full catalog");

  test("deprecated analytics carry a badge beside their name at 390 px; the catalog lists production first", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${FULL}/?status=deprecated`);
    const badge = page.locator('tbody [data-status="deprecated"]').first();
    await expect(badge).toBeVisible();
    await expect(badge).toHaveText("deprecated");
    await page.goto(`${FULL}/`);
    await expect(page.locator('tbody [data-status="deprecated"]')).toHaveCount(0);
  });

  test("a small-batch threshold is said in words on the analytic page, as on /test", async ({ page }) => {
    await page.goto(`${FULL}/analytics/detect_rare_executables`);
    await setInput(page, SMBEXEC);
    await expect(page.getByTestId("threshold")).toContainText("fires on any batch with fewer than 10 hosts");
  });

  test("a data-source pick for an ambiguous event is kept in the test's link", async ({ page, browser }) => {
    await page.goto(`${FULL}/analytics/hunting_for_log4shell`);
    // The content's own Nginx Access example fits Nginx Access and Splunk Stream IP equally.
    await page.getByRole("button", { name: "Nginx Access" }).click();
    const select = page.getByRole("combobox", { name: "Data source of Event 1" });
    await expect(select).toHaveValue("", { timeout: 30_000 });
    await select.selectOption("Nginx Access");
    await expect(select).toHaveValue("Nginx Access");
    await page.getByRole("button", { name: "Copy link to this test" }).click();
    await expect(page).toHaveURL(/#t=/);
    const fresh = await browser.newContext();
    const p2 = await fresh.newPage();
    await p2.goto(page.url());
    await expect(p2.getByRole("combobox", { name: "Data source of Event 1" })).toHaveValue("Nginx Access", { timeout: 30_000 });
    await fresh.close();
  });

  test("the Tactics column shows every tactic (smbexec's Lateral Movement is not hidden)", async ({ page }) => {
    await page.setViewportSize({ width: 1440, height: 900 });
    await page.goto(`${FULL}/?q=smbexec`);
    const row = page.locator("tbody tr").filter({ hasText: "Impacket Lateral Movement smbexec CommandLine Parameters" });
    await expect(row.locator("td.dc-col-tactics")).toContainText("Lateral Movement");
  });

  test("`/` focuses the search box, and it comes right after the site navigation in tab order", async ({ page }) => {
    await page.goto(`${FULL}/`);
    const search = page.getByRole("searchbox", { name: "Search analytics" });
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await page.keyboard.press("/");
    await expect(search).toBeFocused();
    await expect(search).toHaveValue("");
    await page.goto(`${FULL}/`);
    let reached = false;
    for (let i = 0; i < 15 && !reached; i++) {
      await page.keyboard.press("Tab");
      reached = await search.evaluate((el) => el === document.activeElement);
    }
    expect(reached).toBe(true);
  });

  test("at 390 px the /attack data-source menu stays inside the viewport", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${FULL}/attack`);
    await page.locator("summary", { hasText: "Data source" }).click();
    const menu = page.locator("details[open] fieldset").first();
    await expect(menu).toBeVisible();
    const box = await menu.boundingBox();
    expect(box!.x).toBeGreaterThanOrEqual(0);
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("heading levels never skip on /test with results", async ({ page }) => {
    test.setTimeout(240_000);
    await page.goto(`${FULL}/test`);
    await setInput(page, SMBEXEC, 200_000);
    await expect(page.getByTestId("firing").locator('[data-verdict="match"]').first()).toBeVisible();
    expect(await headingJumps(page)).toEqual([]);
  });
});
