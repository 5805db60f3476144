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

test("formatCount writes what Intl.NumberFormat('en-US', whole numbers) writes", () => {
  const intl = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
  const edges = [0, -0, 0.5, 1.5, 2.5, -0.5, -0.4, -2.5, 999.5, 999_999.5, 1e15, 1e21, 2 ** 53, -1e6, NaN, Infinity, -Infinity, 1711, 41725];
  let seed = 42;
  const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const values = [...edges, ...Array.from({ length: 2000 }, () => (random() - 0.3) * 10 ** Math.floor(random() * 12))];
  for (const n of values) assert.equal(formatCount(n), intl.format(n), String(n));
});

test("counts are written by formatCount only: no toLocaleString or Intl.NumberFormat elsewhere in what ships", async () => {
  const { shippedLinesMatching } = await import("../../scripts/import-graph");
  assert.deepEqual(shippedLinesMatching(/\.toLocaleString\(|Intl\.NumberFormat\b/, ["lib/detection/numbers.ts"]), []);
});
