import { expect, test, type Page } from "@playwright/test";

const SEED1 = "impacket_lateral_movement_smbexec_commandline_parameters";
const SEED2 = "windows_lateral_tool_transfer_remcom";

function attackRow(page: Page, id: string) {
  return page.getByRole("region", { name: "ATT&CK" }).getByRole("row").filter({ has: page.getByRole("link", { name: id, exact: true }) });
}

test.describe("analytic pages (built-in seeds)", () => {
  test("seed 1: ATT&CK rows, SPL with expandable macros, required fields, RBA 63", async ({ page }) => {
    await page.goto(`/analytics/${SEED1}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Impacket Lateral Movement smbexec CommandLine Parameters");
    await expect(page.getByText("bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76")).toBeVisible();

    const smb = attackRow(page, "T1021.002");
    await expect(smb).toContainText("SMB/Windows Admin Shares");
    await expect(smb).toContainText("Lateral Movement");
    await expect(smb.getByRole("link", { name: "T1021.002 on attack.mitre.org" })).toHaveAttribute("href", "https://attack.mitre.org/techniques/T1021/002");
    await expect(smb.getByRole("link", { name: "T1021.002", exact: true })).toHaveAttribute("href", "/?technique=T1021.002");
    await expect(attackRow(page, "T1543.003")).toContainText("Persistence, Privilege Escalation");

    const spl = page.getByRole("list", { name: /SPL search/ });
    await expect(spl.getByRole("listitem")).toHaveCount(6);
    await expect(spl).toContainText("| tstats");
    const drop = spl.getByRole("button", { name: /drop_dm_object_name\(Processes\)/ });
    await expect(drop).toHaveAttribute("aria-expanded", "false");
    await drop.click();
    await expect(drop).toHaveAttribute("aria-expanded", "true");
    await expect(spl).toContainText("rename Processes.* AS *");
    await expect(page.getByRole("region", { name: "Macros" })).toContainText("impacket_lateral_movement_smbexec_commandline_parameters_filter is empty by default");

    const fields = page.getByRole("region", { name: "Required fields" });
    await expect(fields.getByRole("heading", { name: /Declared in the YAML/ })).toContainText("tags.required_fields");
    await expect(fields.getByRole("heading", { name: /Read by the SPL/ })).toContainText("derived by the engine");
    await expect(fields).toContainText("Processes.parent_process_id");

    const rba = page.getByRole("region", { name: "RBA" });
    await expect(rba.getByTestId("risk-score")).toHaveText("63");
    await expect(rba).toContainText("90 × 70 / 100");
    await expect(rba).toContainText("$dest$");

    await expect(page.getByRole("region", { name: "Live test" })).toContainText("testable live");
    await expect(page.getByRole("link", { name: "Active Directory Lateral Movement" })).toHaveAttribute("href", "/stories/active_directory_lateral_movement");
  });

  test("seed 2: T1570, SPL, required fields that differ from the SPL, RBA 40", async ({ page }) => {
    await page.goto(`/analytics/${SEED2}`);
    const row = attackRow(page, "T1570");
    await expect(row).toContainText("Lateral Tool Transfer");
    await expect(row).toContainText("Lateral Movement");
    const spl = page.getByRole("list", { name: /SPL search/ });
    await expect(spl.getByRole("listitem")).toHaveCount(5);
    await expect(spl).toContainText('Processes.process IN ("*/user:*", "*/pwd:*")');
    const fields = page.getByRole("region", { name: "Required fields" });
    await expect(fields).toContainText("Processes.parent_process_path");
    await expect(fields).toContainText("The lists differ");
    const rba = page.getByRole("region", { name: "RBA" });
    await expect(rba.getByTestId("risk-score")).toHaveText("40");
    await expect(rba).toContainText("80 × 50 / 100");
  });

  test("the id redirects to the slug; unknown analytics are a 404", async ({ page }) => {
    await page.goto("/analytics/e373a840-5bdc-47ef-b2fd-9cc7aaf387f0");
    await expect(page).toHaveURL(new RegExp(`/analytics/${SEED2}$`));
    const res = await page.goto("/analytics/no_such_analytic");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  });

  test("about credits MITRE and Splunk security_content", async ({ page }) => {
    await page.goto("/about");
    await expect(page.getByTestId("attack-credit")).toContainText("© 2025 The MITRE Corporation");
    await expect(page.getByText(/Splunk security_content/).first()).toBeVisible();
    await expect(page.getByText(/Apache License 2\.0/)).toBeVisible();
  });
});
