import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { FULL_URL } from "./servers";

/** The evasion lab on the analytic page (issue 15, item 1): built-in content on E2E_PORT, the full catalog on the next port. */
const SMB = "/analytics/impacket_lateral_movement_smbexec_commandline_parameters";
const SHARED = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../shared/security_content");
const FIRES = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;

const lab = (page: Page) => page.getByTestId("evasion-lab");
const variants = (page: Page) => lab(page).locator("tr[data-variant]:not([data-variant='original'])");

async function labDone(page: Page) {
  await expect(lab(page)).toHaveAttribute("data-state", "done", { timeout: 60_000 });
}

/** ≥ 10 variants with verdicts, one evading; its link opens the tester with the same verdict. */
async function checkSmbexec(page: Page, base: string) {
  await page.goto(`${base}${SMB}`);
  await labDone(page);
  await expect(lab(page).getByTestId("evasion-summary")).toContainText(/From the sample/);
  expect(await variants(page).count()).toBeGreaterThanOrEqual(10);
  for (const v of await variants(page).all()) expect(["match", "no_match", "not_testable"]).toContain(await v.getAttribute("data-verdict"));
  await expect(lab(page).locator("tr[data-variant='original']")).toHaveAttribute("data-verdict", "match");
  const evades = lab(page).locator("tr[data-verdict='no_match']");
  expect(await evades.count()).toBeGreaterThanOrEqual(1);
  const renamed = lab(page).locator("tr[data-variant='renamed']");
  await expect(renamed).toHaveAttribute("data-verdict", "no_match");
  await expect(renamed).toContainText("Processes.process_name=cmd.exe");

  // Each row's link opens the tester with that variant, and the tester agrees.
  for (const generator of ["unc-host", "whitespace"]) {
    const row = lab(page).locator(`tr[data-variant='${generator}']`).first();
    const verdict = await row.getAttribute("data-verdict");
    // The link's text is the variant, then a screen-reader suffix saying what the link does.
    const text = (await row.getByRole("link").textContent())!.replace(/ — open the \S+ variant in the tester$/, "");
    await row.getByRole("link").click();
    await expect(page.getByRole("textbox", { name: "Events", exact: true })).toHaveValue(text);
    const card = page.getByRole("article", { name: "Event 1", exact: true });
    await expect(card.locator("[data-verdict]").first()).toHaveAttribute("data-verdict", verdict!, { timeout: 30_000 });
  }
}

test.describe("evasion lab, built-in content", () => {
  test("smbexec: variants from the sample, one link per row into the tester with the same verdict", async ({ page }) => {
    await checkSmbexec(page, "");
  });

  test("the tester's input is the starting point when it fires; RemCom gets its own variants", async ({ page }) => {
    await page.goto(SMB);
    await labDone(page);
    await page.getByRole("textbox", { name: "Events", exact: true }).fill(FIRES.replace("BTOBTOxy", "QWERTYab"));
    await expect(lab(page).getByTestId("evasion-summary")).toContainText("From your input", { timeout: 30_000 });
    await expect(lab(page).locator("tr[data-variant='original'] a")).toContainText("QWERTYab");

    await page.goto("/analytics/windows_lateral_tool_transfer_remcom");
    await labDone(page);
    await expect(lab(page).locator("tr[data-variant='reorder']")).toHaveAttribute("data-verdict", "match");
  });

  test("at 390 px the table wraps inside the page", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(SMB);
    await labDone(page);
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
  });

  // The lab and the sections under the live test are laid out only near the screen (.dc-defer),
  // which clips their painting at their edges: a focus ring drawn outside a link there must fit.
  test("at 390 px, links in the sections laid out near the screen have room for their focus rings", async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(SMB);
    await labDone(page);
    const RING = 3; // px: Chromium's default ring and a 2 px outline, drawn outside the link
    const tight = await page.evaluate((ring) => {
      const out: string[] = [];
      const boxes = [...document.querySelectorAll<HTMLElement>(".dc-defer")];
      for (const box of boxes) {
        const b = box.getBoundingClientRect();
        for (const el of box.querySelectorAll<HTMLElement>("a[href], button")) {
          const r = el.getBoundingClientRect();
          if (r.width > 0 && (r.left - ring < b.left || r.right + ring > b.right)) out.push((el.textContent ?? "").slice(0, 40));
        }
      }
      return { boxes: boxes.length, out };
    }, RING);
    expect(tight.boxes).toBe(2);
    expect(tight.out).toEqual([]);
  });
});

test.describe("evasion lab, full catalog", () => {
  test.skip(!existsSync(SHARED), "../shared/security_content is absent: the full-catalog checks need it (skipped).");

  test("smbexec: ≥ 10 variants with verdicts, at least one evades, a variant link gives the same verdict in the tester", async ({ page }) => {
    await checkSmbexec(page, FULL_URL);
  });

  test("an analytic with nothing to start from says so", async ({ page }) => {
    await page.goto(`${FULL_URL}/analytics/detect_rare_executables`);
    await labDone(page);
    await expect(lab(page).getByTestId("evasion-nothing")).toContainText("Nothing fires to start from");
  });
});
