import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, mkdir, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";

test("content problems include the samples file's problems (shown on /problems)", async () => {
  const dir = await mkdtemp(path.join(os.tmpdir(), "dc-problems-"));
  await mkdir(path.join(dir, "detections"), { recursive: true });
  await writeFile(path.join(dir, "samples.yml"), "samples: [unclosed\n");
  process.env["CONTENT_DIR"] = dir;
  const { getContentProblems } = await import("./problems");
  const problems = await getContentProblems();
  assert.ok(problems.some((p) => p.file.endsWith("samples.yml") && p.severity === "error"), JSON.stringify(problems));
});
