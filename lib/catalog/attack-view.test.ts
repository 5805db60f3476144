import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalog } from "../content/load";
import { attackView, describeFilters, filterSearch, filterSlug } from "./attack-view";

const SMBEXEC = "impacket_lateral_movement_smbexec_commandline_parameters";
const REMCOM = "windows_lateral_tool_transfer_remcom";

test("built-in content: the smbexec seed counts under T1021.002 and its other techniques", async () => {
  const catalog = await loadCatalog("content");
  const { coverage } = attackView(catalog.analytics, new URLSearchParams());
  for (const id of ["T1021.002", "T1021", "T1021.003", "T1047", "T1543.003"]) {
    assert.ok(coverage.techniques[id]?.analytics.includes(SMBEXEC), id);
  }
  assert.deepEqual(coverage.techniques["T1570"]?.analytics, [REMCOM]);
  assert.equal(coverage.stats.analytics, 2);
});

test("the catalog's filters apply (same params as the catalog page)", async () => {
  const catalog = await loadCatalog("content");
  const byStory = attackView(catalog.analytics, new URLSearchParams("story=Active Directory Lateral Movement"));
  assert.equal(byStory.coverage.stats.analytics, 1);
  assert.equal(byStory.coverage.techniques["T1570"]?.analytics.length, 0);
  assert.deepEqual(byStory.coverage.techniques["T1021.002"]?.analytics, [SMBEXEC]);

  const none = attackView(catalog.analytics, { type: "Hunting" });
  assert.equal(none.coverage.stats.analytics, 0);
  assert.equal(none.coverage.stats.techniquesCovered, 0);

  // Sort and page are dropped: the matrix has no table.
  const v = attackView(catalog.analytics, new URLSearchParams("type=TTP&sort=risk:desc&page=3"));
  assert.equal(filterSearch(v.query), "?type=TTP");
  assert.equal(filterSearch(attackView(catalog.analytics, {}).query), "");
});

test("filter descriptions and file-name slugs", async () => {
  const catalog = await loadCatalog("content");
  const { query } = attackView(catalog.analytics, new URLSearchParams("type=TTP&type=Anomaly&story=Volt Typhoon&q=smb"));
  assert.equal(describeFilters(query, { type: "Type", story: "Analytic story" }), 'Search: "smb"; Type: TTP or Anomaly; Analytic story: Volt Typhoon');
  assert.equal(filterSlug(query), "q-smb_type-ttp_type-anomaly_story-volt-typhoon");
  assert.ok(filterSlug(attackView(catalog.analytics, { story: "x".repeat(200) }).query).length <= 60);
});

test("matrix sources: the coverage computed from them counts exactly as the full rows' (full catalog when present)", async () => {
  const { existsSync } = await import("node:fs");
  const { matrixSources, sourcesFromMatrix } = await import("./attack-view");
  const { computeCoverage } = await import("../attack/coverage");
  const dirs = ["content", "../shared/security_content"].filter((d) => existsSync(d));
  for (const dir of dirs) {
    const catalog = await loadCatalog(dir);
    for (const params of ["", "type=TTP", "story=Active Directory Lateral Movement", "type=Hunting&source=Sysmon EventID 1"]) {
      const { result, coverage } = attackView(catalog.analytics, new URLSearchParams(params));
      const slim = computeCoverage(sourcesFromMatrix(JSON.parse(JSON.stringify(matrixSources(result.rows, coverage)))));
      const counts = (c: typeof coverage) =>
        Object.values(c.techniques).map((t) => ({ ...t, analytics: t.analytics.length }));
      assert.deepEqual(counts(slim), counts(coverage), `${dir} ${params}`);
      assert.deepEqual(slim.columns, coverage.columns);
      assert.deepEqual(slim.stats, coverage.stats);
      assert.deepEqual(slim.unmapped, coverage.unmapped);
      for (const u of slim.unmapped) assert.equal(slim.analytics[u.slug], coverage.analytics[u.slug]);
    }
  }
});
