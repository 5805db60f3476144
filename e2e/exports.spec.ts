import { readFileSync } from "node:fs";
import { expect, test, type Download, type Page } from "@playwright/test";
import { parse } from "yaml";
import { E2E_SPLUNK_URL, FULL_URL } from "./servers";

/**
 * Exports and "Open in Splunk" (issue 15, items 5 and 6). The built-in content's server runs with
 * SPLUNK_URL (playwright.config.ts); the full catalog's without one.
 */
const SLUG = "impacket_lateral_movement_smbexec_commandline_parameters";
const PAGE = `/analytics/${SLUG}`;
const ID = "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76";
const SMBEXEC = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;
const WMIEXEC = String.raw`cmd.exe /Q /c cd \ 1> \\127.0.0.1\ADMIN$\__1700000000.12 2>&1`;

const splunkBox = (page: Page) => page.getByRole("region", { name: "Search", exact: true }).getByTestId("open-in-splunk");
const openLink = (page: Page) => splunkBox(page).getByRole("link", { name: /Open in Splunk/ });

async function searches(page: Page): Promise<{ search: string; expanded: string }> {
  const r = await page.request.get(`/api/analytics/${ID}`);
  expect(r.ok()).toBe(true);
  return (await r.json()) as { search: string; expanded: string };
}

function params(href: string | null) {
  expect(href).not.toBeNull();
  return new URL(href!).searchParams;
}

async function setInput(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Events", exact: true }).fill(text);
  const status = page.getByTestId("run-status");
  await expect(status).toHaveAttribute("data-input-length", String(text.length), { timeout: 60_000 });
  await expect(status).toHaveAttribute("data-state", "done", { timeout: 60_000 });
}

async function downloaded(page: Page, name: string | RegExp): Promise<{ file: string; text: string }> {
  const [dl] = (await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: typeof name === "string" ? `Download ${name}` : name }).click()])) as [Download, void];
  return { file: dl.suggestedFilename(), text: readFileSync((await dl.path())!, "utf8") };
}

test.describe("Open in Splunk", () => {
  test("with SPLUNK_URL: the link goes to its search page with the search URL-encoded, the last 24 hours by default", async ({ page }) => {
    const { search, expanded } = await searches(page);
    await page.goto(PAGE);
    const href = await openLink(page).getAttribute("href");
    expect(href!.startsWith(`${E2E_SPLUNK_URL}/en-US/app/search/search?q=`)).toBe(true);
    expect(href).not.toContain(" ");
    const p = params(href);
    expect(p.get("q")).toBe(search.trim());
    expect([p.get("earliest"), p.get("latest")]).toEqual(["-24h", "now"]);
    await expect(openLink(page)).toHaveAttribute("target", "_blank");

    await splunkBox(page).getByRole("radio", { name: "macros expanded" }).check();
    await splunkBox(page).getByLabel("Time range").selectOption({ label: "Last 7 days" });
    await expect.poll(async () => params(await openLink(page).getAttribute("href")).get("earliest")).toBe("-7d");
    const p2 = params(await openLink(page).getAttribute("href"));
    expect(p2.get("q")).toBe(expanded.trim());
    expect(p2.get("q")).not.toContain("`");
  });

  test("the settings field overrides SPLUNK_URL after a reload; bad addresses are refused", async ({ page }) => {
    await page.goto(PAGE);
    const box = splunkBox(page);
    await box.getByText("Splunk settings").click();
    const field = box.getByLabel(/Your Splunk Web address/);
    for (const [bad, why] of [
      ["javascript:alert(1)", /only http and https/],
      ["https://admin:changeme@splunk.corp.example", /no user name or password/],
    ] as const) {
      await field.fill(bad);
      await box.getByRole("button", { name: "Save" }).click();
      await expect(box.getByRole("status").last()).toContainText(why);
    }
    await expect(openLink(page)).toHaveAttribute("href", new RegExp(`^${E2E_SPLUNK_URL.replace(/[.:/]/g, "\\$&")}/`));
    await field.fill("https://splunk.corp.example/");
    await box.getByRole("button", { name: "Save" }).click();
    await expect(box.getByRole("status").last()).toContainText("Saved in this browser");
    await page.reload();
    // The browser's setting is read after hydration: wait for the link to take it.
    await expect(openLink(page)).toHaveAttribute("href", /^https:\/\/splunk\.corp\.example\/en-US\/app\/search\/search\?q=/);
    const href = await openLink(page).getAttribute("href");
    expect(params(href).get("q")).toBe((await searches(page)).search.trim());
    // Clearing it goes back to the server's.
    await splunkBox(page).getByText("Splunk settings").click();
    await splunkBox(page).getByRole("button", { name: "Clear" }).click();
    await expect(openLink(page)).toHaveAttribute("href", new RegExp(`^${E2E_SPLUNK_URL.replace(/[.:/]/g, "\\$&")}/`));
  });

  test("each /test result has Open in Splunk with the analytic's search", async ({ page }) => {
    const { search } = await searches(page);
    await page.goto("/test");
    await page.getByRole("textbox", { name: "Events", exact: true }).fill(SMBEXEC);
    const item = page.locator(`li[data-analytic="${ID}"][data-verdict="match"]`);
    await expect(item).toBeVisible({ timeout: 60_000 });
    await item.getByTestId("open-in-splunk-lazy").locator("summary").click();
    const link = item.getByRole("link", { name: /Open in Splunk/ });
    const href = await link.getAttribute("href");
    expect(href!.startsWith(`${E2E_SPLUNK_URL}/en-US/app/search/search?q=`)).toBe(true);
    expect(params(href).get("q")).toBe(search.trim());
  });

  test("without SPLUNK_URL the copy buttons stay and the link's place says how to set it", async ({ page }) => {
    await page.goto(`${FULL_URL}${PAGE}`);
    const box = splunkBox(page);
    await expect(box.getByTestId("open-in-splunk-unset")).toContainText("SPLUNK_URL");
    await expect(box.getByRole("link", { name: /Open in Splunk/ })).toHaveCount(0);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: FULL_URL });
    await box.getByRole("button", { name: "Copy expanded search" }).click();
    await expect(box.getByRole("status").first()).toContainText("Copied the search with its macros expanded");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain("tstats");
    expect(copied).not.toContain("`");
  });
});

