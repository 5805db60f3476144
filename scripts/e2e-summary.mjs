// Prints "e2e: N passed, N failed" from Playwright's JSON reporter; exits 1 when any test failed.
import { readFileSync, existsSync } from "node:fs";

const file = process.argv[2] ?? "test-results/e2e.json";
if (!existsSync(file)) {
  console.log("e2e: 0 passed, 1 failed");
  process.exit(1);
}
const report = JSON.parse(readFileSync(file, "utf8"));
const s = report.stats ?? {};
const passed = (s.expected ?? 0) + (s.flaky ?? 0);
const failed = (s.unexpected ?? 0);
const skipped = s.skipped ?? 0;
console.log(`e2e: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 || passed === 0 ? 1 : 0);
