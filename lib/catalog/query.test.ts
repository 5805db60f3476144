import { test } from "node:test";
import assert from "node:assert/strict";
import {
  catalogHref,
  catalogQueryToParams,
  emptyQuery,
  isFiltered,
  parseCatalogQuery,
  parseSort,
  toggleFacetValue,
  withPage,
  withSearchText,
  withSort,
} from "./query";

test("parseSort accepts column[:asc|desc] and rejects the rest", () => {
  const cases: [string | undefined, ReturnType<typeof parseSort>][] = [
    ["risk:desc", { column: "risk", desc: true }],
    ["name", { column: "name", desc: false }],
    ["date:asc", { column: "date", desc: false }],
    ["bogus:desc", undefined],
    ["risk:sideways", undefined],
    ["", undefined],
    [undefined, undefined],
  ];
  for (const [input, expected] of cases) assert.deepEqual(parseSort(input), expected, String(input));
});

test("parseCatalogQuery reads Next's searchParams record and URLSearchParams alike", () => {
  const fromRecord = parseCatalogQuery({ q: "  smb  ", tactic: ["lateral-movement", "execution"], type: "TTP", sort: "risk:desc", page: "3" });
  const fromUrl = parseCatalogQuery(new URLSearchParams("q=smb&tactic=lateral-movement&tactic=execution&type=TTP&sort=risk:desc&page=3"));
  assert.deepEqual(fromRecord, fromUrl);
  assert.equal(fromRecord.q, "smb");
  assert.deepEqual(fromRecord.filters.tactic, ["lateral-movement", "execution"]);
  assert.deepEqual(fromRecord.sort, { column: "risk", desc: true });
  assert.equal(fromRecord.page, 3);
});

test("parseCatalogQuery drops junk: duplicates, blanks, bad pages, unknown params", () => {
  const q = parseCatalogQuery({ type: ["TTP", "TTP", " ", ""], page: "-4", sort: "nope", whatever: "x" });
  assert.deepEqual(q.filters.type, ["TTP"]);
  assert.equal(q.page, 1);
  assert.equal(q.sort, undefined);
  assert.equal(parseCatalogQuery({ page: "abc" }).page, 1);
});

test("round trip: params → query → params is stable", () => {
  const text = "q=cmd.exe&type=TTP&tactic=lateral-movement&technique=T1021.002&story=WhisperGate&sort=date%3Adesc&page=2";
  const params = catalogQueryToParams(parseCatalogQuery(new URLSearchParams(text)));
  assert.equal(params.toString(), text);
});

test("toggleFacetValue adds then removes and resets the page", () => {
  const start = withPage(emptyQuery(), 4);
  const on = toggleFacetValue(start, "status", "production");
  assert.deepEqual(on.filters.status, ["production"]);
  assert.equal(on.page, 1);
  assert.deepEqual(start.filters.status, [], "the input is not mutated");
  const off = toggleFacetValue(on, "status", "production");
  assert.deepEqual(off.filters.status, []);
});

test("catalogHref builds the shareable link; isFiltered ignores sort and page", () => {
  assert.equal(catalogHref(emptyQuery()), "/");
  const sorted = withSort(emptyQuery(), { column: "name", desc: false });
  assert.equal(catalogHref(sorted), "/?sort=name%3Aasc");
  assert.equal(isFiltered(sorted), false);
  assert.equal(isFiltered(withSearchText(emptyQuery(), "x")), true);
  assert.equal(isFiltered(toggleFacetValue(emptyQuery(), "domain", "cloud")), true);
});
