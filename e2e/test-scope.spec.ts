import { expect, test, type Page } from "@playwright/test";
import { FULL_URL as FULL } from "./servers";

/**
 * /test results (issue 15 items 2 and 4): type, status, severity and risk on each firing analytic;
 * toggles in the URL whose defaults put the real hit first; scoping to a story, a technique or a
 * tactic through the one scope table; links from story pages.
 */
const REMCOM = String.raw`RemCom.exe \\10.0.0.5 /user:CORP\admin /pwd:Secret1 cmd.exe`;
const REMCOM_ID = "e373a840-5bdc-47ef-b2fd-9cc7aaf387f0";
const box = (page: Page) => page.getByRole("textbox", { name: "Events", exact: true });
const firingItems = (page: Page) => page.getByTestId("firing").locator("li[data-analytic]");

async function paste(page: Page, text: string) {
  const status = page.getByTestId("run-status");
  await expect(status).toContainText("analytics loaded", { timeout: 120_000 });
  await box(page).fill(text);
  await expect(status).toHaveAttribute("data-input-length", String(text.length), { timeout: 120_000 });
  await expect(status).toHaveAttribute("data-state", "done", { timeout: 240_000 });
  await expect(page.getByTestId("no-match-count")).not.toContainText("still to evaluate");
}

const count = async (page: Page, id: string, re: RegExp) => Number((re.exec((await page.getByTestId(id).textContent()) ?? "")?.[1] ?? "NaN").replace(/,/g, ""));

test.describe("/test results and scopes on the full catalog", () => {
  test.beforeEach(async ({ request }) => {
    const ok = await request.get(`${FULL}/about`).then((r) => r.ok()).catch(() => false);
    test.skip(!ok, "the full catalog server is not running");
    test.setTimeout(5 * 60_000);
  });

  test("the RemCom line: the RemCom analytic first with default toggles; showing deprecated shows more", async ({ page }) => {
    await page.goto(`${FULL}/test`);
    await paste(page, REMCOM);
    const first = firingItems(page).first();
    await expect(first).toHaveAttribute("data-analytic", REMCOM_ID);
    await expect(first).toContainText("Windows Lateral Tool Transfer RemCom");
    await expect(first.getByTestId("analytic-facts")).toContainText("TTP");
    await expect(first.getByTestId("analytic-facts")).toContainText(/risk \d+/);
    const hidden = page.getByTestId("hidden-count");
    await expect(hidden).toContainText(/hidden by filters/);
    const shownBefore = await firingItems(page).count();
    // Deprecated analytics shown: more firing ones, and the URL says so.
    await page.getByRole("checkbox", { name: "Hide deprecated" }).uncheck();
    await expect(page).toHaveURL(/[?&]show=deprecated/);
    await expect.poll(() => firingItems(page).count()).toBeGreaterThan(shownBefore);
    // One click shows everything; the small-batch threshold says so in words derived from its SPL.
    await page.getByTestId("hidden-count").getByRole("button").click();
    await expect(page).toHaveURL(/[?&]show=all/);
    await expect(page.getByTestId("hidden-count")).toHaveCount(0);
    await expect(page.getByTestId("firing").getByTestId("threshold").first()).toContainText("fires on any batch with fewer than 10 hosts");
    // The link keeps the toggles: the same address shows the same after a new paste.
    await page.goto(page.url());
    await paste(page, REMCOM);
    await expect(page.getByRole("checkbox", { name: "Hide deprecated" })).not.toBeChecked();
    await expect(page.getByTestId("hidden-count")).toHaveCount(0);
  });

  test("sorting by name keeps every firing analytic and the kill-chain grouping", async ({ page }) => {
    await page.goto(`${FULL}/test?show=all`);
    await paste(page, REMCOM);
    const n = await firingItems(page).count();
    await page.getByRole("combobox", { name: "Sort by" }).selectOption("name");
    await expect(page).toHaveURL(/[?&]sort=name/);
    await expect(firingItems(page)).toHaveCount(n);
  });

  test("a story scope limits the run to its analytics, with a clear link", async ({ page }) => {
    await page.goto(`${FULL}/test?story=active_directory_discovery`);
    const scope = page.getByTestId("test-scope");
    await expect(scope).toContainText(/Scoped to the [\d,]+ analytics of the story Active Directory Discovery/);
    const n = Number(/the ([\d,]+) analytics/.exec((await scope.textContent()) ?? "")![1]!.replace(/,/g, ""));
    expect(n).toBeGreaterThan(10);
    expect(n).toBeLessThan(1711);
    await paste(page, REMCOM);
    await expect(page.getByTestId("run-status")).toContainText(`against ${n.toLocaleString("en")} analytics`);
    await expect(firingItems(page).first()).toHaveAttribute("data-analytic", REMCOM_ID);
    const firing = await count(page, "firing", /Firing analytics \(([\d,]+)\)/);
    const notTestable = await count(page, "not-testable", /Not testable live \(([\d,]+)\)/);
    const noMatch = await count(page, "no-match-count", /([\d,]+) analytics? do/);
    expect(firing + notTestable + noMatch).toBe(n);
    await scope.getByRole("link", { name: "clear" }).click();
    await expect(page).toHaveURL(/\/test(#|$)/, { timeout: 30_000 });
    await expect(page.getByTestId("test-scope")).toHaveCount(0);
  });

  test("technique and tactic scopes go through the same table", async ({ page }) => {
    await page.goto(`${FULL}/test?technique=T1021.002`);
    await expect(page.getByTestId("test-scope")).toContainText(/analytics mapped to T1021\.002 SMB\/Windows Admin Shares/);
    await page.goto(`${FULL}/test?tactic=lateral-movement`);
    await expect(page.getByTestId("test-scope")).toContainText(/analytics for the tactic Lateral Movement/);
  });
});

test.describe("story links (built-in content)", () => {
  test("a story page links to its walk-through and to /test scoped to it", async ({ page }) => {
    await page.goto("/stories/active_directory_lateral_movement");
    const actions = page.getByTestId("story-actions");
    await expect(actions.getByRole("link", { name: /Walk through/ })).toHaveAttribute("href", "/stories/active_directory_lateral_movement/walk/1");
    await actions.getByRole("link", { name: "Test a paste against these analytics" }).click();
    await expect(page).toHaveURL(/\/test\?story=active_directory_lateral_movement$/, { timeout: 30_000 });
    await expect(page.getByTestId("test-scope")).toContainText("Scoped to the 1 analytics of the story Active Directory Lateral Movement");
  });
});
