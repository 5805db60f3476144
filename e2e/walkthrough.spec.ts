import { expect, test, type Page } from "@playwright/test";
import { FULL_URL as FULL } from "./servers";

/** Story walk-through (issue 15 item 2): analytic by analytic, buttons and keyboard, a firing sample preloaded. */
const position = (page: Page) => page.getByTestId("walk-position");
/** The keys work once the page is hydrated (the nav says so). */
const keysReady = (page: Page) => expect(page.getByTestId("walk-nav")).toHaveAttribute("data-ready", "yes", { timeout: 30_000 });

test("built-in content: the step's tester is preloaded with a sample that fires", async ({ page }) => {
  await page.goto("/stories/active_directory_lateral_movement/walk/1");
  await expect(position(page)).toHaveText("1 of 1");
  await expect(page.getByTestId("walk-sample")).toHaveAttribute("data-fires", "yes");
  const tester = page.getByTestId("analytic-tester");
  await expect(tester.getByRole("textbox", { name: "Events", exact: true })).not.toHaveValue("");
  await expect(tester.locator('article [data-verdict="match"]').first()).toBeVisible({ timeout: 60_000 });
  expect((await page.request.get("/stories/active_directory_lateral_movement/walk/2")).status()).toBe(404);
});

test.describe("the Active Directory Lateral Movement walk-through (full catalog)", () => {
  test.beforeEach(async ({ request }) => {
    const ok = await request.get(`${FULL}/about`).then((r) => r.ok()).catch(() => false);
    test.skip(!ok, "the full catalog server is not running");
    test.setTimeout(3 * 60_000);
  });

  test("steps through the story's analytics with the keyboard and the buttons", async ({ page }) => {
    await page.goto(`${FULL}/stories/active_directory_lateral_movement`);
    await page.getByTestId("story-actions").getByRole("link", { name: /Walk through/ }).click();
    await expect(page).toHaveURL(/\/stories\/active_directory_lateral_movement\/walk\/1$/, { timeout: 30_000 });
    const total = Number(/of (\d+)/.exec((await position(page).textContent()) ?? "")![1]);
    expect(total).toBeGreaterThan(10);
    const h1 = page.getByRole("heading", { level: 1 });
    const names = [await h1.textContent()];
    for (const [key, n] of [["ArrowRight", 2], ["j", 3], ["ArrowLeft", 2], ["k", 1]] as const) {
      await keysReady(page);
      await page.keyboard.press(key);
      await expect(page).toHaveURL(new RegExp(`/walk/${n}$`), { timeout: 30_000 });
      await expect(position(page)).toHaveText(`${n} of ${total}`);
      names.push(await h1.textContent());
    }
    expect(names[1]).not.toBe(names[0]);
    expect(names[2]).not.toBe(names[1]);
    expect(names[3]).toBe(names[1]);
    expect(names[4]).toBe(names[0]);
    // No previous on the first step; Next goes on.
    await expect(page.getByTestId("walk-nav").getByRole("link", { name: /Previous/ })).toHaveCount(0);
    await page.getByTestId("walk-nav").getByRole("link", { name: /Next/ }).click();
    await expect(page).toHaveURL(/\/walk\/2$/, { timeout: 30_000 });
    // Arrows typed in the Events box move the caret, not the walk.
    const events = page.getByRole("textbox", { name: "Events", exact: true });
    await events.click();
    await page.keyboard.press("ArrowLeft");
    await expect(page).toHaveURL(/\/walk\/2$/);
    // The last step has no Next.
    await page.goto(`${FULL}/stories/active_directory_lateral_movement/walk/${total}`);
    await expect(position(page)).toHaveText(`${total} of ${total}`);
    await expect(page.getByTestId("walk-nav").getByRole("link", { name: /Next/ })).toHaveCount(0);
  });

  test("every step says whether it has a firing sample; a preloaded one fires in the tester", async ({ page }) => {
    await page.goto(`${FULL}/stories/active_directory_lateral_movement/walk/1`);
    const total = Number(/of (\d+)/.exec((await position(page).textContent()) ?? "")![1]);
    let fired = 0;
    for (let n = 1; n <= total && fired === 0; n++) {
      if (n > 1) {
        await keysReady(page);
        await page.keyboard.press("j");
      }
      await expect(position(page)).toHaveText(`${n} of ${total}`, { timeout: 30_000 });
      const sample = page.getByTestId("walk-sample");
      if ((await sample.getAttribute("data-fires")) !== "yes") {
        await expect(sample).toContainText("No firing sample");
        continue;
      }
      const tester = page.getByTestId("analytic-tester");
      await expect(tester.getByTestId("run-status")).toHaveAttribute("data-state", "done", { timeout: 120_000 });
      await expect(tester.locator('[data-verdict="match"]').first()).toBeVisible();
      fired++;
    }
    expect(fired).toBe(1);
  });
});
