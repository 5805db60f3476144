import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCatalogIndex } from "./build";
import { queryCatalog } from "./facets";
import { catalogPage, FACET_PREVIEW, PAGE_SIZE, previewFacets, previewValues } from "./page";
import { parseCatalogQuery } from "./query";
import { sortRows } from "./sort";
import { analytic, TACTICS } from "./test-fixtures";

// 250 analytics: three pages.
const MANY = Array.from({ length: 250 }, (_, i) =>
  analytic({ slug: `a${String(i).padStart(3, "0")}`, type: i % 3 ? "TTP" : "Hunting", rba: { ...analytic({ slug: "x" }).rba, riskScore: (i * 37) % 100 } }),
);
const index = buildCatalogIndex(MANY, TACTICS);
const view = (params: string) => catalogPage(index, parseCatalogQuery(new URLSearchParams(params)));

test("a page is the query's rows, sorted, cut to PAGE_SIZE; page numbers clamp", () => {
  const cases: [string, number, number, string | undefined][] = [
    // params, page, rows on it, first slug
    ["", 1, PAGE_SIZE, "a000"],
    ["page=3", 3, 50, "a200"],
    ["page=9", 3, 50, "a200"],
    ["type=Hunting", 1, 84, "a000"],
    ["type=Hunting&page=2", 1, 84, "a000"],
  ];
  for (const [params, page, n, first] of cases) {
    const v = view(params);
    assert.equal(v.page, page, params);
    assert.equal(v.rows.length, n, params);
    assert.equal(v.rows[0]?.slug, first, params);
    assert.equal(v.total, 250);
  }
});

test("sorted pages are slices of the whole sorted result, as the table used to cut them", () => {
  for (const params of ["sort=risk:desc", "sort=risk:asc&page=2", "sort=name:desc&type=TTP&page=2", "sort=date"]) {
    const query = parseCatalogQuery(new URLSearchParams(params));
    const all = queryCatalog(index, query).rows;
    const sorted = sortRows(all, query.sort!.column, query.sort!.desc);
    const v = catalogPage(index, query);
    assert.equal(v.matched, all.length, params);
    assert.deepEqual(v.rows, sorted.slice((v.page - 1) * PAGE_SIZE, v.page * PAGE_SIZE), params);
  }
});

test("facet previews keep the first values and every selected one, and remember the size", () => {
  const values = Array.from({ length: 20 }, (_, i) => ({ value: `v${i}`, selected: i === 15 }));
  assert.deepEqual(previewValues("story", values).map((v) => v.value), [...values.slice(0, FACET_PREVIEW).map((v) => v.value), "v15"]);
  assert.equal(previewValues("tactic", values).length, 20);
  const facets = previewFacets([{ key: "story", label: "Analytic story", values: values.map((v) => ({ ...v, label: v.value, count: 1 })) }]);
  assert.equal(facets[0]!.size, 20);
  assert.equal(facets[0]!.values.length, FACET_PREVIEW + 1);
});
