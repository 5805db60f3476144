import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";

const ROOT = path.resolve(import.meta.dirname, "..");
const INPUT = path.resolve(ROOT, "../shared/attack");

test("build-attack regenerates the committed table byte for byte", { skip: existsSync(path.join(INPUT, "enterprise-techniques.json")) ? false : "../shared/attack is absent" }, () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), "attack-"));
  try {
    const out = path.join(dir, "attack.json");
    execFileSync(process.execPath, ["--import", "tsx", path.join(ROOT, "scripts/build-attack.ts"), INPUT, out], { cwd: ROOT, stdio: "pipe" });
    assert.equal(readFileSync(out, "utf8"), readFileSync(path.join(ROOT, "lib/attack/data/enterprise-attack.json"), "utf8"));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
