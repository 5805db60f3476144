import { spawn, type ChildProcess } from "node:child_process";
import { pasteInto } from "./paste";
import { expect, test, type Page } from "@playwright/test";
import { FULL_URL as FULL } from "./servers";

/**
 * Verdicts never depend on machine load (issue 14 item 6): /test runs the same paste against the
 * full catalog with 0, 1 and 2 cores kept busy by spinning child processes, and every run gives
 * the same firing analytics, the same not-testable analytics with the same reasons, the same
 * no-match count, and no engine error. The paste includes the hostile events of issue 14 (a
 * 64 KB line ending in U+202E, a 64 KB zip path) next to ordinary command lines.
 */
const SMBEXEC = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;
const REMCOM = String.raw`RemCom.exe \\10.0.0.5 /user:CORP\admin /pwd:Secret1 cmd.exe`;
const HOSTILE = [
  JSON.stringify({ process: "x.zip\\" + "zip\\".repeat(16381), process_name: "a.exe" }),
  JSON.stringify({ process: "a".repeat(65535) + "\u202e" }),
];
const PASTE = [JSON.stringify({ process: SMBEXEC, process_name: "cmd.exe" }), ...HOSTILE, JSON.stringify({ process: REMCOM, process_name: "RemCom.exe" }), ...HOSTILE].join("\n");

/** Busy loops in child processes (one per core to load); stopped by pid. */
function spin(cores: number): ChildProcess[] {
  return Array.from({ length: cores }, () => spawn(process.execPath, ["-e", "for(;;){}"], { stdio: "ignore" }));
}
function stop(children: ChildProcess[]): void {
  for (const c of children) if (c.pid !== undefined && c.exitCode === null) process.kill(c.pid, "SIGKILL");
}

interface Snapshot {
  firing: string[];
  notTestable: string[];
  noMatch: string;
  status: string;
}

/** Pastes into a fresh /test page, waits for the run to end, and reads every verdict it shows. */
async function run(page: Page): Promise<Snapshot> {
  await page.goto(`${FULL}/test`);
  const status = page.getByTestId("run-status");
  await expect(status).toContainText("1,711 analytics loaded", { timeout: 120_000 });
  await pasteInto(page.getByRole("textbox", { name: "Events", exact: true }), PASTE);
  await expect(status).toHaveAttribute("data-input-length", String(PASTE.length), { timeout: 120_000 });
  await expect(status).toHaveAttribute("data-state", "done", { timeout: 300_000 });
  // The list renders after the <details> toggle event: wait until it holds as many rows as its
  // summary counts (reading right after the click raced the render and saw an empty list).
  const notTestableBox = page.getByTestId("not-testable");
  await notTestableBox.locator("summary").click();
  const counted = Number(((await notTestableBox.locator("summary").textContent()) ?? "").match(/\(([\d,]+)\)/)?.[1]?.replace(/,/g, "") ?? "NaN");
  await expect(notTestableBox.locator("li[data-analytic]")).toHaveCount(counted);
  const firing = await page.getByTestId("firing").locator("[data-analytic]").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-analytic")}:${e.getAttribute("data-verdict")}`));
  const notTestable = await page.getByTestId("not-testable").locator("li[data-analytic]").evaluateAll((els) => els.map((e) => `${e.getAttribute("data-analytic")}:${e.textContent}`));
  const noMatch = (await page.getByTestId("no-match-count").textContent()) ?? "";
  // The status without its timing ("… in 123 ms.").
  const text = ((await status.textContent()) ?? "").replace(/ in [\d,]+ ms\./, ".");
  return { firing: firing.sort(), notTestable: notTestable.sort(), noMatch, status: text };
}

test.describe("/test verdicts under CPU load (full catalog)", () => {
  test.beforeEach(async ({ request }) => {
    const ok = await request.get(`${FULL}/about`).then((r) => r.ok()).catch(() => false);
    test.skip(!ok, "the full catalog server is not running");
  });

  test("the same paste gives identical results with 0, 1 and 2 busy cores", async ({ browser }) => {
    test.setTimeout(1_200_000);
    const results: Snapshot[] = [];
    for (const cores of [0, 1, 2]) {
      const children = spin(cores);
      try {
        const context = await browser.newContext();
        const page = await context.newPage();
        const t0 = Date.now();
        results.push(await run(page));
        // Printed, not asserted: speed lives in benchmarks.
        console.log(`${cores} busy core(s): run took ${Date.now() - t0} ms; ${results.at(-1)!.firing.length} firing, ${results.at(-1)!.notTestable.length} not testable`);
        await context.close();
      } finally {
        stop(children);
      }
    }
    const [quiet, one, two] = results as [Snapshot, Snapshot, Snapshot];
    expect(quiet.status).not.toContain("The engine stopped");
    expect(quiet.firing.length).toBeGreaterThan(0);
    expect(quiet.notTestable.length).toBeGreaterThan(0);
    expect(one).toEqual(quiet);
    expect(two).toEqual(quiet);
  });
});
