import { test, afterEach } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { clearCatalogCache, contentDir, getAnalytic, getCatalog, getStory } from "./server";

const ROOT = path.resolve(import.meta.dirname, "../..");
const saved = { cwd: process.cwd(), env: process.env.CONTENT_DIR };

afterEach(() => {
  process.chdir(saved.cwd);
  if (saved.env === undefined) delete process.env.CONTENT_DIR;
  else process.env.CONTENT_DIR = saved.env;
  clearCatalogCache();
});

test("unset or empty CONTENT_DIR serves the built-in content folder", async () => {
  process.chdir(ROOT);
  for (const value of [undefined, "", "   "]) {
    if (value === undefined) delete process.env.CONTENT_DIR;
    else process.env.CONTENT_DIR = value;
    assert.equal(contentDir(), "content");
    const c = await getCatalog();
    assert.equal(c.dir, "content");
    assert.equal(c.analytics.length, 2);
  }
});

test("memoised per process and directory", async () => {
  process.chdir(ROOT);
  delete process.env.CONTENT_DIR;
  const [a, b] = await Promise.all([getCatalog(), getCatalog()]);
  assert.equal(a, b);
  assert.equal(await getCatalog(), a);
});

test("CONTENT_DIR relative to the working directory; lookups by slug and id", async () => {
  process.chdir(path.join(ROOT, "lib"));
  process.env.CONTENT_DIR = "../content";
  const bySlug = await getAnalytic("windows_lateral_tool_transfer_remcom");
  const byId = await getAnalytic("E373A840-5BDC-47EF-B2FD-9CC7AAF387F0");
  assert.ok(bySlug);
  assert.equal(byId, bySlug);
  assert.equal(await getAnalytic("nope"), undefined);
  assert.equal((await getStory("active_directory_discovery"))?.name, "Active Directory Discovery");
  assert.equal((await getStory("Active Directory Lateral Movement"))?.slug, "active_directory_lateral_movement");
});
