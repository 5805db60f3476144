import { test } from "node:test";
import assert from "node:assert/strict";
import { decodeSegment } from "./decode-segment";

test("decodeSegment: well-formed segments decode, malformed ones are undefined (never a URIError)", () => {
  const cases: Array<[string, string | undefined]> = [
    ["windows_lateral_tool_transfer_remcom", "windows_lateral_tool_transfer_remcom"],
    ["Active%20Directory%20Discovery", "Active Directory Discovery"],
    ["%E2%80%AE", "\u202e"],
    ["%ZZ", undefined],
    ["%", undefined],
    ["%FF", undefined],
    ["%C0%AF", undefined],
    ["a%2", undefined],
  ];
  for (const [raw, want] of cases) assert.equal(decodeSegment(raw), want, raw);
});
