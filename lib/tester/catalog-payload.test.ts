import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { test } from "node:test";
import { loadCatalog } from "../content/load";
import { catalogPayloadOf } from "../server/tester-payloads";
import { decodeCatalogPayload, encodeCatalogPayload } from "./catalog-payload";

test("the names payload's wire form decodes to exactly the payload (built-in content, and the full catalog when present)", async () => {
  for (const dir of ["content", "../shared/security_content"].filter((d) => existsSync(d))) {
    const payload = catalogPayloadOf("v1", await loadCatalog(dir));
    const text = JSON.stringify(encodeCatalogPayload(payload));
    assert.deepEqual(decodeCatalogPayload(JSON.parse(text)), payload, dir);
    if (payload.analytics.length > 1000) assert.ok(text.length < JSON.stringify(payload).length * 0.7, `${dir}: ${text.length} bytes`);
  }
});

test("a malformed names payload decodes to undefined, never throws", () => {
  const good = { version: "v", rows: [["id", "n", "s", "TTP", "production", "high", 56, [0]]], techniques: [{ id: "T1021", tactics: ["lateral-movement"] }], tacticNames: {} };
  assert.ok(decodeCatalogPayload(good));
  const bad: unknown[] = [
    null,
    "text",
    [],
    { ...good, version: 1 },
    { ...good, rows: {} },
    { ...good, techniques: null },
    { ...good, tacticNames: null },
    { ...good, rows: [["id", "n", "s", "TTP", "production", "high", 56]] },
    { ...good, rows: [["id", "n", "s", "TTP", "production", "high", "56", [0]]] },
    { ...good, rows: [["id", "n", "s", "TTP", "production", "high", 56, [1]]] },
    { ...good, rows: [["id", "n", "s", "TTP", "production", "high", 56, [-1]]] },
    { ...good, rows: [["id", 2, "s", "TTP", "production", "high", 56, [0]]] },
  ];
  for (const v of bad) assert.equal(decodeCatalogPayload(v), undefined, JSON.stringify(v));
});
