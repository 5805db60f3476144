import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { expect, test, type Page } from "@playwright/test";
import { FULL_URL as FULL } from "./servers";

/**
 * Data sources in the console (issue 12): the tester names a pasted event's data source and shows
 * its fields grouped (raw / add-on / CIM dataset); /data-sources lists every data source with its
 * analytics; a data source's example runs against the analytics that read it. Full catalog (:port+1).
 */
const SHARED = resolve(fileURLToPath(new URL(".", import.meta.url)), "../../shared/security_content");
/** Reads Sysmon EventID 12 and 13: `| tstats … FROM datamodel=Endpoint.Registry where Registry.registry_path=…DisallowRun* Registry.registry_value_data="0x00000001"`. */
const REGISTRY = "/analytics/windows_modify_registry_disallow_windows_app";
/** `wineventlog_security` EventCode=4624 LogonType=3 AuthenticationPackageName=Kerberos action=success src=127.0.0.1. */
const LOGON = "/analytics/windows_kerberos_local_successful_logon";

// Written from Sysmon's schema for event 13 (RegistryEvent, value set) and Microsoft's for 4624.
const SYSMON_13 = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Sysmon' Guid='{5770385f-c22a-43e0-bf4c-06f5698ffbd9}'/><EventID>13</EventID><Version>2</Version><Level>4</Level><Task>13</Task><Opcode>0</Opcode><Keywords>0x8000000000000000</Keywords><TimeCreated SystemTime='2024-05-02T09:15:30.1234567Z'/><EventRecordID>4711</EventRecordID><Correlation/><Execution ProcessID='3100' ThreadID='4020'/><Channel>Microsoft-Windows-Sysmon/Operational</Channel><Computer>ws01.corp.example</Computer><Security UserID='S-1-5-18'/></System><EventData><Data Name='RuleName'>-</Data><Data Name='EventType'>SetValue</Data><Data Name='UtcTime'>2024-05-02 09:15:30.123</Data><Data Name='ProcessGuid'>{a1b2c3d4-0000-1111-2222-333344445555}</Data><Data Name='ProcessId'>5120</Data><Data Name='Image'>C:\\Windows\\regedit.exe</Data><Data Name='TargetObject'>HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Policies\\Explorer\\DisallowRun\\1</Data><Data Name='Details'>DWORD (0x00000001)</Data><Data Name='User'>CORP\\alice</Data></EventData></Event>`;
const LOGON_4624 = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-a5ba-3e3b0328c30d}'/><EventID>4624</EventID><Version>2</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode><Keywords>0x8020000000000000</Keywords><TimeCreated SystemTime='2024-05-02T09:20:00.000000000Z'/><EventRecordID>90210</EventRecordID><Correlation/><Execution ProcessID='640' ThreadID='700'/><Channel>Security</Channel><Computer>dc01.corp.example</Computer><Security/></System><EventData><Data Name='SubjectUserSid'>S-1-0-0</Data><Data Name='SubjectUserName'>-</Data><Data Name='SubjectDomainName'>-</Data><Data Name='SubjectLogonId'>0x0</Data><Data Name='TargetUserSid'>S-1-5-21-1-2-3-1104</Data><Data Name='TargetUserName'>alice</Data><Data Name='TargetDomainName'>CORP</Data><Data Name='TargetLogonId'>0x3e7a1</Data><Data Name='LogonType'>3</Data><Data Name='LogonProcessName'>Kerberos</Data><Data Name='AuthenticationPackageName'>Kerberos</Data><Data Name='WorkstationName'>-</Data><Data Name='LogonGuid'>{00000000-0000-0000-0000-000000000000}</Data><Data Name='IpAddress'>127.0.0.1</Data><Data Name='IpPort'>50001</Data></EventData></Event>`;

const box = (page: Page) => page.getByRole("textbox", { name: "Events", exact: true });
const card = (page: Page, n: number) => page.getByRole("article", { name: `Event ${n}`, exact: true });
/** The rows of one field group (a `tbody` per group) of the first event card. */
const group = (page: Page, title: RegExp) => card(page, 1).locator("tbody").filter({ has: page.getByRole("columnheader", { name: title }) });

