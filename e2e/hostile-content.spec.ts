import { expect, test } from "@playwright/test";
import { tmpdir } from "node:os";
import { HOSTILE_PROBLEMS, SEED_SLUGS, makeHostileFolder, type HostileFolder } from "../lib/content/hostile-folder";
import { serveContent, type Served } from "./api-server";

/**
 * Issue 14, items 1–3 and 11: a server whose CONTENT_DIR is a hostile folder (symlink loop, links
 * out of the folder, a named pipe, a 50 MB malformed YAML, a binary file, a 1 MB search) starts,
 * lists the problems, serves the seeds, answers every route and stops on SIGTERM; nothing shows
 * the server's absolute path or an origin taken from forwarding headers.
 */
let folder: HostileFolder;
let served: Served;

test.describe.configure({ mode: "serial" });

test.beforeAll(async () => {
  test.setTimeout(150_000);
  folder = makeHostileFolder();
  served = await serveContent(folder.dir, 120_000);
});
test.afterAll(async () => {
  await served?.stop();
  folder?.remove();
});

const noServerPath = (text: string) => {
  expect(text).not.toContain(folder.dir);
  expect(text).not.toContain(tmpdir() + "/");
};

test("/problems lists every refused file by its relative path and reason, and states the size cap", async ({ page }) => {
  const response = await page.goto(`${served.url}/problems`);
  expect(response?.status()).toBe(200);
  const main = page.getByRole("main");
  for (const { file } of HOSTILE_PROBLEMS) await expect(main.getByText(file, { exact: true }).first()).toBeVisible();
  await expect(main).toContainText("named pipe");
  await expect(main).toContainText("outside the content folder");
  await expect(main).toContainText("512 KB");
  noServerPath(await page.content());
});

test("/ serves the two seeds; the footer names the folder, not the server's path", async ({ page }) => {
  await page.goto(`${served.url}/`);
  for (const slug of SEED_SLUGS) await expect(page.locator(`a[href="/analytics/${slug}"]`).first()).toBeVisible();
  await expect(page.getByRole("contentinfo")).toContainText("hostile-content");
  noServerPath(await page.content());
  const api = await (await page.request.get(`${served.url}/api/analytics`)).json();
  expect(api.total).toBe(2);
});

test("every route answers while a named pipe sits in the folder", async ({ request }) => {
  const paths = ["/", "/problems", "/about", "/attack", "/stories", "/test", `/analytics/${SEED_SLUGS[0]}`, "/api/analytics", "/api/attack/layer"];
  for (const p of paths) expect((await request.get(`${served.url}${p}`)).status(), p).toBe(200);
});

test("the ATT&CK layer ignores X-Forwarded-Proto/Host: no links without PUBLIC_URL, the folder's name", async ({ request }) => {
  const response = await request.get(`${served.url}/api/attack/layer`, {
    headers: { "X-Forwarded-Proto": "javascript", "X-Forwarded-Host": "evil.example" },
  });
  const text = await response.text();
  expect(text).not.toContain("evil.example");
  expect(text).not.toContain("javascript:");
  noServerPath(text);
  const layer = JSON.parse(text) as { techniques: Array<{ links?: Array<{ url: string }> }>; metadata: Array<{ name: string; value: string }> };
  const urls = layer.techniques.flatMap((t) => t.links ?? []).map((l) => l.url);
  expect(urls).toEqual([]);
  expect(layer.metadata).toContainEqual({ name: "Content", value: "hostile-content" });
});

test("SIGTERM stops the server although a named pipe sits in the folder", async () => {
  await served.stop();
  await expect
    .poll(async () => fetch(`${served.url}/api/analytics`).then(() => "up", () => "down"), { timeout: 20_000 })
    .toBe("down");
});
