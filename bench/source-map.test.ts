import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeVlq, SourceMap } from "./source-map";

test("decodeVlq reads base64 VLQ numbers, signs and continuation digits", () => {
  const cases: [string, number[]][] = [
    ["AAAA", [0, 0, 0, 0]],
    ["CAAC", [1, 0, 0, 1]],
    ["D", [-1]],
    ["gB", [16]],
    ["hB", [-16]],
    ["2HwB", [123, 24]],
  ];
  for (const [text, want] of cases) assert.deepEqual(decodeVlq(text), want, text);
  assert.throws(() => decodeVlq("A!"), /not base64 VLQ/);
});

test("SourceMap.lookup takes the last segment at or before the column, per line and per section", () => {
  // Line 0: column 0 → a.ts line 1, column 10 → b.ts line 3; line 1: column 4 → b.ts line 4.
  const map = new SourceMap({ sources: ["a.ts", "b.ts"], mappings: "AAAA,UCEA;IAClB" });
  const cases: [number, number, string | undefined][] = [
    [0, 0, "a.ts:1"],
    [0, 9, "a.ts:1"],
    [0, 10, "b.ts:3"],
    [0, 99, "b.ts:3"],
    [1, 3, undefined],
    [1, 4, "b.ts:4"],
    [7, 0, undefined],
  ];
  const at = (m: SourceMap, l: number, c: number) => {
    const o = m.lookup(l, c);
    return o && `${o.source}:${o.line}`;
  };
  for (const [line, column, want] of cases) assert.equal(at(map, line, column), want, `${line}:${column}`);
  const index = new SourceMap({ sections: [{ offset: { line: 0, column: 0 }, map: { sources: ["x.ts"], mappings: "AAAA" } }, { offset: { line: 2, column: 0 }, map: { sources: ["y.ts"], mappings: "AACA" } }] });
  assert.equal(at(index, 0, 5), "x.ts:1");
  assert.equal(at(index, 2, 0), "y.ts:2");
});
