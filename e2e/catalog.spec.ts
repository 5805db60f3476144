import { expect, test } from "@playwright/test";

/** Catalog on the built-in content (:3100): the two seed analytics. */
test.describe("catalog (built-in content)", () => {
  test("lists both seeds with their columns", async ({ page }) => {
    await page.goto("/");
    await expect(page.getByRole("heading", { level: 1, name: "Catalog" })).toBeVisible();
    const rows = page.locator("tbody tr");
    await expect(rows).toHaveCount(2);
    await expect(page.getByRole("link", { name: "Impacket Lateral Movement smbexec CommandLine Parameters" })).toBeVisible();
    await expect(page.getByRole("link", { name: "Windows Lateral Tool Transfer RemCom" })).toBeVisible();
  });

  test("a facet and a search land in the URL, survive a reload, and the back button undoes them", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("group", { name: "Tactic" }).getByRole("checkbox", { name: /Lateral Movement/ }).check();
    await expect(page).toHaveURL(/tactic=lateral-movement/);
    await page.getByRole("searchbox", { name: "Search analytics" }).fill("remcom");
    await expect(page).toHaveURL(/q=remcom/);
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.getByRole("group", { name: "Active filters" })).toContainText("remcom");

    await page.reload();
    await expect(page.getByRole("searchbox", { name: "Search analytics" })).toHaveValue("remcom");
    await expect(page.getByRole("group", { name: "Tactic" }).getByRole("checkbox", { name: /Lateral Movement/ })).toBeChecked();
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await expect(page.locator("tbody")).toContainText("Windows Lateral Tool Transfer RemCom");

    await page.goBack();
    await expect(page).not.toHaveURL(/q=remcom/);
    await expect(page.locator("tbody tr")).toHaveCount(2);
  });

  test("text search covers the SPL and ids; no match shows an empty state", async ({ page }) => {
    await page.goto("/?q=bb3c1bac-6bdf");
    await expect(page.locator("tbody tr")).toHaveCount(1);
    await page.goto("/?q=%22cmd.exe%22");
    await expect(page.locator("tbody")).toContainText("smbexec");
    await page.goto("/?q=no-such-thing-anywhere");
    await expect(page.getByText("No analytic matches these filters.")).toBeVisible();
  });

  test("sorting by a column is in the URL and reloads sorted", async ({ page }) => {
    await page.goto("/");
    const firstRow = page.locator("tbody tr").first();
    await page.getByRole("button", { name: /^Risk/ }).click();
    await expect(page).toHaveURL(/sort=risk%3Adesc|sort=risk:desc/);
    await expect(page.getByRole("columnheader", { name: /Risk/ })).toHaveAttribute("aria-sort", "descending");
    await expect(firstRow).toContainText("smbexec");
    await page.getByRole("button", { name: /^Risk/ }).click();
    await expect(page).toHaveURL(/sort=risk%3Aasc|sort=risk:asc/);
    await expect(firstRow).toContainText("RemCom");
    await page.reload();
    await expect(page.getByRole("columnheader", { name: /Risk/ })).toHaveAttribute("aria-sort", "ascending");
    await expect(firstRow).toContainText("RemCom");
    await page.goBack();
    await expect(page).toHaveURL(/sort=risk%3Adesc|sort=risk:desc/);
    await expect(firstRow).toContainText("smbexec");
  });
});
