import { test } from "node:test";
import assert from "node:assert/strict";
import { applyRelativeTime, parseSpanSeconds } from "./relative";

const T = 1700000000; // Tue 2023-11-14T22:13:20Z
const utc = (s: string) => Date.parse(s) / 1000;

test("relative time modifiers [V time modifiers: [+|-]<int><unit>@<unit>]", () => {
  const cases: [string, number | null][] = [
    ["now", T],
    ["", T],
    ["-7d", T - 7 * 86400],
    ["-7d@d", utc("2023-11-07T00:00:00Z")],
    ["@d", utc("2023-11-14T00:00:00Z")],
    ["-1h@h", utc("2023-11-14T21:00:00Z")],
    ["-h", T - 3600], // integer omitted = 1
    ["+1d", T + 86400],
    ["-30m", T - 1800],
    ["-30mins", T - 1800],
    ["@w0", utc("2023-11-12T00:00:00Z")], // Sunday
    ["@w1", utc("2023-11-13T00:00:00Z")], // Monday
    ["@w", utc("2023-11-12T00:00:00Z")],
    ["@mon", utc("2023-11-01T00:00:00Z")],
    ["-1mon@mon", utc("2023-10-01T00:00:00Z")],
    ["@q", utc("2023-10-01T00:00:00Z")],
    ["@y", utc("2023-01-01T00:00:00Z")],
    ["-1y", utc("2022-11-14T22:13:20Z")],
    ["@d+6h", utc("2023-11-14T06:00:00Z")],
    ["-2d@d-1h", utc("2023-11-11T23:00:00Z")],
    ["-1q", utc("2023-08-14T22:13:20Z")],
    ["-7x", null],
    ["garbage", null],
    ["@d2", null],
  ];
  for (const [spec, want] of cases) assert.equal(applyRelativeTime(T, spec), want, spec);
  // Month arithmetic clamps the day [U].
  assert.equal(applyRelativeTime(utc("2023-03-31T00:00:00Z"), "-1mon"), utc("2023-02-28T00:00:00Z"));
});

test("parseSpanSeconds", () => {
  assert.equal(parseSpanSeconds("7d"), 604800);
  assert.equal(parseSpanSeconds("1h"), 3600);
  assert.equal(parseSpanSeconds("30"), 30);
  assert.equal(parseSpanSeconds("1mon"), null);
  assert.equal(parseSpanSeconds("x"), null);
});
