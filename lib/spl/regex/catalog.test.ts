/**
 * Compiles every regex literal of the ESCU catalog (the committed fixture, lib/spl/fixtures: the
 * literals fixtures/regex-literals.ts extracts). Each regex must compile or be rejected with a
 * reason, never crash the translator. Counts are printed.
 */
import { test } from "node:test";
import assert from "node:assert/strict";
import { compilePcre } from ".";
import { ESCU } from "../fixtures/escu";

test("every regex in the catalog compiles or is rejected with a reason", () => {
  const regexes = new Set(ESCU.regexes);
  assert.ok(regexes.size > 100, `expected many regexes, found ${regexes.size}`);
  let compiled = 0;
  let re2 = 0;
  let risky = 0;
  let inexact = 0;
  const rejected: string[] = [];
  for (const pattern of regexes) {
    const r = compilePcre(pattern);
    if (r.ok) {
      compiled++;
      if (r.regex.engine === "re2") re2++;
      if (r.regex.risky) risky++;
      if (r.regex.inexact) inexact++;
      // Every compiled regex runs on a typical value without throwing.
      r.regex.test("C:\\Windows\\System32\\cmd.exe /c echo 1 > \\\\127.0.0.1\\C$\\x.bat");
    } else {
      assert.ok(r.reason.length > 0, pattern);
      assert.ok(!r.reason.startsWith("internal"), `${pattern}: ${r.reason}`);
      rejected.push(`  ${JSON.stringify(pattern)}: ${r.reason}`);
    }
  }
  console.log(
    `catalog regexes: ${regexes.size} distinct; compiled ${compiled} (re2 ${re2}, risky js ${risky}, inexact ${inexact}); rejected ${rejected.length}` +
      (rejected.length ? `\n${rejected.join("\n")}` : ""),
  );
  assert.ok(compiled / regexes.size > 0.9, "nearly all catalog regexes should translate");
});
