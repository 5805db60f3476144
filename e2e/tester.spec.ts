import { expect, test, type Page } from "@playwright/test";
import { pasteInto } from "./paste";

/** The live tester (issue 4): seed pages on :3100 (built-in content), /test on :3101 (full catalog). */
const SEED1 = "/analytics/impacket_lateral_movement_smbexec_commandline_parameters";
const SEED2 = "/analytics/windows_lateral_tool_transfer_remcom";
const SEED1_ID = "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76";
import { FULL_URL as FULL } from "./servers";
const SMBEXEC = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;
const SMBEXEC_LATER = SMBEXEC.replace("echo cd ", "echo whoami");
const WMIEXEC = String.raw`cmd.exe /Q /c cd \ 1> \\127.0.0.1\ADMIN$\__1700000000.12 2>&1`;
const REMCOM = String.raw`RemCom.exe \\10.0.0.5 /user:CORP\admin /pwd:Secret1 cmd.exe`;
const REMCOM_NO_CREDS = String.raw`RemCom.exe \\10.0.0.5 cmd.exe`;

const box = (page: Page) => page.getByRole("textbox", { name: "Events", exact: true });
const event = (page: Page, n: number) => page.getByRole("article", { name: `Event ${n}`, exact: true });

/** Console errors, except the site's missing favicon (not the tester's). */
function watchConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) errors.push(`${m.text()} (${m.location().url})`);
  });
  page.on("pageerror", (e) => errors.push(e.message));
  return errors;
}

/** Sets the input as a paste does (fast for large text) and waits for the run to finish. */
async function setInput(page: Page, text: string, timeout = 60_000) {
  if (text.length < 5_000) await box(page).fill(text);
  else {
    await pasteInto(box(page), text);
  }
  await waitDone(page, text.length, timeout);
}

async function waitDone(page: Page, length: number, timeout = 60_000) {
  const status = page.getByTestId("run-status");
  await expect(status).toHaveAttribute("data-input-length", String(length), { timeout });
  await expect(status).toHaveAttribute("data-state", "done", { timeout });
}

