import { expect, test, type Page } from "@playwright/test";
import { pasteInto } from "./paste";
import { FULL_URL as FULL } from "./servers";

/**
 * Issue 13 in Chromium on the full catalog: raw Windows events and cloud JSON get Splunk's verdict
 * from the analytics' own SPL — a Sysmon 13 event fires a Registry analytic, 31 network logons
 * (4624, LogonType 3) to 31 hosts cross a raw-event search's `dc(Computer) > 30` and the same
 * logons with LogonType 2 do not, and 21 Azure AD sign-in failures cross `count > 20` while 20 do not.
 */

const box = (page: Page) => page.getByRole("textbox", { name: "Events", exact: true });

async function paste(page: Page, text: string) {
  // Before React has hydrated the box, the paste was lost (a CI flake): pasteInto waits for it.
  await pasteInto(box(page), text);
  const status = page.getByTestId("run-status");
  await expect(status).toHaveAttribute("data-input-length", String(text.length), { timeout: 60_000 });
  await expect(status).toHaveAttribute("data-state", "done", { timeout: 60_000 });
}

const SYSTEM = (id: number, channel: string, provider: string, computer: string, time: string) =>
  `<System><Provider Name='${provider}'/><EventID>${id}</EventID><Version>2</Version><Level>0</Level><TimeCreated SystemTime='${time}'/><EventRecordID>1</EventRecordID><Channel>${channel}</Channel><Computer>${computer}</Computer><Security/></System>`;

const sysmon13 = `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>${SYSTEM(13, "Microsoft-Windows-Sysmon/Operational", "Microsoft-Windows-Sysmon", "ws01.corp.local", "2024-05-02T10:11:12.000Z")}<EventData><Data Name='EventType'>SetValue</Data><Data Name='UtcTime'>2024-05-02 10:11:12.000</Data><Data Name='ProcessGuid'>{11111111-2222-3333-4444-555555555555}</Data><Data Name='ProcessId'>4242</Data><Data Name='Image'>C:\\Windows\\system32\\reg.exe</Data><Data Name='TargetObject'>HKLM\\SOFTWARE\\Microsoft\\Windows\\CurrentVersion\\Run\\updater</Data><Data Name='Details'>C:\\Users\\Public\\updater.exe</Data><Data Name='User'>CORP\\admin</Data></EventData></Event>`;

/** A network logon (4624) of CORP\svc_backup from 10.0.0.66 on host n, LogonType as given. */
const logon = (n: number, logonType: number) =>
  `<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>${SYSTEM(4624, "Security", "Microsoft-Windows-Security-Auditing", `ws${String(n).padStart(2, "0")}.corp.local`, `2024-05-02T10:11:${String(n).padStart(2, "0")}.000Z`)}<EventData><Data Name='SubjectUserSid'>S-1-0-0</Data><Data Name='TargetUserSid'>S-1-5-21-1-2-3-1104</Data><Data Name='TargetUserName'>svc_backup</Data><Data Name='TargetDomainName'>CORP</Data><Data Name='LogonType'>${logonType}</Data><Data Name='AuthenticationPackageName'>NTLM</Data><Data Name='IpAddress'>10.0.0.66</Data><Data Name='IpPort'>49712</Data></EventData></Event>`;

const signInFailure = (i: number) =>
  JSON.stringify({
    time: `2024-05-02T10:${String(i).padStart(2, "0")}:00.0000000Z`,
    resourceId: "/tenants/1111/providers/Microsoft.aadiam",
    operationName: "Sign-in activity",
    category: "SignInLogs",
    resultType: "50126",
    properties: {
      id: `a${i}`,
      userPrincipalName: "alice@contoso.com",
      ipAddress: "203.0.113.9",
      status: { errorCode: 50126, failureReason: "Invalid username or password" },
      authenticationDetails: [{ authenticationMethod: "Password", succeeded: false }],
    },
  });

test.describe("raw events against the full catalog (:3101)", () => {
  test.beforeEach(async ({ request }) => {
    const ok = await request.get(`${FULL}/about`).then((r) => r.ok()).catch(() => false);
    test.skip(!ok, "the full catalog server (:3101) is not running");
  });

  test("a Sysmon EventID 13 event fires a Registry analytic", async ({ page }) => {
    await page.goto(`${FULL}/analytics/registry_keys_used_for_persistence`);
    await paste(page, sysmon13);
    await expect(page.getByRole("article", { name: "Event 1", exact: true }).locator("[data-verdict]").first()).toHaveAttribute("data-verdict", "match");
  });

  test("31 network logons to 31 hosts cross a raw-event search's threshold; LogonType 2 does not", async ({ page }) => {
    await page.goto(`${FULL}/analytics/windows_rapid_authentication_on_multiple_hosts`);
    const over = page.getByRole("region", { name: "Rows over the whole batch" });
    await paste(page, Array.from({ length: 31 }, (_, i) => logon(i + 1, 3)).join("\n"));
    await expect(over.getByRole("table")).toContainText("10.0.0.66");
    await expect(over.getByRole("table")).toContainText("31");
    await paste(page, Array.from({ length: 31 }, (_, i) => logon(i + 1, 2)).join("\n"));
    await expect(over).toContainText("No rows: the search does not fire over this batch.");
  });

  test("21 Azure AD sign-in failures cross `count > 20`; 20 do not", async ({ page }) => {
    await page.goto(`${FULL}/analytics/azure_ad_high_number_of_failed_authentications_for_user`);
    const over = page.getByRole("region", { name: "Rows over the whole batch" });
    await paste(page, Array.from({ length: 21 }, (_, i) => signInFailure(i)).join("\n"));
    await expect(over.getByRole("table")).toContainText("alice@contoso.com");
    await paste(page, Array.from({ length: 20 }, (_, i) => signInFailure(i)).join("\n"));
    await expect(over).toContainText("No rows: the search does not fire over this batch.");
  });
});
