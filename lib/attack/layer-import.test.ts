import { test } from "node:test";
import assert from "node:assert/strict";
import { computeCoverage } from "./coverage";
import { findGaps } from "./gaps";
import { parseLayerText, readLayer } from "./layer-import";

/** A small threat-group style layer, format 4.5. */
const GROUP = {
  name: "Example group",
  versions: { attack: "18", navigator: "5.2.0", layer: "4.5" },
  domain: "enterprise-attack",
  techniques: [
    { techniqueID: "T1021.002", tactic: "lateral-movement", score: 1, color: "#66b1ff" },
    { techniqueID: "T1059.001", tactic: "execution", score: 1 },
    { techniqueID: "T1543", tactic: "persistence", score: 1 },
    { techniqueID: "T1543", tactic: "privilege-escalation", score: 3 },
    { techniqueID: "T1021.006", score: 1 },
    { techniqueID: "T1574.002", score: 1 },
    { techniqueID: "T1078", enabled: false },
    { techniqueID: "T9999" },
    { score: 2 },
  ],
};

const COVERAGE = computeCoverage([
  {
    slug: "smbexec",
    name: "Impacket smbexec",
    techniques: [{ id: "T1021" }, { id: "T1021.002" }, { id: "T1021.003" }, { id: "T1047" }, { id: "T1543.003" }],
  },
]);

test("reads a 4.5 layer: ids, tactics merged, scores, revoked resolved, warnings", () => {
  const r = parseLayerText(JSON.stringify(GROUP));
  assert.ok(r.ok);
  const { layer } = r;
  assert.equal(layer.name, "Example group");
  assert.equal(layer.format, "4.5");
  assert.deepEqual(layer.techniques.map((t) => t.id), ["T1021.002", "T1021.006", "T1059.001", "T1543", "T1574.001"]);
  const t1543 = layer.techniques.find((t) => t.id === "T1543")!;
  assert.deepEqual(t1543.tactics, ["persistence", "privilege-escalation"]);
  assert.equal(t1543.score, 3);
  const dll = layer.techniques.find((t) => t.id === "T1574.001")!;
  assert.deepEqual(dll.cited, ["T1574.002"]);
  assert.match(dll.note!, /cites T1574\.002, revoked and replaced by T1574\.001/);
  assert.ok(layer.warnings.some((w) => w.includes("T9999")));
  assert.ok(layer.warnings.some((w) => w.includes("1 disabled technique was left out")));
  assert.ok(layer.warnings.some((w) => w.includes('1 technique entry has no "techniqueID"')));
});

test("gaps: techniques of the layer with no analytic in the view", () => {
  const r = parseLayerText(JSON.stringify(GROUP));
  assert.ok(r.ok);
  const report = findGaps(r.layer, COVERAGE);
  assert.equal(report.total, 5);
  assert.deepEqual(report.covered.map((s) => s.id), ["T1021.002", "T1543"]);
  assert.deepEqual(report.gaps.map((s) => s.id), ["T1021.006", "T1059.001", "T1574.001"]);
  // T1543 is covered only through T1543.003.
  assert.match(report.covered[1]!.note!, /through its sub-techniques/);
  // T1021.006's parent has an analytic of its own: still a gap, with a note.
  assert.match(report.gaps[0]!.note!, /parent T1021 has 1 analytic/);
  assert.deepEqual(report.gaps[1]!.tactics, ["execution"]);
});

test("tolerant of older 4.x and 3.0 layers, lists of layers, missing domain, pasted id lists", () => {
  const v43 = parseLayerText(JSON.stringify({ name: "old", versions: { layer: "4.3", navigator: "4.8.0" }, domain: "enterprise-attack", techniques: [{ techniqueID: "T1047" }] }));
  assert.ok(v43.ok);
  assert.equal(v43.layer.format, "4.3");
  assert.deepEqual(v43.layer.warnings, []);

  const v3 = parseLayerText(JSON.stringify({ name: "v3", version: "3.0", domain: "mitre-enterprise", techniques: [{ techniqueID: "T1047", tactic: "execution" }] }));
  assert.ok(v3.ok);
  assert.ok(v3.layer.warnings.some((w) => w.includes("older than 4.x")));

  const list = readLayer([
    { name: "A", domain: "enterprise-attack", techniques: [{ techniqueID: "T1047" }] },
    { name: "B", domain: "enterprise-attack", techniques: [{ techniqueID: "T1021" }] },
  ]);
  assert.ok(list.ok);
  assert.equal(list.layer.name, "A + B");
  assert.equal(list.layer.layerCount, 2);
  assert.deepEqual(list.layer.techniques.map((t) => t.id), ["T1021", "T1047"]);

  const noDomain = readLayer({ name: "n", techniques: [{ techniqueID: "t1021/002" }] });
  assert.ok(noDomain.ok);
  assert.deepEqual(noDomain.layer.techniques.map((t) => t.id), ["T1021.002"]);
  assert.ok(noDomain.layer.warnings.some((w) => w.includes("no domain")));

  const pasted = parseLayerText("T1021.002, T1059.001\nT1047 and T9999");
  assert.ok(pasted.ok);
  assert.deepEqual(pasted.layer.techniques.map((t) => t.id), ["T1021.002", "T1047", "T1059.001"]);
});

test("errors as values with clear messages", () => {
  const cases: [string, RegExp][] = [
    ["", /Nothing to read/],
    ["   ", /Nothing to read/],
    ["{not json", /Not valid JSON/],
    ["hello world", /Not valid JSON/],
    ["[]", /empty list/],
    ["42", /expected a JSON object/],
    ['{"foo": 1}', /none of "name", "domain" or "techniques"/],
    ['{"name": "m", "domain": "mobile-attack", "techniques": []}', /for "mobile-attack".*Enterprise/],
    ['{"name": "m", "domain": "enterprise-attack", "techniques": {}}', /"techniques" must be a list/],
    ["T9999 T8888", /None of the 2 ids/],
  ];
  for (const [text, re] of cases) {
    const r = parseLayerText(text);
    assert.equal(r.ok, false, text);
    if (!r.ok) assert.match(r.error, re, text);
  }
  const big = parseLayerText("x".repeat(10_000_001));
  assert.equal(big.ok, false);
});

test("an empty but valid layer reads with a warning; its gap report is empty", () => {
  const r = parseLayerText('{"name": "e", "domain": "enterprise-attack", "techniques": []}');
  assert.ok(r.ok);
  assert.ok(r.layer.warnings.some((w) => w.includes("no enabled Enterprise technique")));
  assert.equal(findGaps(r.layer, COVERAGE).total, 0);
});
