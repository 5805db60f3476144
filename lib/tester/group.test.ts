import { test } from "node:test";
import assert from "node:assert/strict";
import { groupResults, reasonKey, type AnalyticLite, type AnalyticOutcome } from "./group";
import { DEFAULT_FILTERS, filtersFromQuery, filtersToQuery, thresholdWords } from "./result-filters";

const A = (id: string, name: string, attack: AnalyticLite["attack"], more: Partial<AnalyticLite> = {}): AnalyticLite => ({ id, name, slug: id, attack, type: "TTP", status: "production", severity: "medium", riskScore: 50, ...more });
const BY_NAME = { hide: new Set<never>(), sort: "name" as const };
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
  const g = groupResults(analytics, outcomes, { "lateral-movement": "Lateral Movement" }, BY_NAME);
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
  assert.deepEqual(groupResults([], new Map()), { firing: [], firingCount: 0, hidden: {}, hiddenCount: 0, notTestable: [], reasons: [], noMatchCount: 0, pending: 0 });
  assert.equal(reasonKey(undefined), "no reason given");
});

test("default filters hide deprecated, experimental, hunting and small-batch thresholds, counted by kind; risk first", () => {
  const T = [{ id: "T1570", tactics: ["lateral-movement"] }];
  const list = [
    A("real", "Windows Lateral Tool Transfer RemCom", T, { riskScore: 40 }),
    A("dep", "Prohibited Software On Endpoint", T, { status: "deprecated", riskScore: 25 }),
    A("exp", "Detect Computer Changed", T, { status: "experimental", type: "Hunting", riskScore: 49 }),
    A("hunt", "PowerShell Web Access", [{ id: "T1059", tactics: ["execution"] }], { type: "Hunting", riskScore: 64 }),
    A("rare", "Detect Rare Executables", [], { type: "Anomaly", riskScore: 25 }),
    A("big", "Another TTP", [{ id: "T1003", tactics: ["credential-access"] }], { riskScore: 80 }),
  ];
  const rare = { aggregate: "dc" as const, field: "Processes.dest", below: 10, clause: "dc_dest < 10", fires: true };
  const all = new Map<string, AnalyticOutcome>(list.map((a) => [a.id, { id: a.id, verdict: "match", ...(a.id === "rare" ? { overBatch: true, rowCount: 1, threshold: rare } : {}) }]));
  const flat = (g: ReturnType<typeof groupResults>) => g.firing.flatMap((t) => t.techniques.flatMap((x) => x.items.map((i) => i.analytic.id)));
  const g = groupResults(list, all);
  assert.deepEqual(flat(g), ["big", "real"], "risk 80 before 40, across tactics");
  assert.equal(g.firingCount, 6);
  assert.equal(g.hiddenCount, 4);
  assert.deepEqual(g.hidden, { deprecated: 1, experimental: 1, hunting: 1, threshold: 1 }, "each counted once, under the first kind that hides it");
  const shown = groupResults(list, all, {}, filtersFromQuery(new URLSearchParams("show=all")));
  assert.deepEqual(flat(shown), ["big", "hunt", "exp", "real", "dep", "rare"]);
  assert.equal(shown.hiddenCount, 0);
  const noDep = groupResults(list, all, {}, filtersFromQuery(new URLSearchParams("show=deprecated")));
  assert.deepEqual(flat(noDep), ["big", "real", "dep"]);
  // One toggle per analytic, status first: a deprecated hunting search shows with "Hide deprecated" off.
  const depHunt = [...list, A("dh", "Deprecated hunting", T, { status: "deprecated", type: "Hunting", riskScore: 30 })];
  const withDh = new Map([...all, ["dh", { id: "dh", verdict: "match" as const }]]);
  assert.deepEqual(flat(groupResults(depHunt, withDh, {}, filtersFromQuery(new URLSearchParams("show=deprecated")))), ["big", "real", "dh", "dep"]);
  assert.deepEqual(groupResults(depHunt, withDh).hidden, { deprecated: 2, experimental: 1, hunting: 1, threshold: 1 });
});

test("filters in the URL: defaults absent, other parameters kept, unknown words ignored", () => {
  assert.deepEqual([...filtersFromQuery(new URLSearchParams("")).hide], [...DEFAULT_FILTERS.hide]);
  const f = filtersFromQuery(new URLSearchParams("show=hunting,bogus&sort=name"));
  assert.deepEqual([...f.hide], ["deprecated", "experimental", "threshold"]);
  assert.equal(f.sort, "name");
  assert.equal(filtersToQuery(f, new URLSearchParams("story=x")).toString(), "story=x&show=hunting&sort=name");
  assert.equal(filtersToQuery(DEFAULT_FILTERS, new URLSearchParams("story=x&show=all&sort=name")).toString(), "story=x");
  assert.equal(filtersToQuery({ hide: new Set(), sort: "risk" }, new URLSearchParams()).toString(), "show=all");
});

test("threshold words come from the derived threshold", () => {
  assert.equal(thresholdWords({ aggregate: "dc", field: "Processes.dest", below: 10, clause: "dc_dest < 10", fires: true }), "fires on any batch with fewer than 10 hosts (`dc_dest < 10`)");
  assert.equal(thresholdWords({ aggregate: "count", below: 3, clause: "count < 3", fires: false }), "`count < 3` is met by any batch with fewer than 3 events");
  assert.equal(thresholdWords({ aggregate: "dc", field: "source.from_header_address", below: 20, clause: "n < 20", fires: true }), "fires on any batch with fewer than 20 distinct source.from_header_address values (`n < 20`)");
});

import { macrosUsedBy } from "./macros-used";
test("macrosUsedBy follows nested macro calls and ignores unrelated ones", () => {
  const m = (name: string, definition: string, args: string[] = []) => ({ name, definition, args });
  const macros = [m("a", "`b` | `c(1)`"), m("b", "x"), m("c(1)", "`d`", ["x"]), m("d", "y"), m("e", "z")];
  assert.deepEqual(macrosUsedBy("| tstats `a` | `missing_filter`", macros).map((x) => x.name), ["a", "b", "c(1)", "d"]);
  assert.deepEqual(macrosUsedBy("no macros", macros), []);
});
