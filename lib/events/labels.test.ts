import { test } from "node:test";
import assert from "node:assert/strict";
import { FORMATS, formatLabel } from "./index";

test("format labels come from the registry; old ids still name their format", () => {
  const cases: [string, boolean, string][] = [
    ["command-line", false, "command line"],
    ["command-line", true, "command lines"],
    ["csv", false, "CSV"],
    ["cim-json", false, "CIM JSON"],
    ["windows-xml", false, "Windows event XML"],
    ["sysmon-xml", false, "Windows event XML"],
    ["security-4688-json", false, "Windows event JSON"],
    ["empty", false, "empty"],
    ["unknown", false, "unknown format"],
    ["no-such-format", false, "no-such-format"],
  ];
  for (const [id, plural, label] of cases) assert.equal(formatLabel(id, plural), label, id);
  for (const f of FORMATS) assert.equal(formatLabel(f.id), f.label);
  assert.equal(new Set(FORMATS.map((f) => f.id)).size, FORMATS.length, "format ids are unique");
});