test.describe("tester on the seed pages", () => {
  test("save as test case: the events and their verdicts become test-case YAML", async ({ page }) => {
    await page.goto(SEED1);
    await setInput(page, `${SMBEXEC}\n${WMIEXEC}`);
    await page.getByRole("button", { name: /test case/i }).click();
    const yaml = page.locator("pre, textarea").filter({ hasText: "cases:" }).first();
    await expect(yaml).toContainText(SEED1_ID);
    await expect(yaml).toContainText("expect: match");
    await expect(yaml).toContainText("expect: no_match");
    // The panel (a long file name in its text and Download button) wraps at 390 px.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  });

  test("seed 1: smbexec's first command fires; the alert message is filled", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(SEED1);
    await setInput(page, SMBEXEC);
    const card = event(page, 1);
    await expect(card.locator("[data-verdict]")).toHaveAttribute("data-verdict", "match");
    await expect(card.locator("[data-verdict]")).toHaveText(/Fires/);
    await expect(card.getByTestId("rba-result")).toContainText("Suspicious command-line parameters on");
    await expect(card.getByTestId("rba-result")).toContainText("score 63");
    await expect(card.locator('mark[data-clause="pass"]').first()).toBeVisible();
    await expect(card.locator('mark[data-clause="fail"]')).toHaveCount(0);
    // regex matches highlighted in the event text
    await expect(card.getByLabel("Text of event 1").locator("mark").first()).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("seed 1: near misses do not fire, and the trace names the failing clause", async ({ page }) => {
    await page.goto(SEED1);
    for (const line of [SMBEXEC_LATER, WMIEXEC]) {
      await setInput(page, line);
      const card = event(page, 1);
      await expect(card.locator("[data-verdict]")).toHaveAttribute("data-verdict", "no_match");
      await expect(card.getByTestId("failing-clause")).toContainText(String.raw`failed: match(process,"(?i)echo\s+cd")`);
      await expect(card.locator('mark[data-clause="fail"]', { hasText: "echo" })).toBeVisible();
    }
  });

  test("seed 2: RemCom with credentials fires; without them it does not (failing clause named)", async ({ page }) => {
    await page.goto(SEED2);
    await setInput(page, REMCOM);
    await expect(event(page, 1).locator("[data-verdict]")).toHaveAttribute("data-verdict", "match");
    await setInput(page, REMCOM_NO_CREDS);
    const card = event(page, 1);
    await expect(card.locator("[data-verdict]")).toHaveAttribute("data-verdict", "no_match");
    await expect(card.getByTestId("failing-clause")).toContainText('failed: Processes.process IN ("*/user:*", "*/pwd:*")');
  });

  test("seed 2: a renamed binary hinges on original_file_name; editing the field re-evaluates", async ({ page }) => {
    await page.goto(SEED2);
    await setInput(page, String.raw`C:\Users\Public\svchelper.exe \\10.0.0.5 /user:CORP\admin /pwd:Secret1 cmd.exe`);
    const card = event(page, 1);
    await expect(card.locator("[data-verdict]")).toHaveAttribute("data-verdict", "no_match");
    await expect(card.getByTestId("hinges-on")).toContainText("original_file_name");
    await card.getByRole("textbox", { name: "original_file_name (event 1)" }).fill("RemCom.exe");
    await expect(card.locator("[data-verdict]")).toHaveAttribute("data-verdict", "match");
  });

  test("samples: one click loads an example; n moves to the next sample", async ({ page }) => {
    await page.goto(SEED1);
    // A click that lands before the page has hydrated does nothing: click until the sample is in.
    await expect(async () => {
      await page.getByRole("button", { name: /smbexec, first command/ }).click();
      await expect(page.getByRole("button", { name: /smbexec, first command/ })).toHaveAttribute("aria-pressed", "true", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
    await expect(event(page, 1).locator("[data-verdict]")).toHaveAttribute("data-verdict", "match", { timeout: 30_000 });
    await page.keyboard.press("n");
    await expect(page.getByRole("button", { name: /a later command/ })).toHaveAttribute("aria-pressed", "true");
    await expect(event(page, 1).locator("[data-verdict]")).toHaveAttribute("data-verdict", "no_match");
    await page.keyboard.press("/");
    await expect(box(page)).toBeFocused();
  });

  test("permalink: the copied link reloads the same test", async ({ page, context }) => {
    await context.grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto(SEED2);
    await setInput(page, String.raw`C:\Users\Public\svchelper.exe \\10.0.0.5 /user:CORP\admin /pwd:Secret1 cmd.exe`);
    await event(page, 1).getByRole("textbox", { name: "original_file_name (event 1)" }).fill("RemCom.exe");
    await expect(event(page, 1).locator("[data-verdict]")).toHaveAttribute("data-verdict", "match");
    await page.getByRole("button", { name: "Copy link to this test" }).click();
    await expect(page).toHaveURL(/#t=[zp][A-Za-z0-9_-]+$/);
    const url = page.url();
    const fresh = await context.newPage();
    await fresh.goto(url);
    await expect(box(fresh)).toHaveValue(/svchelper\.exe/);
    await expect(event(fresh, 1).locator("[data-verdict]")).toHaveAttribute("data-verdict", "match");
    await expect(event(fresh, 1).getByRole("textbox", { name: "original_file_name (event 1)" })).toHaveValue("RemCom.exe");
  });

  test("bad input: binary junk, a 50,000-character line and broken JSON are reported, nothing throws", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(SEED1);
    const junk = `${SMBEXEC}\n\u0000\u0001\u0002binary\n${"A".repeat(50_000)}\n` + "cmd.exe /c whoami\n".repeat(3000);
    await setInput(page, junk);
    await expect(page.getByTestId("parse-notes")).toContainText("rejected");
    await page.getByText(/^Rejected input \(/).click();
    await expect(page.getByRole("list", { name: "Rejected input" })).toContainText("line 2:");
    await expect(event(page, 1).locator("[data-verdict]")).toHaveAttribute("data-verdict", "match");
    await expect(page.getByTestId("verdict-table")).toBeVisible();
    expect(errors).toEqual([]);
  });

  test("batch: 10,000 events get a paginated verdict table", async ({ page }) => {
    await page.goto(SEED1);
    const lines = Array.from({ length: 10_000 }, (_, i) => (i % 2 ? SMBEXEC : SMBEXEC_LATER)).join("\n");
    await setInput(page, lines);
    await expect(page.getByTestId("verdict-counts")).toHaveText(/5,000 fire · 5,000 do not fire · 0 not testable/);
    await expect(page.getByTestId("verdict-table")).toContainText("of 10,000");
  });

  test("a 10 MB paste: the page still answers input promptly", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(SEED1);
    await setInput(page, "x");
    const line = `${SMBEXEC}\n`;
    const big = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
    const t0 = Date.now();
    // A real paste event (the tester keeps a paste this large out of the text box).
    await box(page).evaluate((el, t) => {
      const dt = new DataTransfer();
      dt.setData("text/plain", t);
      el.dispatchEvent(new ClipboardEvent("paste", { clipboardData: dt, bubbles: true, cancelable: true }));
    }, big);
    const pasteMs = Date.now() - t0;
    // While the engine works: a click on another control.
    const t1 = Date.now();
    await page.getByRole("button", { name: "Keyboard shortcuts" }).click();
    await expect(page.getByRole("region", { name: "Keyboard shortcuts" })).toBeVisible();
    const clickMs = Date.now() - t1;
    await waitDone(page, big.length + 1, 120_000);
    const firstRun = Date.now() - t0;
    await expect(page.getByTestId("large-input")).toContainText("A large input is loaded");
    await expect(page.getByTestId("parse-notes")).toContainText("Cut short");
    await expect(event(page, 1).locator("[data-verdict]")).toHaveAttribute("data-verdict", "match");
    // Then: clear it and type a command line; time until its verdict.
    await page.getByRole("button", { name: "Clear the input" }).click();
    const t2 = Date.now();
    await box(page).fill(SMBEXEC_LATER);
    await waitDone(page, SMBEXEC_LATER.length);
    await expect(event(page, 1).locator("[data-verdict]")).toHaveAttribute("data-verdict", "no_match");
    const typeMs = Date.now() - t2;
    // Figures are printed, not asserted: speed lives in benchmarks (bench/tester-latency.ts), and a
    // time bound here fails on a loaded machine. What is asserted: the click was answered during
    // the run, the run finished, and a typed line afterwards got its verdict.
    console.log(`10 MB paste: paste handled in ${pasteMs} ms; a click during the run answered in ${clickMs} ms; all verdicts after ${firstRun} ms; then a typed command line judged in ${typeMs} ms`);
    expect(errors).toEqual([]);
  });
});

test.describe("/test against the full catalog (:3101)", () => {
  test.beforeEach(async ({ request }) => {
    const ok = await request.get(`${FULL}/about`).then((r) => r.ok()).catch(() => false);
    test.skip(!ok, "the full catalog server (:3101) is not running");
  });

  test("the smbexec command line: the seed analytic is among the firing ones, grouped by tactic", async ({ page }) => {
    const errors = watchConsole(page);
    await page.goto(`${FULL}/test`);
    await expect(page.getByTestId("run-status")).toContainText("1,711 analytics loaded");
    await setInput(page, SMBEXEC);
    const firing = page.getByTestId("firing");
    const seed = firing.locator(`[data-analytic="${SEED1_ID}"]`);
    await expect(seed).toHaveAttribute("data-verdict", "match");
    await expect(firing.getByRole("region", { name: "Lateral Movement" })).toContainText("Impacket Lateral Movement smbexec CommandLine Parameters");
    await page.getByTestId("not-testable").locator("summary").click();
    await expect(page.getByTestId("not-testable").locator('[data-verdict="not_testable"]').first()).toBeVisible();
    await expect(page.getByTestId("no-match-count")).toContainText("do not fire");
    expect(errors).toEqual([]);
  });

  test("the first paste, answered by the server while the worker loads, shows what the worker shows later", async ({ page }) => {
    const runs: string[] = [];
    page.on("request", (r) => void (r.url().includes("/test/run/") && runs.push(r.postData() ?? "")));
    await page.goto(`${FULL}/test`);
    const box = page.getByRole("textbox", { name: "Events", exact: true });
    await box.fill(SMBEXEC);
    const status = page.getByTestId("run-status");
    await expect(status).toHaveAttribute("data-state", "done");
    const shown = () => page.getByTestId("firing").locator("[data-analytic]").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-analytic")}:${e.getAttribute("data-verdict")}`));
    const first = await shown();
    expect(first.length).toBeGreaterThan(0);
    expect(runs.some((r) => r.includes("BTOBTOxy"))).toBe(true);
    // Once the worker has finished a request, the server is no longer asked: edit until then.
    for (let i = 1; i <= 30; i++) {
      const asked = runs.length;
      await box.fill(`${SMBEXEC}${" ".repeat(i)}`);
      await expect(status).toHaveAttribute("data-input-length", String(SMBEXEC.length + i));
      await expect(status).toHaveAttribute("data-state", "done");
      if (runs.length === asked) break;
      await page.waitForTimeout(200);
    }
    const asked = runs.length;
    await box.fill(SMBEXEC);
    await expect(status).toHaveAttribute("data-input-length", String(SMBEXEC.length));
    await expect(status).toHaveAttribute("data-state", "done");
    expect(runs.length, "the worker's own answer").toBe(asked);
    expect(await shown()).toEqual(first);
  });

  test("a permalink on /test reloads the same result", async ({ page, context }) => {
    await page.goto(`${FULL}/test`);
    await expect(page.getByTestId("run-status")).toContainText("1,711 analytics loaded");
    await setInput(page, REMCOM);
    await page.getByRole("button", { name: "Copy link to this test" }).click();
    await expect(page).toHaveURL(/#t=/);
    const fresh = await context.newPage();
    await fresh.goto(page.url());
    await expect(fresh.getByTestId("firing").locator('[data-analytic="e373a840-5bdc-47ef-b2fd-9cc7aaf387f0"]')).toHaveAttribute("data-verdict", "match", { timeout: 30_000 });
  });

  test("many events: events × firing analytics table", async ({ page }) => {
    await page.goto(`${FULL}/test`);
    await expect(page.getByTestId("run-status")).toContainText("1,711 analytics loaded");
    await setInput(page, [SMBEXEC, REMCOM, "notepad.exe a.txt"].join("\n"));
    const matrix = page.getByTestId("catalog-matrix");
    await expect(matrix).toBeVisible();
    await expect(matrix.getByRole("row")).toHaveCount(4);
  });
});

test("/test settles after load: its warm-up of the server's run is answered 204 with no body, so no request stays open", async ({ page }) => {
  const warm = page.waitForResponse((r) => r.url().includes("/test/run/") && r.request().method() === "POST");
  await page.goto("/test", { waitUntil: "networkidle", timeout: 20_000 });
  const r = await warm;
  expect(r.status()).toBe(204);
});

test("/test asks the engine nothing while the box is empty; emptying it after a run clears the results", async ({ page }) => {
  await page.goto("/test", { waitUntil: "networkidle" });
  const status = page.getByTestId("run-status");
  await expect(status).toContainText("analytics loaded");
  // No run at load: the worker was not asked for an outcome per analytic of an empty box.
  await expect(status).toHaveAttribute("data-req", "0");
  await expect(status).toHaveAttribute("data-state", "idle");
  await setInput(page, SMBEXEC);
  await expect(page.locator("[data-verdict]").first()).toBeVisible();
  await box(page).fill("");
  await expect(status).toHaveAttribute("data-input-length", "0");
  await expect(status).toHaveAttribute("data-state", "done");
  await expect(status).not.toContainText("Evaluated");
  await expect(page.getByText("Paste a command line (or many events")).toBeVisible();
  await expect(page.locator("[data-verdict]")).toHaveCount(0);
});
