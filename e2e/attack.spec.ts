import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { validateNavigatorLayer } from "../lib/attack/layer-validate";

const HERE = fileURLToPath(new URL(".", import.meta.url));
const hasShared = existsSync(resolve(HERE, "../../shared/security_content"));
/** The full catalog's server (playwright.config.ts starts it on :3101 when ../shared exists). */
import { FULL_URL as SHARED_BASE } from "./servers";

const SMBEXEC = "Impacket Lateral Movement smbexec CommandLine Parameters";
const SMBEXEC_SLUG = "impacket_lateral_movement_smbexec_commandline_parameters";
const SMBEXEC_TECHNIQUES = ["T1021.002", "T1021", "T1021.003", "T1047", "T1543.003"];
const STORY = "Active Directory Lateral Movement";

/** The matrix cell of a technique (the first one when it sits under several tactics). */
function cell(page: Page, id: string) {
  return page.getByRole("group", { name: "Enterprise ATT&CK matrix" }).locator(`[data-cell="${id}"]`).first();
}
const panel = (page: Page) => page.getByRole("complementary", { name: "Selected technique" });

/** Opens a technique's cell (expanding its parent when it is a sub-technique) and selects it. */
async function selectCell(page: Page, id: string) {
  const parent = id.includes(".") ? id.split(".")[0] : undefined;
  if (parent) {
    const toggle = page.getByRole("button", { name: new RegExp(`sub-techniques of ${parent}$`) }).first();
    if ((await toggle.getAttribute("aria-expanded")) === "false") await toggle.click();
  }
  await cell(page, id).click();
  await expect(cell(page, id)).toHaveAttribute("aria-pressed", "true");
}

async function expectSmbexecUnder(page: Page, base: string) {
  await page.goto(`${base}/attack`);
  for (const id of SMBEXEC_TECHNIQUES) {
    await selectCell(page, id);
    await expect(cell(page, id)).toHaveAccessibleName(new RegExp(`^.+ ${id.replace(".", "\\.")} with [1-9]\\d* analytics?`));
    await expect(panel(page).getByRole("heading", { level: 2 })).toContainText(id);
    const link = panel(page).getByRole("link", { name: SMBEXEC }).first();
    await expect(link).toHaveAttribute("href", `/analytics/${SMBEXEC_SLUG}`);
  }
}

