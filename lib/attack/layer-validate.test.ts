import { test } from "node:test";
import assert from "node:assert/strict";
import { validateNavigatorLayer, versionAtLeast } from "./layer-validate";

/** The spec's own example (layers/spec/v4.5/layerformat.md), abridged: it must pass. */
const SPEC_EXAMPLE = {
  name: "example layer",
  versions: { attack: "18", navigator: "5.2.0", layer: "4.5" },
  domain: "enterprise-attack",
  description: "hello, world",
  filters: { platforms: ["Windows", "macOS"] },
  sorting: 2,
  layout: { layout: "side", showName: true, showID: false, showAggregateScores: true, countUnscored: true, aggregateFunction: "average", expandedSubtechniques: "annotated" },
  hideDisabled: false,
  techniques: [
    { techniqueID: "T1110", score: 0, color: "#fd8d3c", comment: "c", showSubtechniques: true },
    { techniqueID: "T1110.001", score: 100, links: [{ label: "Navigator GitHub", url: "https://github.com/mitre-attack/attack-navigator" }] },
    { techniqueID: "T1078", tactic: "discovery", enabled: false },
    { techniqueID: "T1053", tactic: "privilege-escalation", metadata: [{ name: "m1", value: "v1" }, { divider: true }, { name: "m2", value: "v2" }] },
  ],
  gradient: { colors: ["#ff6666", "#ffe766", "#8ec843"], minValue: 0, maxValue: 100 },
  legendItems: [{ label: "Legend Item Label", color: "#FF00FF" }],
  showTacticRowBackground: true,
  tacticRowBackground: "#dddddd",
  selectTechniquesAcrossTactics: false,
  selectSubtechniquesWithParent: false,
  selectVisibleTechniques: false,
  metadata: [{ name: "layer metadata 1", value: "v" }, { divider: true }],
};

test("the specification's example passes; the minimum layer passes", () => {
  assert.deepEqual(validateNavigatorLayer(SPEC_EXAMPLE).errors, []);
  assert.deepEqual(validateNavigatorLayer({ name: "x", domain: "enterprise-attack" }).errors, []);
});

test("each rule names the path of what is wrong", () => {
  const cases: [string, (l: Record<string, unknown>) => void, string][] = [
    ["name required", (l) => delete l.name, "name: is required"],
    ["domain required", (l) => delete l.domain, "domain: is required"],
    ["domain value", (l) => (l.domain = "mitre-enterprise"), 'domain: must be one of enterprise-attack, mobile-attack, ics-attack (got "mitre-enterprise")'],
    ["name type", (l) => (l.name = 3), "name: must be a string"],
    ["versions.layer required", (l) => (l.versions = { navigator: "5.2.0" }), "versions.layer: is required"],
    ["versions.layer 4.5", (l) => (l.versions = { navigator: "5.2.0", layer: "4.3" }), 'versions.layer: must be "4.5" (got "4.3")'],
    ["navigator ≥ 4.9.0", (l) => (l.versions = { navigator: "4.8.2", layer: "4.5" }), 'versions.navigator: must be at least "4.9.0" (got "4.8.2")'],
    ["techniques array", (l) => (l.techniques = {}), "techniques: must be an array"],
    ["techniqueID required", (l) => (l.techniques = [{ score: 1 }]), "techniques[0].techniqueID: is required"],
    ["techniqueID form", (l) => (l.techniques = [{ techniqueID: "1021" }]), 'techniques[0].techniqueID: "1021" is not of the form T#### or T####.###'],
    ["score number", (l) => (l.techniques = [{ techniqueID: "T1021", score: "3" }]), "techniques[0].score: must be a number"],
    ["enabled boolean", (l) => (l.techniques = [{ techniqueID: "T1021", enabled: "yes" }]), "techniques[0].enabled: must be a boolean"],
    ["metadata value", (l) => (l.techniques = [{ techniqueID: "T1021", metadata: [{ name: "a" }] }]), "techniques[0].metadata[0].value: is required"],
    ["link protocol", (l) => (l.techniques = [{ techniqueID: "T1021", links: [{ label: "a", url: "/analytics/x" }] }]), "techniques[0].links[0].url: must start with a protocol such as https://"],
    ["gradient two colours", (l) => (l.gradient = { colors: ["#ffffff"], minValue: 0, maxValue: 1 }), "gradient.colors: needs at least two colours"],
    ["gradient hex", (l) => (l.gradient = { colors: ["white", "#000"], minValue: 0, maxValue: 1 }), "gradient.colors[0]: must be a hexadecimal RGB colour such as #ff6666"],
    ["gradient max > min", (l) => (l.gradient = { colors: ["#fff", "#000"], minValue: 5, maxValue: 5 }), "gradient.maxValue: must be greater than minValue"],
    ["gradient minValue required", (l) => (l.gradient = { colors: ["#fff", "#000"], maxValue: 5 }), "gradient.minValue: is required"],
    ["legend color required", (l) => (l.legendItems = [{ label: "x" }]), "legendItems[0].color: is required"],
    ["sorting range", (l) => (l.sorting = 7), "sorting: must be 0, 1, 2 or 3"],
    ["layout enum", (l) => (l.layout = { aggregateFunction: "median" }), 'layout.aggregateFunction: must be one of "average", "min", "max", "sum"'],
    ["hideDisabled boolean", (l) => (l.hideDisabled = 0), "hideDisabled: must be a boolean"],
    ["platforms strings", (l) => (l.filters = { platforms: [1] }), "filters.platforms: must be an array of strings"],
  ];
  for (const [label, mutate, error] of cases) {
    const l = structuredClone(SPEC_EXAMPLE) as Record<string, unknown>;
    mutate(l);
    const v = validateNavigatorLayer(l);
    assert.equal(v.valid, false, label);
    assert.ok(v.errors.includes(error), `${label}: ${JSON.stringify(v.errors)}`);
  }
});

test("non-objects are rejected without throwing", () => {
  for (const v of [null, 3, "layer", [], undefined]) assert.equal(validateNavigatorLayer(v).valid, false);
});

test("versionAtLeast", () => {
  const cases: [string, string, boolean][] = [
    ["4.9.0", "4.9.0", true],
    ["5.2.0", "4.9.0", true],
    ["4.10", "4.9.0", true],
    ["4.8.9", "4.9.0", false],
    ["x", "4.9.0", false],
  ];
  for (const [a, b, want] of cases) assert.equal(versionAtLeast(a, b), want, `${a} >= ${b}`);
});
