import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { loadCatalog } from "../content/load";
import { EXAMPLE_LIMITS, analyticsReading, buildDataSourceView, dataSourceRows, dataSourceSlugOf, findDataSource } from "./data-sources";

const builtIn = await loadCatalog("content");

test("rows: every data source with its slug, add-on and analytics count", () => {
  const rows = dataSourceRows(builtIn);
  assert.equal(rows.length, builtIn.dataSources.length);
  const sysmon = rows.find((r) => r.name === "Sysmon EventID 1")!;
  assert.equal(sysmon.slug, "sysmon_eventid_1");
  assert.ok(sysmon.addOn.length > 0);
  assert.equal(sysmon.analytics, builtIn.analytics.filter((a) => a.dataSources.includes("Sysmon EventID 1")).length);
  assert.ok(sysmon.analytics > 0);

});

const FIND: [string, string | undefined][] = [
  ["sysmon_eventid_1", "Sysmon EventID 1"],
  ["SYSMON_EVENTID_1", "Sysmon EventID 1"],
  ["Sysmon EventID 1", "Sysmon EventID 1"],
  ["sysmon eventid 1", "Sysmon EventID 1"],
  ["nope", undefined],
];
for (const [k, name] of FIND) test(`find ${k}`, () => assert.equal(findDataSource(builtIn, k)?.name, name));

test("an analytic's data source name → its page slug (case-insensitive), none for unknown names", () => {
  assert.equal(dataSourceSlugOf(builtIn, "sysmon eventid 1"), "sysmon_eventid_1");
  assert.equal(dataSourceSlugOf(builtIn, "Nothing Like It"), undefined);
  assert.deepEqual(analyticsReading(builtIn, "Nothing Like It"), []);
});

test("view: a data source without an example has none (and no datasets); its readers are linked", () => {
  const v = buildDataSourceView(builtIn, findDataSource(builtIn, "sysmon_eventid_1")!);
  assert.equal(v.example, undefined);
  assert.deepEqual(v.datasets, []);
  assert.equal(v.catalogHref, "/?source=Sysmon+EventID+1");
  assert.ok(v.analytics.length > 0 && v.analytics.every((a) => a.slug && a.name));
});

const SHARED = "../shared/security_content";
test("full catalog: 205 data sources, each with a slug of its own", { skip: !existsSync(SHARED) }, async () => {
  const full = await loadCatalog(SHARED);
  const rows = dataSourceRows(full);
  assert.equal(rows.length, 205);
  assert.equal(new Set(rows.map((r) => r.slug)).size, 205);
  const v = buildDataSourceView(full, findDataSource(full, "sysmon_eventid_13")!);
  assert.equal(v.example?.dataSource, "Sysmon EventID 13");
  assert.ok(v.datasets.includes("Endpoint.Registry"), v.datasets.join());
  assert.ok(v.example!.groups.some((g) => g.kind === "raw" && g.fields.some((f) => f.name === "TargetObject")));
  assert.ok(v.analytics.length > 0);
  // A large example is cut for display: text and fields per group.
  const big = buildDataSourceView(full, findDataSource(full, "aws_cloudtrail_describeimagescanfindings")!);
  assert.ok(big.example!.fullLength > EXAMPLE_LIMITS.chars && big.example!.text.length === EXAMPLE_LIMITS.chars);
  const values = big.example!.groups.flatMap((g) => g.fields.map((f) => String(f.value)));
  assert.ok(values.every((v) => v.length < 2 * EXAMPLE_LIMITS.valueChars + 100), "values cut (_raw is the whole example)");
  assert.ok(big.example!.groups.every((g) => g.fields.length <= EXAMPLE_LIMITS.fieldsPerGroup));
});
