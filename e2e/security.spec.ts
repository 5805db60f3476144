import { expect, test, type Page } from "@playwright/test";
import { XSS, XSS_SLUG, hostileContent, serveContent, type Served } from "./api-server";

/** CSP and headers on pages, pages still hydrate under the CSP, and hostile strings render as text. */
const SEED1 = "/analytics/impacket_lateral_movement_smbexec_commandline_parameters";

/** Records CSP violations and console errors from the start of the page. */
async function watch(page: Page): Promise<{ errors: string[] }> {
  const errors: string[] = [];
  page.on("console", (m) => {
    if (m.type() === "error" && !m.location().url.endsWith("/favicon.ico")) errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(e.message));
  await page.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener("securitypolicyviolation", (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return { errors };
}

async function cspViolations(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);
}

/** React attaches its fiber to DOM nodes when it hydrates them. */
async function hydrated(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const el = document.querySelector("#main") ?? document.body;
    return Object.keys(el).some((k) => k.startsWith("__react"));
  });
}

async function noXss(page: Page) {
  expect(await page.evaluate(() => (window as unknown as { __xss?: unknown }).__xss)).toBeUndefined();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
}

test.describe("security headers and CSP", () => {
  for (const path of ["/", SEED1]) {
    test(`${path}: nonce CSP without unsafe-inline scripts, headers, hydrates with no CSP errors`, async ({ page }) => {
      const { errors } = await watch(page);
      const response = await page.goto(path);
      const h = response!.headers();
      const csp = h["content-security-policy"] ?? "";
      const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
      expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
      expect(scriptSrc).not.toContain("unsafe-inline");
      expect(csp).toContain("frame-ancestors 'none'");
      expect(csp).toContain("worker-src 'self' blob:");
      expect(h["x-content-type-options"]).toBe("nosniff");
      expect(h["referrer-policy"]).toBe("no-referrer");
      await expect.poll(() => hydrated(page)).toBe(true);
      if (path === SEED1) {
        // A client interaction and the tester's Web Worker both work under the CSP.
        const drop = page.getByRole("list", { name: /SPL search/ }).getByRole("button", { name: /drop_dm_object_name\(Processes\)/ });
        await drop.click();
        await expect(drop).toHaveAttribute("aria-expanded", "true");
        await page.getByRole("textbox", { name: "Events", exact: true }).fill("cmd.exe /c whoami");
        await expect(page.getByTestId("run-status")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
      }
      expect(await cspViolations(page)).toEqual([]);
      expect(errors.filter((e) => /Content Security Policy|Refused to/i.test(e))).toEqual([]);
    });
  }

  test("pasted HTML in the tester is shown as text, never run", async ({ page }) => {
    await watch(page);
    await page.goto(SEED1);
    const box = page.getByRole("textbox", { name: "Events", exact: true });
    for (const text of [XSS, JSON.stringify({ process_name: XSS, process: `cmd.exe ${XSS}` })]) {
      await box.fill(text);
      await expect(page.getByTestId("run-status")).toHaveAttribute("data-state", "done", { timeout: 30_000 });
      await expect(page.getByRole("article", { name: "Event 1", exact: true })).toContainText("<img src=x");
      await noXss(page);
    }
    expect(await cspViolations(page)).toEqual([]);
  });
});

test.describe("hostile content", () => {
  let served: Served;
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    served = await serveContent(hostileContent());
  });
  test.afterAll(async () => served?.stop());

  test("HTML in a detection's name and description renders as text on the catalog and its page", async ({ page }) => {
    await watch(page);
    await page.goto(`${served.url}/`);
    await expect(page.getByText(`XSS Probe ${XSS}`).first()).toBeVisible();
    await noXss(page);
    await page.goto(`${served.url}/analytics/${XSS_SLUG}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(`XSS Probe ${XSS}`);
    await expect(page.getByText("<script>window.__xss=2</script>").first()).toBeVisible();
    await noXss(page);
    expect(await cspViolations(page)).toEqual([]);
  });
});
