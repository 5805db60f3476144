import assert from "node:assert/strict";
import { test } from "node:test";
import { isPermalinkHash, sectionAt } from "./presentation-target";

test("sectionAt: the last heading at or above the top of the view", () => {
  const hs = [
    { id: "annotations", top: -900 },
    { id: "search", top: -300 },
    { id: "live-test", top: 40 },
    { id: "how-to-implement", top: 700 },
  ];
  const cases: [typeof hs, string | undefined][] = [
    [hs, "live-test"],
    [hs.map((h) => ({ ...h, top: h.top + 2000 })), undefined],
    [hs.map((h) => ({ ...h, top: h.top - 1000 })), "how-to-implement"],
    [[], undefined],
  ];
  for (const [input, want] of cases) assert.equal(sectionAt(input), want);
});

test("isPermalinkHash: only a test's #t= link", () => {
  const cases: [string, boolean][] = [
    ["#t=abc", true],
    ["t=abc", true],
    ["#live-test", false],
    ["", false],
    ["#test", false],
    ["#x=1&t=abc", true],
  ];
  for (const [hash, want] of cases) assert.equal(isPermalinkHash(hash), want, hash);
});