test.describe("exports from the tester", () => {
  test("contentctl tests: entry, data.yml and the event file have the expected shapes", async ({ page }) => {
    await page.goto(PAGE);
    await setInput(page, `${SMBEXEC}\n${WMIEXEC}`);
    await page.getByRole("button", { name: "contentctl test data" }).click();
    await page.getByLabel("Author (for data.yml)").fill("Ada Analyst");

    const tests = await downloaded(page, /^Download .*_tests\.yml$/);
    expect(tests.file).toBe(`${SLUG}_tests.yml`);
    const entry = parse(tests.text) as { tests: { name: string; attack_data: { data: string; source: string; sourcetype: string }[] }[] };
    expect(entry.tests).toHaveLength(1);
    expect(entry.tests[0]!.name).toBe("True Positive Test");
    expect(entry.tests[0]!.attack_data).toHaveLength(1);
    const ad = entry.tests[0]!.attack_data[0]!;
    expect(Object.keys(ad)).toEqual(["data", "source", "sourcetype"]);
    expect(ad.data).toBe(`${SLUG}.log`);
    expect(tests.text).toContain("# 1 of 2 events fires the analytic here.");

    const data = await downloaded(page, "data.yml");
    const doc = parse(data.text) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual(["author", "id", "date", "description", "environment", "directory", "mitre_technique", "datasets"]);
    expect(doc.author).toBe("Ada Analyst");
    expect(doc.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(doc.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(doc.mitre_technique).toContain("T1021.002");
    expect(doc.datasets).toEqual([{ name: SLUG, path: `/datasets/attack_techniques/T1021.002/${SLUG}/${SLUG}.log`, sourcetype: ad.sourcetype, source: ad.source }]);

    const log = await downloaded(page, `${SLUG}.log`);
    expect(log.text).toBe(`${SMBEXEC}\n${WMIEXEC}\n`);
  });

  test("Copy as Markdown / HTML: analytic link, verdict per event, each clause with wanted / saw", async ({ page }) => {
    await page.goto(PAGE);
    await setInput(page, `${SMBEXEC}\n${WMIEXEC}`);
    await page.getByRole("button", { name: "Copy as Markdown" }).click();
    const md = page.getByLabel("Markdown export");
    await expect(md).toContainText(`### [Impacket Lateral Movement smbexec CommandLine Parameters](<${new URL(page.url()).origin}${PAGE}>)`);
    await expect(md).toContainText("#### Event 1: Fires");
    await expect(md).toContainText("#### Event 2: Does not fire");
    await expect(md).toContainText('- ✘ **fail** `match(process,"(?i)echo\\s+cd")`');
    await expect(md).toContainText("  - wanted `process matching");
    await expect(md).toContainText("  - saw `process = cmd.exe /Q /c cd");

    await page.getByRole("button", { name: "Copy as HTML" }).click();
    const html = page.getByLabel("HTML export");
    await expect(html).toContainText(`<h3><a href="${new URL(page.url()).origin}${PAGE}">Impacket Lateral Movement smbexec CommandLine Parameters</a></h3>`);
    await expect(html).toContainText("<h4>Event 2: Does not fire</h4>");
    await expect(html).toContainText("match(process,&quot;(?i)echo\\s+cd&quot;)");
    await expect(html).toContainText("C:\\Windows\\BTOBTOxy.bat &amp; del");
  });
});