/** Unfolds the first card's fields (folded when the search is judged over a batch). */
async function openFields(page: Page) {
  const summary = card(page, 1).locator("summary", { hasText: "Fields the engine saw" });
  if ((await summary.locator("xpath=..").getAttribute("open")) === null) await summary.click();
}

async function paste(page: Page, text: string) {
  await box(page).fill(text);
  const status = page.getByTestId("run-status");
  await expect(status).toHaveAttribute("data-input-length", String(text.length), { timeout: 60_000 });
  await expect(status).toHaveAttribute("data-state", "done", { timeout: 60_000 });
}

test.describe("data sources (full catalog)", () => {
  test.skip(!existsSync(SHARED), "../shared/security_content is absent (skipped).");

  test("a Sysmon EventID 13 XML event on a registry analytic's page: its data source and its Endpoint.Registry fields", async ({ page }) => {
    await page.goto(`${FULL}${REGISTRY}`);
    await paste(page, SYSMON_13);
    await expect(card(page, 1).getByTestId("data-source")).toContainText("Sysmon EventID 13");
    await openFields(page);
    const registry = group(page, /^Endpoint\.Registry/);
    await expect(registry.getByRole("rowheader", { name: /^registry_path/ })).toBeVisible();
    await expect(registry.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^registry_path/ }) })).toContainText("DisallowRun");
    await expect(registry.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^registry_value_data/ }) })).toContainText("0x00000001");
    const raw = group(page, /^Event fields/);
    await expect(raw.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^TargetObject/ }) })).toContainText("extracted");
    // `_time` is the event's own, shown as a date, and editable.
    const time = card(page, 1).getByRole("textbox", { name: "_time (event 1)" });
    await expect(time).toHaveValue(/^1714641330/);
    await expect(card(page, 1)).toContainText("2024-05-02T09:15:30");
    await expect(card(page, 1).getByTestId("data-source").getByRole("link")).toHaveCount(0);
  });

  test("a 4624 event on a wineventlog_security analytic's page: its raw fields", async ({ page }) => {
    await page.goto(`${FULL}${LOGON}`);
    await paste(page, LOGON_4624);
    await expect(card(page, 1).getByTestId("data-source")).toContainText("Windows Event Log Security 4624");
    await openFields(page);
    const raw = group(page, /^Event fields/);
    for (const [name, value] of [["EventID", "4624"], ["LogonType", "3"], ["TargetUserName", "alice"], ["AuthenticationPackageName", "Kerberos"], ["IpAddress", "127.0.0.1"], ["Computer", "dc01.corp.example"]]) {
      await expect(raw.getByRole("row").filter({ has: page.getByRole("rowheader", { name: new RegExp(`^${name}`) }) }), name).toContainText(value!);
    }
    // The add-on's own: EventCode (from EventID), user, src.
    const addOn = group(page, /^Add-on fields/);
    await expect(addOn.getByRole("row").filter({ has: page.getByRole("rowheader", { name: /^EventCode/ }) })).toContainText("4624");
  });

  test("the sample picker offers the example event of each data source the analytic reads", async ({ page }) => {
    await page.goto(`${FULL}${REGISTRY}`);
    const examples = page.getByRole("group", { name: "Example events of its data sources" });
    await expect(examples.getByRole("button", { name: /Sysmon EventID 13/ })).toBeVisible();
    await examples.getByRole("button", { name: /Sysmon EventID 13/ }).click();
    await expect(box(page)).toHaveValue(/<EventID>13<\/EventID>/);
    await expect(card(page, 1).getByTestId("data-source")).toContainText("Sysmon EventID 13", { timeout: 60_000 });
  });

  test("/data-sources lists all 205 with their analytics; the analytic page links its data sources", async ({ page }) => {
    await page.goto(`${FULL}/data-sources`);
    await expect(page.getByRole("heading", { level: 1, name: "Data sources" })).toBeVisible();
    await expect(page.locator("#data-sources-count")).toHaveText("205 data sources");
    await expect(page.locator("tbody tr")).toHaveCount(205);
    const row = page.locator("tbody tr").filter({ has: page.getByRole("link", { name: "Sysmon EventID 13", exact: true }) });
    await expect(row.locator("td").last()).toHaveText(/^[1-9]\d*$/);
    await page.getByRole("button", { name: /^Analytics/ }).click();
    await expect(page.locator("tbody tr").first().locator("td").last()).toHaveText(/^[1-9]\d+$/);
    await page.goto(`${FULL}${REGISTRY}`);
    await page.getByRole("list", { name: "Data sources" }).getByRole("link", { name: "Sysmon EventID 13" }).click();
    await expect(page).toHaveURL(/\/data-sources\/sysmon_eventid_13$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sysmon EventID 13");
    await page.getByRole("button", { name: /^Show all \d+ analytics$/ }).click();
    await expect(page.getByRole("list", { name: "Analytics that read this data source" }).getByRole("link", { name: /Disallow Windows App/i })).toBeVisible();
    await expect(page.getByTestId("example-recognised")).toContainText("Read as Sysmon EventID 13");
  });

  test("a data source's count opens the catalog filtered on it (the data-source facet, in the URL)", async ({ page }) => {
    await page.goto(`${FULL}/data-sources`);
    const row = page.locator("tbody tr").filter({ has: page.getByRole("link", { name: "Sysmon EventID 13", exact: true }) });
    const n = (await row.locator("td").last().textContent())!.trim();
    await row.locator("td").last().getByRole("link").click();
    await expect(page).toHaveURL(/[?&]source=Sysmon(\+|%20)EventID(\+|%20)13/);
    await expect(page.locator("#catalog-count")).toContainText(n);
    await expect(page.getByRole("group", { name: "Data source" }).getByRole("checkbox", { name: /Sysmon EventID 13/ })).toBeChecked();
  });

  test("the example of a data source runs against its analytics", async ({ page }) => {
    test.setTimeout(4 * 60_000); // the worker compiles the whole catalog first
    await page.goto(`${FULL}/data-sources/sysmon_eventid_13`);
    const n = Number(/\((\d+)\)/.exec((await page.getByRole("heading", { name: /^Analytics that read it/ }).textContent()) ?? "")?.[1]);
    expect(n).toBeGreaterThan(10);
    await page.getByTestId("run-example").click();
    await expect(page).toHaveURL(/\/test\?data_source=sysmon_eventid_13#t=/, { timeout: 30_000 });
    await expect(page.getByTestId("test-scope")).toContainText(`${n} analytics that read Sysmon EventID 13`);
    await expect(box(page)).toHaveValue(/<EventID>13<\/EventID>/, { timeout: 60_000 });
    const status = page.getByTestId("run-status");
    await expect(status).toHaveAttribute("data-state", "done", { timeout: 120_000 });
    await expect(status).toContainText("Evaluated 1 event");
    // Every one of its analytics is accounted for: firing, not testable, or not firing.
    const count = async (loc: ReturnType<Page["getByTestId"]>, re: RegExp) => Number((re.exec((await loc.textContent()) ?? "")?.[1] ?? "NaN").replace(/,/g, ""));
    await expect(page.getByTestId("no-match-count")).not.toContainText("still to evaluate");
    const firing = await count(page.getByTestId("firing"), /Firing analytics \(([\d,]+)\)/);
    const notTestable = await count(page.getByTestId("not-testable"), /Not testable live \(([\d,]+)\)/);
    const noMatch = await count(page.getByTestId("no-match-count"), /([\d,]+) analytics? do/);
    expect(firing + notTestable + noMatch).toBe(n);
  });
});

test("data source pages stay small: /data-sources and every data source page under 200 KB of HTML", async ({ request }) => {
  test.skip(!existsSync(SHARED), "../shared/security_content is absent (skipped).");
  test.setTimeout(5 * 60_000);
  const slugs = readdirSync(join(SHARED, "data_sources")).filter((f) => f.endsWith(".yml")).map((f) => f.slice(0, -4));
  expect(slugs.length).toBe(205);
  const sizes: [string, number][] = [];
  for (const path of ["/data-sources", ...slugs.map((s) => `/data-sources/${s}`)]) {
    const res = await request.get(`${FULL}${path}`, { maxRedirects: 0 });
    expect(res.status(), path).toBe(200);
    sizes.push([path, (await res.body()).length]);
  }
  sizes.sort((a, b) => b[1] - a[1]);
  console.log(`largest: ${sizes.slice(0, 3).map(([p, n]) => `${p} ${(n / 1024).toFixed(1)} KB`).join(", ")}`);
  expect(sizes.filter(([, n]) => n >= 200 * 1024)).toEqual([]);
});
