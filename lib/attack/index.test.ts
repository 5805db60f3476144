import { test } from "node:test";
import assert from "node:assert/strict";
import {
  ATTACK_CREDIT,
  ATTACK_VERSION,
  allTechniques,
  followRevocations,
  getTechnique,
  resolveTechnique,
  tacticByShortname,
  tacticNames,
  tactics,
  techniqueUrl,
  type Technique,
} from "./index";

test("table metadata", () => {
  assert.equal(ATTACK_VERSION, "18.1");
  assert.match(ATTACK_CREDIT, /The MITRE Corporation/);
  assert.equal(allTechniques().length, 835);
  assert.equal(allTechniques().filter((t) => t.revoked).length, 132);
  assert.equal(allTechniques().filter((t) => t.deprecated).length, 12);
});

test("tactics in matrix order", () => {
  const list = tactics();
  assert.equal(list.length, 14);
  assert.equal(list[0]?.name, "Reconnaissance");
  assert.equal(list[13]?.name, "Impact");
  assert.deepEqual(list.map((t) => t.order), [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14]);
  assert.equal(tacticByShortname("lateral-movement")?.id, "TA0008");
  assert.equal(tacticByShortname("nope"), undefined);
  assert.deepEqual(tacticNames(["privilege-escalation", "persistence", "odd"]), ["Persistence", "Privilege Escalation", "odd"]);
});

const cases: { id: string; want: Partial<ReturnType<typeof resolveTechnique>> }[] = [
  { id: "T1021.002", want: { status: "current", name: "SMB/Windows Admin Shares", tactics: ["lateral-movement"], resolvedId: undefined } },
  { id: "T1570", want: { status: "current", name: "Lateral Tool Transfer", tactics: ["lateral-movement"] } },
  { id: "T1543.003", want: { status: "current", name: "Windows Service", tactics: ["persistence", "privilege-escalation"] } },
  // Two-step chain: T1073 is revoked by T1574.002, itself revoked by T1574.001.
  { id: "T1073", want: { status: "revoked", resolvedId: "T1574.001" } },
  { id: "T1574.002", want: { status: "revoked", resolvedId: "T1574.001", url: "https://attack.mitre.org/techniques/T1574/001" } },
  { id: " t1021.002 ", want: { id: "t1021.002", status: "current" } },
  { id: "T9999", want: { status: "unknown", tactics: [], name: undefined } },
  { id: "", want: { status: "unknown" } },
];

for (const { id, want } of cases) {
  test(`resolveTechnique(${JSON.stringify(id)})`, () => {
    const got = resolveTechnique(id);
    for (const [k, v] of Object.entries(want)) assert.deepEqual(got[k as keyof typeof got], v, k);
  });
}

test("resolved name is the replacement's", () => {
  const end = getTechnique("T1574.001");
  assert.ok(end);
  assert.equal(resolveTechnique("T1073").name, end.name);
});

test("a deprecated technique reports deprecated", () => {
  const dep = allTechniques().find((t) => t.deprecated && !t.revoked);
  assert.ok(dep);
  assert.equal(resolveTechnique(dep.id).status, "deprecated");
});

test("every revoked technique resolves to a current one", () => {
  for (const t of allTechniques().filter((x) => x.revoked)) {
    const r = resolveTechnique(t.id);
    assert.ok(r.resolvedId, t.id);
    const end = getTechnique(r.resolvedId);
    assert.ok(end && !end.revoked, t.id);
  }
});

test("cycles and broken chains are guarded", () => {
  const mk = (id: string, revokedBy?: string): Technique => ({ id, name: id, tactics: [], deprecated: false, revoked: !!revokedBy, revokedBy });
  const loop = new Map([["A", mk("A", "B")], ["B", mk("B", "C")], ["C", mk("C", "A")]]);
  assert.equal(followRevocations(loop.get("A")!, (id) => loop.get(id)), undefined);
  const broken = new Map([["A", mk("A", "Z")]]);
  assert.equal(followRevocations(broken.get("A")!, (id) => broken.get(id)), undefined);
  const ok = new Map([["A", mk("A", "B")], ["B", mk("B")]]);
  assert.equal(followRevocations(ok.get("A")!, (id) => ok.get(id))?.id, "B");
});

test("techniqueUrl", () => {
  assert.equal(techniqueUrl("T1021.002"), "https://attack.mitre.org/techniques/T1021/002");
  assert.equal(techniqueUrl("T1021"), "https://attack.mitre.org/techniques/T1021");
});
