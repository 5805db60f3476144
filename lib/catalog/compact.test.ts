import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCatalogIndex } from "./build";
import { decodeCatalogIndex, encodeCatalogIndex, isCompactCatalog } from "./compact";
import { queryCatalog, textMatches } from "./facets";
import { parseCatalogQuery } from "./query";
import { ALL, TACTICS } from "./test-fixtures";

const index = buildCatalogIndex(ALL, TACTICS);
const decoded = decodeCatalogIndex(JSON.parse(JSON.stringify(encodeCatalogIndex(index))));

test("the compact index decodes to the same rows, facets and labels (no haystacks)", () => {
  assert.deepEqual(
    decoded.entries,
    index.entries.map((e) => ({ ...e, haystack: "" })),
  );
  assert.deepEqual(decoded.labels, index.labels);
  assert.deepEqual(decoded.tacticOrder, index.tacticOrder);
});

test("queries over the decoded index (text decided by the server's matches) equal queries over the full index", () => {
  const cases = ["", "type=TTP", "tactic=lateral-movement&type=TTP", "technique=T1574.001", "q=remcom", "q=cmd.exe&type=TTP", "q=lateral&story=WhisperGate", "q=nothing-at-all", "domain=cloud&tactic=execution"];
  for (const params of cases) {
    const query = parseCatalogQuery(new URLSearchParams(params));
    const matches = new Set(textMatches(index, query.q));
    assert.deepEqual(queryCatalog(decoded, query, (i) => matches.has(i)), queryCatalog(index, query), params);
  }
});

test("isCompactCatalog refuses other documents", () => {
  for (const v of [null, 1, "x", {}, { format: 2, strings: [], entries: [], labels: {}, tacticOrder: [] }, { error: "no" }]) assert.equal(isCompactCatalog(v), false);
  assert.equal(isCompactCatalog(encodeCatalogIndex(index)), true);
});
