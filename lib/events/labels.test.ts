import { test } from "node:test";
import assert from "node:assert/strict";
import { formatLabel } from "./labels";

test("format labels", () => {
  const cases: [string, boolean, string][] = [
    ["command-line", false, "command line"],
    ["command-line", true, "command lines"],
    ["security-4688-json", false, "Security 4688 JSON"],
    ["unknown", true, "unknown format"],
    ["something-new", false, "something-new"],
  ];
  for (const [format, plural, want] of cases) assert.equal(formatLabel(format, plural), want);
});
