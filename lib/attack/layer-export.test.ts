import { test } from "node:test";
import assert from "node:assert/strict";
import { computeCoverage, type CoverageSource } from "./coverage";
import { buildNavigatorLayer } from "./layer-export";
import { validateNavigatorLayer } from "./layer-validate";
import { SHADE_BUCKETS } from "./shades";

const SOURCES: CoverageSource[] = [
  {
    slug: "impacket_smbexec",
    name: "Impacket smbexec",
    techniques: [{ id: "T1021" }, { id: "T1021.002" }, { id: "T1021.003" }, { id: "T1047" }, { id: "T1543.003" }],
  },
  { slug: "dll", name: "DLL", techniques: [{ id: "T1574.002", resolvedId: "T1574.001", status: "revoked" }] },
];

function layer(baseUrl?: string) {
  return buildNavigatorLayer(computeCoverage(SOURCES), {
    name: "Detection Console coverage",
    description: "test",
    attackVersion: "18.1",
    ...(baseUrl !== undefined ? { baseUrl } : {}),
    metadata: [{ name: "Filters", value: "none" }],
  });
}

test("the exported layer passes the format 4.5 check", () => {
  for (const l of [layer(), layer("http://127.0.0.1:3100")]) {
    const v = validateNavigatorLayer(JSON.parse(JSON.stringify(l)));
    assert.deepEqual(v.errors, []);
    assert.equal(v.valid, true);
  }
});

test("header: versions, domain, gradient, legend", () => {
  const l = layer();
  assert.deepEqual(l.versions, { attack: "18", navigator: "5.2.0", layer: "4.5" });
  assert.equal(l.domain, "enterprise-attack");
  assert.deepEqual(l.gradient, { colors: ["#ffffff", "#c7d2fe", "#312e81"], minValue: 0, maxValue: 1 });
  assert.equal(l.legendItems?.length, SHADE_BUCKETS.length - 1);
  assert.deepEqual(l.metadata?.at(-1), { name: "Filters", value: "none" });
});

test("one entry per tactic, score = own analytics, metadata and links to the analytics", () => {
  const l = layer("http://host:3100/");
  const entries = (id: string) => l.techniques!.filter((t) => t.techniqueID === id);
  assert.deepEqual(entries("T1543.003").map((t) => t.tactic), ["persistence", "privilege-escalation"]);
  const smb = entries("T1021.002");
  assert.equal(smb.length, 1);
  assert.equal(smb[0]?.score, 1);
  assert.equal(smb[0]?.color, "#e0e7ff");
  assert.equal(smb[0]?.enabled, true);
  assert.deepEqual(smb[0]?.metadata, [{ name: "Analytic", value: "Impacket smbexec" }]);
  assert.deepEqual(smb[0]?.links, [{ label: "Impacket smbexec", url: "http://host:3100/analytics/impacket_smbexec" }]);
  // A parent with analytics only on sub-techniques: listed unscored, expanded.
  const t1543 = entries("T1543");
  assert.equal(t1543.length, 2);
  assert.equal(t1543[0]?.score, undefined);
  assert.equal(t1543[0]?.showSubtechniques, true);
  assert.equal(entries("T1021")[0]?.showSubtechniques, true);
  // Revoked: counted under the replacement, the note in the comment.
  assert.match(entries("T1574.001")[0]!.comment!, /T1574\.002 \(revoked\)/);
  assert.equal(entries("T1574.002").length, 0);
  // Uncovered techniques are not listed; without a base URL there are no links.
  assert.equal(entries("T1059").length, 0);
  assert.ok(layer().techniques!.every((t) => t.links === undefined));
  // No PUBLIC_URL (no base): no links, never an origin taken from the request.
});

test("an empty view still makes a valid layer", () => {
  const l = buildNavigatorLayer(computeCoverage([]), { name: "Empty", description: "", attackVersion: "18.1" });
  assert.deepEqual(l.techniques, []);
  assert.equal(validateNavigatorLayer(l).valid, true);
});
