import AxeBuilder from "@axe-core/playwright";
import { expect, test, type Page, type TestInfo } from "@playwright/test";
import { BUILT_IN_URL, FULL_URL } from "./servers";

/**
 * Accessibility and narrow screens (issue 15, "Done when"): every page, on the built-in content and
 * (when its server is up) the full catalog, has no serious or critical axe-core violation
 * (wcag2a, wcag2aa, best-practice; moderate and minor ones are printed, not asserted), and at 390 px
 * no page is wider than the viewport (inner boxes may scroll).
 */
const TAGS = ["wcag2a", "wcag2aa", "best-practice"];
const NARROW_RULES = ["scrollable-region-focusable"];
const SMBEXEC = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;
const REMCOM = String.raw`RemCom.exe \\10.0.0.5 /user:CORP\admin /pwd:Secret1 cmd.exe`;
const SEEDS: Record<string, string> = {
  impacket_lateral_movement_smbexec_commandline_parameters: SMBEXEC,
  windows_lateral_tool_transfer_remcom: REMCOM,
};

interface PageCase {
  name: string;
  path: string;
  /** Events pasted into the tester before the checks (the page with its results). */
  paste?: string;
}

const CASES: PageCase[] = [
  { name: "catalog", path: "/" },
  ...Object.entries(SEEDS).flatMap(([slug, event]) => [
    { name: `analytic ${slug}`, path: `/analytics/${slug}` },
    { name: `analytic ${slug} with a result`, path: `/analytics/${slug}`, paste: event },
  ]),
  { name: "analytic in presentation mode with a result", path: `/analytics/${Object.keys(SEEDS)[0]}?present=1`, paste: SMBEXEC },
  { name: "/test empty", path: "/test" },
  { name: "/test with results", path: "/test", paste: SMBEXEC },
  { name: "/attack", path: "/attack" },
  { name: "/stories", path: "/stories" },
  { name: "a story", path: "/stories/active_directory_lateral_movement" },
  { name: "/data-sources", path: "/data-sources" },
  { name: "a data source", path: "/data-sources/sysmon_eventid_1" },
  { name: "/problems", path: "/problems" },
  { name: "/about", path: "/about" },
  { name: "the 404 page", path: "/no-such-page" },
];

/**
 * On the full catalog, only the pages whose markup grows with the catalog (lists, matrices, a
 * story, a data source, /test's results, one analytic page with its result): the others are the
 * same components as on the built-in content, checked there (CI time).
 */
const FULL_CASES = new Set(["catalog", "analytic impacket_lateral_movement_smbexec_commandline_parameters with a result", "/test with results", "/attack", "/stories", "a story", "/data-sources", "a data source"]);

/** Fills the Events box and waits for the run (the full catalog's first run compiles it: allow for a loaded machine). */
async function paste(page: Page, text: string) {
  await page.getByRole("textbox", { name: "Events", exact: true }).fill(text);
  const status = page.getByTestId("run-status");
  await expect(status).toHaveAttribute("data-input-length", String(text.length), { timeout: 200_000 });
  await expect(status).toHaveAttribute("data-state", "done", { timeout: 200_000 });
  await expect(page.locator("[data-verdict]").first()).toBeVisible();
}

async function open(page: Page, base: string, c: PageCase) {
  const res = await page.goto(`${base}${c.path}`);
  expect(res?.status()).toBe(c.path === "/no-such-page" ? 404 : 200);
  if (c.paste) await paste(page, c.paste);
}

/**
 * Serious and critical violations fail the test (one line each); the others are printed. `rules`
 * narrows the run (at 390 px only what a narrow layout changes: boxes that scroll).
 */
async function axe(page: Page, info: TestInfo, name: string, rules?: string[]): Promise<string[]> {
  // Only violations: axe then skips collecting every passing node (much faster on a loaded machine).
  let builder = new AxeBuilder({ page }).options({ resultTypes: ["violations"] });
  builder = rules ? builder.withRules(rules) : builder.withTags(TAGS);
  const result = await builder.analyze();
  const bad: string[] = [];
  for (const v of result.violations) {
    const where = v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ");
    const line = `${v.impact} ${v.id} ×${v.nodes.length}: ${where}`;
    if (v.impact === "serious" || v.impact === "critical") bad.push(line);
    else info.annotations.push({ type: "a11y info", description: `${name}: ${v.impact} ${v.id} ×${v.nodes.length}` });
  }
  return bad;
}

/** How much wider than the viewport the page is, and the widest elements that stick out. */
async function overflow(page: Page): Promise<{ scrollWidth: number; offenders: string[] }> {
  return page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const offenders: string[] = [];
    for (const el of document.querySelectorAll("body *")) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 || r.right <= vw + 0.5) continue;
      // Only an element whose box sticks out while its parent's does not (the cause, not its ancestors).
      const parent = el.parentElement?.getBoundingClientRect();
      if (parent && parent.right > vw + 0.5) continue;
      let scrolls = false;
      for (let a = el.parentElement; a && !scrolls; a = a.parentElement) scrolls = /auto|scroll|hidden|clip/.test(getComputedStyle(a).overflowX);
      if (!scrolls) offenders.push(`${el.tagName.toLowerCase()}.${String(el.className).slice(0, 60)} right=${Math.round(r.right)}`);
    }
    return { scrollWidth: document.documentElement.scrollWidth, offenders: offenders.slice(0, 5) };
  });
}

for (const [label, base] of [["built-in content", BUILT_IN_URL], ["full catalog", FULL_URL]] as const) {
  test.describe(`accessibility and 390 px on the ${label}`, () => {
    test.beforeAll(async ({ request }) => {
      if (base === BUILT_IN_URL) return;
      const up = await request.get(`${base}/about`).then((r) => r.ok(), () => false);
      test.skip(!up, "the full catalog's server is not up");
    });

    for (const c of CASES.filter((x) => base === BUILT_IN_URL || FULL_CASES.has(x.name))) {
      test(`${c.name}: no serious or critical axe violation; no wider than 390 px`, async ({ page }, info) => {
        // axe's colour-contrast rule takes tens of seconds on a loaded machine.
        test.setTimeout(base === BUILT_IN_URL ? 240_000 : 480_000);
        await page.setViewportSize({ width: 1440, height: 900 });
        await open(page, base, c);
        const bad = await axe(page, info, c.name);
        // Experimental in axe (so outside the tags), named by issue 15 for the /attack cells.
        bad.push(...(await axe(page, info, c.name, ["label-content-name-mismatch"])));
        // The same page narrowed (a reload would run the full catalog's paste again).
        await page.setViewportSize({ width: 390, height: 844 });
        await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
        bad.push(...(await axe(page, info, `${c.name} at 390 px`, NARROW_RULES)).map((v) => `at 390 px: ${v}`));
        const o = await overflow(page);
        for (const a of info.annotations) if (a.type === "a11y info") console.log(`[a11y info] ${a.description}`);
        expect.soft(bad, "serious or critical axe violations").toEqual([]);
        expect(o.scrollWidth, `page wider than 390 px; sticking out: ${o.offenders.join("; ")}`).toBeLessThanOrEqual(390);
      });
    }
  });
}
