import { test } from "node:test";
import assert from "node:assert/strict";
import { pageOf, pageParam } from "./paged";

const ten = Array.from({ length: 10 }, (_, i) => i + 1);

test("pageOf cuts a page and says where it is", () => {
  const cases: [number, number, Partial<ReturnType<typeof pageOf<number>>>][] = [
    [1, 4, { rows: [1, 2, 3, 4], page: 1, pageCount: 3, first: 1, last: 4, total: 10 }],
    [3, 4, { rows: [9, 10], page: 3, first: 9, last: 10 }],
    [9, 4, { rows: [9, 10], page: 3 }],
    [0, 4, { rows: [1, 2, 3, 4], page: 1 }],
    [1, 20, { rows: ten, page: 1, pageCount: 1, first: 1, last: 10 }],
  ];
  for (const [page, size, want] of cases) {
    const got = pageOf(ten, page, size);
    for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k as keyof typeof got], v, `page ${page} size ${size}: ${k}`);
  }
  assert.deepEqual(pageOf([], 2, 5), { rows: [], total: 0, page: 1, pageCount: 1, first: 0, last: 0 });
});

test("pageParam reads ?page= and refuses the rest", () => {
  const cases: [string | string[] | undefined, number][] = [[undefined, 1], ["2", 2], [["3", "4"], 3], ["0", 1], ["-2", 1], ["x", 1], ["99999", 10_000]];
  for (const [input, want] of cases) assert.equal(pageParam(input), want, String(input));
});
