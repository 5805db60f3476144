/**
 * Screenshots of the live tester's states at 1280 and 390 px into .shots/ (git-ignored):
 * empty, match, no match, not testable, bad input, batch (analytic page), /test and /test batch.
 * Needs servers: built-in content on :3100 and the full catalog on :3101 (as playwright.config.ts).
 *   npx tsx scripts/screenshots-tester.ts [--dark]
 */
import { mkdirSync } from "node:fs";
import { chromium, type Page } from "@playwright/test";
import { CHROMIUM_LAUNCH } from "./chromium";

const BUILT_IN = process.env.BASE_URL ?? "http://127.0.0.1:3100";
const FULL = process.env.FULL_URL ?? "http://127.0.0.1:3101";
const dark = process.argv.includes("--dark");
const SMB = "/analytics/impacket_lateral_movement_smbexec_commandline_parameters";
const REMCOM = "/analytics/windows_lateral_tool_transfer_remcom";
const FIRES = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;

async function fill(page: Page, text: string) {
  const box = page.getByRole("textbox", { name: "Events", exact: true });
  if (text.length < 100_000) await box.fill(text);
  else {
    // Large inputs: set the value the way a paste does (fill() types through CDP, slowly).
    await box.evaluate((el, t) => {
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, "value")!.set!;
      setter.call(el, t);
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }, text);
  }
  await page.waitForFunction(
    (len) => {
      const s = document.querySelector('[data-testid="run-status"]');
      return s?.getAttribute("data-state") === "done" && Number(s.getAttribute("data-input-length")) === len;
    },
    text.length,
    { timeout: 120_000, polling: 500 },
  );
}

type Shot = { name: string; base: string; path: string; prepare?: (p: Page) => Promise<void>; clip?: string };
const SHOTS: Shot[] = [
  { name: "empty", base: BUILT_IN, path: SMB },
  { name: "match", base: BUILT_IN, path: SMB, prepare: (p) => fill(p, FIRES) },
  {
    name: "presentation",
    base: BUILT_IN,
    path: SMB,
    prepare: async (p) => {
      await fill(p, FIRES);
      await p.getByRole("button", { name: "Presentation mode" }).click();
    },
  },
  { name: "no-match", base: BUILT_IN, path: SMB, prepare: (p) => fill(p, FIRES.replace("echo cd", "echo whoami")) },
  { name: "remcom-hinges", base: BUILT_IN, path: REMCOM, prepare: (p) => fill(p, String.raw`C:\Users\Public\svchelper.exe \\10.0.0.5 /user:CORP\admin /pwd:Secret1 cmd.exe`) },
  { name: "not-testable", base: FULL, path: "/analytics/uncommon_processes_on_endpoint", prepare: (p) => fill(p, "notepad.exe C:\\x.txt") },
  {
    name: "bad-input",
    base: BUILT_IN,
    path: SMB,
    prepare: (p) => fill(p, `${FIRES}\n\u0000\u0001binary\u0002junk\n{"broken": json\n${"A".repeat(50_000)}\n` + "cmd.exe /c whoami\n".repeat(3000)),
  },
  { name: "batch", base: FULL, path: "/analytics/excessive_service_stop_attempt", prepare: (p) => fill(p, Array.from({ length: 8 }, (_, i) => `sc.exe stop service${i}`).join("\n")) },
  { name: "test-empty", base: FULL, path: "/test" },
  { name: "test", base: FULL, path: "/test", prepare: (p) => fill(p, FIRES) },
  {
    name: "test-batch",
    base: FULL,
    path: "/test",
    prepare: (p) => fill(p, Array.from({ length: 10_000 }, (_, i) => (i % 3 === 0 ? FIRES : i % 3 === 1 ? `RemCom.exe \\\\10.0.0.${i % 250} /user:CORP\\admin /pwd:x cmd.exe` : `notepad.exe file${i}.txt`)).join("\n")),
  },
];
const WIDTHS: [string, number, number][] = [
  ["desktop", 1280, 900],
  ["phone", 390, 844],
];

async function main(): Promise<void> {
  mkdirSync(".shots", { recursive: true });
  const only = process.env.ONLY?.split(",");
  const browser = await chromium.launch(CHROMIUM_LAUNCH);
  try {
    for (const [wname, width, height] of WIDTHS) {
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: dark ? "dark" : "light" });
      const page = await context.newPage();
      page.on("pageerror", (e) => console.log(`pageerror: ${e.message}`));
      for (const shot of SHOTS) {
        if (only && !only.includes(shot.name)) continue;
        await page.goto(`${shot.base}${shot.path}`, { waitUntil: "networkidle" });
        await shot.prepare?.(page);
        const region = shot.path.startsWith("/test") ? page.locator("main") : page.locator('section[aria-labelledby="live-test"]');
        const file = `.shots/tester-${shot.name}-${wname}${dark ? "-dark" : ""}.png`;
        await region.screenshot({ path: file });
        console.log(file);
      }
      await context.close();
    }
  } finally {
    await browser.close();
  }
}

void main();
