import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, rm, symlink, writeFile } from "node:fs/promises";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { HOSTILE_PROBLEMS, SEED_SLUGS, makeHostileFolder, type HostileFolder } from "./hostile-folder";
import { loadCatalog } from "./load";
import { loadSamples } from "./samples";
import { MAX_PROBLEMS_PER_FILE } from "./parse-yaml";
import { listContentFiles, readContentFile } from "./safe-fs";
import type { Catalog } from "./types";

// Issue 14, items 1–3: a hostile folder once looped 41 levels deep, read /etc/shadow and /dev/zero,
// emptied the catalog (a huge problem list spread into push) and hung on a named pipe.
let folder: HostileFolder;
let catalog: Catalog;

before(async () => {
  folder = makeHostileFolder();
  catalog = await loadCatalog(folder.dir);
});
after(() => folder.remove());

test("hostile folder: the seeds are served, nothing from outside or through the loop", () => {
  assert.deepEqual(catalog.analytics.map((a) => a.slug).sort(), SEED_SLUGS);
  assert.ok(catalog.analytics.every((a) => !a.file.startsWith("detections/x/")));
  assert.ok(catalog.stories.length > 0 && catalog.macros.length > 0);
  assert.equal(catalog.name, "hostile-content");
});

test("hostile folder: every refused file is listed with its relative path and reason", () => {
  for (const { file, reason } of HOSTILE_PROBLEMS) {
    const p = catalog.problems.filter((x) => x.file === file);
    assert.ok(p.some((x) => reason.test(x.message)), `${file}: ${JSON.stringify(p)}`);
  }
  for (const p of catalog.problems) {
    assert.ok(!path.isAbsolute(p.file), p.file);
    assert.ok(!p.message.includes(folder.dir) && !p.message.includes(os.tmpdir()), p.message);
  }
});

test("problems per file are capped: 50, then one line counting the rest", () => {
  const p = catalog.problems.filter((x) => x.file === "stories/deep/deeper.yml");
  assert.equal(p.length, MAX_PROBLEMS_PER_FILE + 1);
  assert.match(p.at(-1)?.message ?? "", /^[\d,]+ more YAML errors in this file not listed$/);
  assert.ok(catalog.problems.length < 200, String(catalog.problems.length));
});

test("a FIFO samples.yml is a problem, never opened", async () => {
  const r = await loadSamples(process.cwd(), folder.dir);
  assert.ok(r.problems.length === 0);
  await rm(path.join(folder.dir, "samples.yml"));
  execFileSync("mkfifo", [path.join(folder.dir, "samples.yml")]);
  const fifo = await loadSamples(process.cwd(), folder.dir);
  assert.deepEqual(fifo.problems.map((p) => [p.file, p.message]), [["hostile-content/samples.yml", "a named pipe, not a regular file; not read"]]);
});

let small = "";
before(async () => {
  small = await mkdtemp(path.join(os.tmpdir(), "safe-fs-"));
  await mkdir(path.join(small, "detections/a"), { recursive: true });
  await writeFile(path.join(small, "detections/a/one.yml"), "name: one\n");
  await writeFile(path.join(small, "detections/a/latin1.yml"), Buffer.from([0x6e, 0x3a, 0x20, 0xe9, 0x0a]));
  await symlink("a/one.yml", path.join(small, "detections/alias.yml"));
  await symlink("..", path.join(small, "detections/a/up"));
  await symlink("missing.yml", path.join(small, "detections/dangling.yml"));
});
after(() => rm(small, { recursive: true, force: true }));

test("listContentFiles: links inside the folder are followed once, loops and dangling links reported", async () => {
  const problems: Parameters<typeof listContentFiles>[4] = [];
  const files = await listContentFiles(small, "detections", /\.ya?ml$/, true, problems);
  assert.deepEqual(files.map((f) => f.rel), ["detections/a/latin1.yml", "detections/a/one.yml", "detections/alias.yml"]);
  assert.equal(files[2]?.abs, files[1]?.abs);
  assert.deepEqual(problems.map((p) => [p.file, p.message]), [
    ["detections/dangling.yml", "symbolic link to nothing (broken or a loop); not read"],
    ["detections/a/up", "symbolic link to a folder already read (a loop); not followed"],
  ]);
  assert.deepEqual(await listContentFiles(small, "nope", /x/, true, []), []);
});

test("readContentFile: size cap, non-UTF-8, and a missing file with its code", async () => {
  const one = path.join(small, "detections/a/one.yml");
  assert.deepEqual(await readContentFile(one, "one.yml"), { text: "name: one\n" });
  const capped = await readContentFile(one, "one.yml", 4);
  assert.ok("problem" in capped && /10 bytes, over the 4 bytes limit/.test(capped.problem.message));
  const latin = await readContentFile(path.join(small, "detections/a/latin1.yml"), "l.yml");
  assert.ok("problem" in latin && latin.problem.message === "not UTF-8 text; not read");
  const missing = await readContentFile(path.join(small, "nope.yml"), "nope.yml");
  assert.ok("problem" in missing && missing.code === "ENOENT" && missing.problem.message === "cannot read file: ENOENT");
});
