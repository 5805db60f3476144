import { test } from "node:test";
import assert from "node:assert/strict";
import { analyticsUnder, computeCoverage, type CoverageSource } from "./coverage";
import { SHADE_BUCKETS, shadeIndex } from "./shades";

const SMBEXEC: CoverageSource = {
  slug: "impacket_smbexec",
  name: "Impacket smbexec",
  techniques: [{ id: "T1021" }, { id: "T1021.002" }, { id: "T1021.003" }, { id: "T1047" }, { id: "T1543.003" }],
};
const REMCOM: CoverageSource = { slug: "remcom", name: "RemCom", techniques: [{ id: "T1570" }, { id: "T1021.002" }] };
/** T1574.002 was revoked by T1574.001 (ATT&CK v17): counts under T1574.001. */
const REVOKED: CoverageSource = { slug: "dll_sideload", name: "DLL side-loading", techniques: [{ id: "T1574.002", resolvedId: "T1574.001", status: "revoked" }] };
const UNKNOWN: CoverageSource = { slug: "bogus", name: "Bogus", techniques: [{ id: "T9999", status: "unknown" }] };

test("counts per technique, sub-techniques under their parent", () => {
  const cov = computeCoverage([SMBEXEC, REMCOM]);
  const cases: [string, number, number][] = [
    // id, own analytics, total with sub-techniques
    ["T1021.002", 2, 2],
    ["T1021.003", 1, 1],
    ["T1021", 1, 2],
    ["T1047", 1, 1],
    ["T1543.003", 1, 1],
    ["T1543", 0, 1],
    ["T1570", 1, 1],
    ["T1059", 0, 0],
  ];
  for (const [id, own, total] of cases) {
    assert.equal(cov.techniques[id]?.analytics.length, own, `${id} own`);
    assert.equal(cov.techniques[id]?.total, total, `${id} total`);
  }
  assert.deepEqual(cov.techniques["T1021.002"]?.analytics, ["impacket_smbexec", "remcom"]);
  assert.ok(cov.techniques["T1021"]?.subtechniques.includes("T1021.002"));
  assert.deepEqual(analyticsUnder(cov, "T1021"), ["impacket_smbexec", "remcom"]);
  assert.deepEqual(analyticsUnder(cov, "T1021", false), ["impacket_smbexec"]);
  assert.equal(cov.analytics["remcom"], "RemCom");
  assert.equal(cov.stats.analytics, 2);
  assert.equal(cov.stats.mapped, 2);
  assert.equal(cov.stats.techniquesCovered, 6);
  assert.equal(cov.stats.maxTotal, 2);
});

test("matrix columns: 14 tactics in order; multi-tactic techniques in each; sub-techniques not at top level", () => {
  const cov = computeCoverage([SMBEXEC]);
  assert.equal(cov.columns.length, 14);
  assert.equal(cov.columns[0]?.tactic.shortname, "reconnaissance");
  const col = (s: string) => cov.columns.find((c) => c.tactic.shortname === s)!.techniqueIds;
  assert.ok(col("lateral-movement").includes("T1021"));
  assert.ok(!col("lateral-movement").includes("T1021.002"));
  assert.ok(col("persistence").includes("T1543"));
  assert.ok(col("privilege-escalation").includes("T1543"));
  assert.ok(col("execution").includes("T1047"));
  // Sorted by technique name within a column.
  const names = col("lateral-movement").map((id) => cov.techniques[id]!.name);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, "en")));
  // Revoked and deprecated techniques are not in the matrix.
  assert.equal(cov.techniques["T1002"], undefined);
  assert.equal(cov.techniques["T1043"], undefined);
  assert.equal(cov.stats.techniquesInMatrix, 216);
});

test("revoked ids count under their replacement, with a note; unknown ids are listed apart", () => {
  const cov = computeCoverage([REVOKED, UNKNOWN]);
  assert.deepEqual(cov.techniques["T1574.001"]?.analytics, ["dll_sideload"]);
  assert.equal(cov.techniques["T1574.002"], undefined);
  assert.match(cov.techniques["T1574.001"]!.notes[0]!, /T1574\.002 \(revoked\) is counted here: 1 analytic cites it/);
  assert.equal(cov.techniques["T1574"]?.total, 1);
  assert.deepEqual(cov.unmapped, [{ slug: "bogus", id: "T9999", reason: "T9999 is not an Enterprise ATT&CK technique" }]);
  assert.equal(cov.stats.mapped, 1);
});

test("a deprecated technique cited by an analytic appears, flagged", () => {
  const cov = computeCoverage([{ slug: "old", name: "Old", techniques: [{ id: "T1043", status: "deprecated" }] }]);
  assert.equal(cov.techniques["T1043"]?.deprecated, true);
  assert.ok(cov.columns.find((c) => c.tactic.shortname === "command-and-control")!.techniqueIds.includes("T1043"));
});

test("an analytic citing a technique twice (or a sub and its revoked alias) counts once", () => {
  const cov = computeCoverage([{ slug: "x", name: "X", techniques: [{ id: "T1574.001" }, { id: "T1574.002", resolvedId: "T1574.001", status: "revoked" }] }]);
  assert.deepEqual(cov.techniques["T1574.001"]?.analytics, ["x"]);
});

test("shade buckets", () => {
  const cases: [number, number][] = [
    [0, 0],
    [-3, 0],
    [Number.NaN, 0],
    [1, 1],
    [2, 2],
    [4, 2],
    [5, 3],
    [14, 3],
    [15, 4],
    [49, 4],
    [50, 5],
    [1000, 5],
  ];
  for (const [count, bucket] of cases) assert.equal(shadeIndex(count), bucket, String(count));
  assert.equal(cov0().techniques["T1059"]?.shade, 0);
  // Buckets tile the counts without gaps.
  for (let i = 1; i < SHADE_BUCKETS.length; i++) assert.equal(SHADE_BUCKETS[i]!.min, SHADE_BUCKETS[i - 1]!.max + 1);
});

function cov0() {
  return computeCoverage([]);
}
