import assert from "node:assert/strict";
import { test } from "node:test";
import { countOf, formatCount } from "./numbers";

test("formatCount groups thousands with a comma and rounds fractions", () => {
  const cases: [number, string][] = [
    [0, "0"],
    [7, "7"],
    [999, "999"],
    [1000, "1,000"],
    [10000, "10,000"],
    [1234567, "1,234,567"],
    [12.6, "13"],
    [-2500, "-2,500"],
  ];
  for (const [n, want] of cases) assert.equal(formatCount(n), want, String(n));
});

test("countOf pairs the count with its noun", () => {
  const cases: [number, string, string | undefined, string][] = [
    [1, "event", undefined, "1 event"],
    [0, "event", undefined, "0 events"],
    [10000, "event", undefined, "10,000 events"],
    [2, "story", "stories", "2 stories"],
  ];
  for (const [n, one, many, want] of cases) assert.equal(countOf(n, one, many), want);
});
