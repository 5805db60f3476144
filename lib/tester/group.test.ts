import { test } from "node:test";
import assert from "node:assert/strict";
import { groupResults, reasonKey, type AnalyticLite, type AnalyticOutcome } from "./group";

const A = (id: string, name: string, attack: AnalyticLite["attack"]): AnalyticLite => ({ id, name, slug: id, attack });
const analytics: AnalyticLite[] = [
  A("smb", "Impacket smbexec", [
    { id: "T1021.002", name: "SMB/Windows Admin Shares", tactics: ["lateral-movement"] },
    { id: "T1543.003", name: "Windows Service", tactics: ["persistence", "privilege-escalation"] },
  ]),
  A("remcom", "RemCom", [{ id: "T1570", name: "Lateral Tool Transfer", tactics: ["lateral-movement"] }]),
  A("psexec", "A PsExec", [{ id: "T1021.002", tactics: ["lateral-movement"] }]),
  A("whoami", "Whoami", [{ id: "T1033", tactics: ["discovery"] }]),
  A("none", "Unmapped", []),
  A("nt1", "Lookup one", []),
  A("nt2", "Lookup two", []),
  A("miss", "Misses", [{ id: "T1003", tactics: ["credential-access"] }]),
  A("later", "Still running", []),
];
const o = (id: string, verdict: AnalyticOutcome["verdict"], reason?: string): [string, AnalyticOutcome] => [id, { id, verdict, ...(reason ? { reason } : {}) }];
const outcomes = new Map<string, AnalyticOutcome>([
  o("smb", "match"), o("remcom", "match"), o("psexec", "match"), o("whoami", "match"), o("none", "match"),
  o("nt1", "not_testable", "uses a lookup"), o("nt2", "not_testable", "uses  a lookup"), o("miss", "no_match"),
]);

test("firing analytics grouped by primary tactic (kill-chain order) and technique", () => {
  const g = groupResults(analytics, outcomes, { "lateral-movement": "Lateral Movement" });
  assert.deepEqual(g.firing.map((t) => t.name), ["Discovery", "Lateral Movement", "No ATT&CK mapping"]);
  const lm = g.firing[1]!;
  assert.deepEqual(lm.techniques.map((t) => t.id), ["T1021.002", "T1570"]);
  assert.deepEqual(lm.techniques[0]!.items.map((i) => i.analytic.id), ["psexec", "smb"]);
  assert.deepEqual(lm.techniques[0]!.items[1]!.otherTechniques, ["T1543.003"]);
  assert.equal(lm.techniques[0]!.name, "SMB/Windows Admin Shares", "name comes from the first analytic that names it");
  assert.equal(g.firingCount, 5);
});

test("each firing analytic appears exactly once", () => {
  const g = groupResults(analytics, outcomes);
  const ids = g.firing.flatMap((t) => t.techniques.flatMap((x) => x.items.map((i) => i.analytic.id)));
  assert.equal(new Set(ids).size, ids.length);
  assert.equal(ids.length, g.firingCount);
});

test("not testable with reasons counted (whitespace-insensitive), no_match counted, pending counted", () => {
  const g = groupResults(analytics, outcomes);
  assert.deepEqual(g.notTestable.map((n) => n.analytic.id), ["nt1", "nt2"]);
  assert.deepEqual(g.reasons, [{ reason: "uses a lookup", count: 2 }]);
  assert.equal(g.noMatchCount, 1);
  assert.equal(g.pending, 1);
});

test("empty inputs", () => {
  assert.deepEqual(groupResults([], new Map()), { firing: [], firingCount: 0, notTestable: [], reasons: [], noMatchCount: 0, pending: 0 });
  assert.equal(reasonKey(undefined), "no reason given");
});

import { macrosUsedBy } from "./macros-used";
test("macrosUsedBy follows nested macro calls and ignores unrelated ones", () => {
  const m = (name: string, definition: string, args: string[] = []) => ({ name, definition, args });
  const macros = [m("a", "`b` | `c(1)`"), m("b", "x"), m("c(1)", "`d`", ["x"]), m("d", "y"), m("e", "z")];
  assert.deepEqual(macrosUsedBy("| tstats `a` | `missing_filter`", macros).map((x) => x.name), ["a", "b", "c(1)", "d"]);
  assert.deepEqual(macrosUsedBy("no macros", macros), []);
});