test.describe("ATT&CK matrix (built-in content)", () => {
  test("14 tactics in matrix order; the smbexec seed counts under T1021.002 and its other techniques", async ({ page }) => {
    await page.goto("/attack");
    const headings = page.getByRole("group", { name: "Enterprise ATT&CK matrix" }).getByRole("heading", { level: 2 });
    await expect(headings).toHaveCount(14);
    await expect(headings.first()).toContainText("Reconnaissance");
    await expect(headings.last()).toContainText("Impact");

    // Sub-techniques collapse under their technique; the count is printed, not only shaded.
    const toggle = page.getByRole("button", { name: /sub-techniques of T1021$/ });
    await expect(toggle).toHaveAttribute("aria-expanded", "false");
    await expect(page.locator('[data-cell="T1021.002"]')).toHaveCount(0);
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", "true");
    await expect(cell(page, "T1021.002")).toHaveAccessibleName("SMB/Windows Admin Shares T1021.002 with 1 analytic");
    await expect(cell(page, "T1021.002")).toContainText("1");
    await cell(page, "T1021.002").click();
    await expect(panel(page).getByRole("heading", { level: 2 })).toContainText("T1021.002 SMB/Windows Admin Shares");
    await expect(panel(page).getByRole("link", { name: SMBEXEC })).toHaveAttribute("href", `/analytics/${SMBEXEC_SLUG}`);

    await expectSmbexecUnder(page, "");
    // A multi-tactic sub-technique appears under each of its tactics.
    await expect(page.locator('[data-cell="T1543.003"]')).toHaveCount(2);

    // A technique id in the address selects it on load (its parent opens).
    await page.goto("/stories");
    await page.goto("/attack#T1021.002");
    await expect(cell(page, "T1021.002")).toHaveAttribute("aria-pressed", "true");
    await expect(panel(page).getByRole("link", { name: SMBEXEC })).toBeVisible();
    await selectCell(page, "T1570");
    await expect(panel(page).getByRole("link", { name: "Windows Lateral Tool Transfer RemCom" })).toBeVisible();
  });

  test("keyboard: cells are buttons, arrow keys move between them", async ({ page }) => {
    await page.goto("/attack");
    const first = cell(page, "T1047");
    await first.focus();
    await page.keyboard.press("ArrowUp");
    const focusedCell = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.cell);
    expect(focusedCell).toBeTruthy();
    expect(focusedCell).not.toBe("T1047");
    await page.keyboard.press("ArrowDown");
    await expect(first).toBeFocused();
    await page.keyboard.press("ArrowRight");
    const right = await page.evaluate(() => (document.activeElement as HTMLElement | null)?.dataset.col);
    expect(right).toBe("4"); // Execution is column 3 (0-based), Persistence 4.
    await page.keyboard.press("Enter");
    await expect(page.locator("[data-cell][aria-pressed=true]")).toHaveCount(1);
  });

  test("a column and each technique are laid out only near the screen; focus outlines and the selection ring are drawn inside a technique", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/attack");
    const column = page.locator("[data-column='0']");
    await expect(column).toHaveCSS("content-visibility", "auto");
    await expect(column.locator("li").first()).toHaveCSS("content-visibility", "auto");
    // The column clips what it paints (content-visibility's paint containment): whatever marks a cell stays within the cell.
    const far = cell(page, "T1048"); // Exfiltration, column 12: off a phone's screen at load
    await far.focus();
    await expect(far).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(far).toHaveAttribute("aria-pressed", "true");
    const marks = await far.evaluate((el) => {
      const s = getComputedStyle(el);
      return { outlineOffset: parseFloat(s.outlineOffset), outlineWidth: parseFloat(s.outlineWidth), shadow: s.boxShadow };
    });
    expect(marks.outlineWidth).toBeGreaterThan(0);
    expect(marks.outlineOffset).toBeLessThanOrEqual(-marks.outlineWidth);
    expect(marks.shadow).toContain("inset");
    expect(await far.boundingBox()).not.toBeNull();
    await page.keyboard.press("Tab"); // the technique's sub-technique toggle, also clipped at the technique's edge
    const toggle = await page.evaluate(() => {
      const el = document.activeElement!;
      const s = getComputedStyle(el);
      return { text: el.textContent ?? "", outlineOffset: parseFloat(s.outlineOffset), outlineWidth: parseFloat(s.outlineWidth) };
    });
    expect(toggle.text).toMatch(/sub-techniques? of T1048/);
    expect(toggle.outlineWidth).toBeGreaterThan(0);
    expect(toggle.outlineOffset).toBeLessThanOrEqual(-toggle.outlineWidth);
  });

  test("the catalog's filters apply, in the URL, with the same params", async ({ page }) => {
    await page.goto(`/attack?story=${encodeURIComponent(STORY)}`);
    await expect(page.locator("#attack-stats")).toContainText("1 of 2 analytics");
    await expect(cell(page, "T1570")).toHaveAccessibleName(/ with 0 analytics/);
    await expect(cell(page, "T1021")).toHaveAccessibleName(/ with 1 analytic/);
    await expect(page.getByRole("link", { name: "Download Navigator layer" })).toHaveAttribute(
      "href",
      `/api/attack/layer?story=${encodeURIComponent(STORY).replace(/%20/g, "+")}`,
    );

    await page.goto("/attack");
    await page.locator("summary", { hasText: "Type" }).click();
    const ttp = page.getByRole("checkbox", { name: /TTP/ });
    await ttp.click();
    await expect(ttp).toBeChecked();
    await expect(page).toHaveURL(/\/attack\?type=/);
    await page.keyboard.press("Escape");
    await expect(ttp).toBeHidden();
    await page.getByRole("button", { name: "Clear all" }).click();
    await expect(page).toHaveURL(/\/attack$/);
  });

  test("the layer download is a valid Navigator 4.5 layer", async ({ page, request }) => {
    await page.goto(`/attack?story=${encodeURIComponent(STORY)}`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download Navigator layer" }).click()]);
    expect(download.suggestedFilename()).toBe("detection-console-layer-story-active-directory-lateral-movement.json");

    const res = await request.get(`/api/attack/layer?story=${encodeURIComponent(STORY)}`);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toMatch(/^attachment; filename="detection-console-layer-.*\.json"$/);
    const layer = await res.json();
    expect(validateNavigatorLayer(layer).errors).toEqual([]);
    expect(layer.versions).toEqual({ attack: "18", navigator: "5.2.0", layer: "4.5" });
    const smb = layer.techniques.find((t: { techniqueID: string }) => t.techniqueID === "T1021.002");
    expect(smb).toMatchObject({ tactic: "lateral-movement", score: 1, enabled: true });
    expect(smb.links[0].url).toMatch(new RegExp(`^http://[^/]+/analytics/${SMBEXEC_SLUG}$`));
    expect(layer.techniques.some((t: { techniqueID: string }) => t.techniqueID === "T1570")).toBe(false);
    // Multi-tactic: one entry per tactic.
    expect(layer.techniques.filter((t: { techniqueID: string }) => t.techniqueID === "T1543.003").map((t: { tactic: string }) => t.tactic)).toEqual([
      "persistence",
      "privilege-escalation",
    ]);
  });

  test("importing a layer marks the gaps on the matrix and lists them", async ({ page }) => {
    await page.goto("/attack");
    const layer = {
      name: "Example group",
      versions: { attack: "17", navigator: "5.1.0", layer: "4.5" },
      domain: "enterprise-attack",
      techniques: [{ techniqueID: "T1021.002" }, { techniqueID: "T1059.001", tactic: "execution" }, { techniqueID: "T1570" }, { techniqueID: "T1486", score: 3 }],
    };
    await page.locator('input[type="file"]').setInputFiles({ name: "group.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(layer)) });
    await expect(page.getByTestId("gap-summary")).toContainText("Example group");
    await expect(page.getByTestId("gap-summary")).toContainText("4 techniques, 2 covered, 2 gaps");
    const gaps = page.getByRole("region", { name: /Gaps: techniques of the layer/ });
    await expect(gaps.getByRole("button")).toHaveText(["T1059.001 PowerShell", "T1486 Data Encrypted for Impact"]);
    await expect(cell(page, "T1486")).toHaveAccessibleName(/gap: in the imported layer with no analytic/);
    await expect(cell(page, "T1486")).toContainText("gap");
    await expect(cell(page, "T1059.001")).toHaveAccessibleName(/gap/); // its parent opened by itself
    await expect(cell(page, "T1570")).toHaveAccessibleName(/in the imported layer$/);
    await gaps.getByRole("button", { name: "T1486 Data Encrypted for Impact" }).click();
    await expect(panel(page)).toContainText("Gap: in the imported layer with no analytic");

    // Pasting works too, and errors come back as messages.
    await page.getByLabel("Or paste the layer JSON").fill("{ not json");
    await page.getByRole("button", { name: "Compare with the matrix" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Not valid JSON" })).toBeVisible();
    await page.getByLabel("Or paste the layer JSON").fill("T1047 T1003.001");
    await page.getByRole("button", { name: "Compare with the matrix" }).click();
    await expect(page.getByTestId("gap-summary")).toContainText("2 techniques, 1 covered, 1 gap");
    await page.getByRole("button", { name: "Clear the layer" }).click();
    await expect(page.getByTestId("gap-summary")).toHaveCount(0);
  });

  test("phone width: the matrix scrolls sideways inside its box, the page does not", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto("/attack");
    const widths = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    expect(widths[0]).toBeLessThanOrEqual(widths[1]! + 1);
    await expect(page.getByRole("link", { name: "Download Navigator layer" })).toBeVisible();
  });
});

test.describe("ATT&CK matrix (../shared/security_content on :3101)", () => {
  test.skip(!hasShared, "../shared/security_content is absent (skipped).");

  test("the smbexec analytic counts under T1021.002 and its other techniques", async ({ page }) => {
    await expectSmbexecUnder(page, SHARED_BASE);
    await page.goto(`${SHARED_BASE}/attack`);
    await expect(page.locator("#attack-stats")).toContainText("1,711 analytics");
  });

  test("the layer validates; a story filter narrows it", async ({ request }) => {
    const all = await request.get(`${SHARED_BASE}/api/attack/layer`);
    const layer = await all.json();
    expect(validateNavigatorLayer(layer).errors).toEqual([]);
    const smb = layer.techniques.find((t: { techniqueID: string }) => t.techniqueID === "T1021.002");
    expect(smb.metadata.map((m: { value: string }) => m.value)).toContain(SMBEXEC);

    const story = await (await request.get(`${SHARED_BASE}/api/attack/layer?story=${encodeURIComponent(STORY)}`)).json();
    expect(validateNavigatorLayer(story).errors).toEqual([]);
    expect(story.techniques.length).toBeLessThan(layer.techniques.length);
    expect(story.techniques.some((t: { techniqueID: string }) => t.techniqueID === "T1021.002")).toBe(true);
  });
});
