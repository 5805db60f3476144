import { test } from "node:test";
import assert from "node:assert/strict";
import { buildCatalogIndex, catalogIndexFor } from "./build";
import { queryCatalog } from "./facets";
import { parseCatalogQuery } from "./query";
import { ALL, TACTICS } from "./test-fixtures";

const index = buildCatalogIndex(ALL, TACTICS);
const run = (params: string) => queryCatalog(index, parseCatalogQuery(new URLSearchParams(params)));
const slugs = (params: string) => run(params).rows.map((r) => r.slug);
const counts = (params: string, key: string) =>
  Object.fromEntries(run(params).facets.find((f) => f.key === key)!.values.map((v) => [v.value, v.count]));

test("no query: every row, catalog order", () => {
  const r = run("");
  assert.equal(r.total, 4);
  assert.deepEqual(r.rows.map((x) => x.slug), ALL.map((a) => a.slug));
});

test("text search: all terms, over name, description, SPL, ids, technique and tactic names", () => {
  const cases: [string, string[]][] = [
    ["q=remcom", ["windows_lateral_tool_transfer_remcom"]],
    ["q=cmd.exe", ["impacket_lateral_movement_smbexec_commandline_parameters"]], // in the SPL only
    ["q=bb3c1bac", ["impacket_lateral_movement_smbexec_commandline_parameters"]], // the id
    ["q=T1021", ["impacket_lateral_movement_smbexec_commandline_parameters"]], // technique id prefix
    ["q=T1574.001", ["old_dll_hunt"]], // the resolved id of a revoked technique
    ["q=windows management", ["impacket_lateral_movement_smbexec_commandline_parameters"]], // technique name
    ["q=LATERAL movement", ["impacket_lateral_movement_smbexec_commandline_parameters", "windows_lateral_tool_transfer_remcom", "cloud_thing"]],
    ['q="lateral movement" smbexec', ["impacket_lateral_movement_smbexec_commandline_parameters"]],
    ["q=nothing-matches-this", []],
  ];
  for (const [params, expected] of cases) assert.deepEqual(slugs(params), expected, params);
});

test("facets: OR within a facet, AND across facets", () => {
  assert.deepEqual(slugs("type=Hunting&type=Anomaly"), ["old_dll_hunt", "cloud_thing"]);
  assert.deepEqual(slugs("type=TTP&tactic=execution"), ["impacket_lateral_movement_smbexec_commandline_parameters"]);
  assert.deepEqual(slugs("domain=cloud&tactic=execution"), []);
  assert.deepEqual(slugs("technique=T1574.001"), ["old_dll_hunt"], "revoked ids filter under their resolution");
  assert.deepEqual(slugs("story=WhisperGate"), ["impacket_lateral_movement_smbexec_commandline_parameters"]);
  assert.deepEqual(slugs("source=Sysmon EventID 1"), ["impacket_lateral_movement_smbexec_commandline_parameters", "windows_lateral_tool_transfer_remcom"]);
  assert.deepEqual(slugs("product=Splunk Cloud"), ["cloud_thing"]);
});

test("a facet's counts ignore its own selection but honour the others", () => {
  // type=TTP selected: the type facet still counts every type (within other filters).
  assert.deepEqual(counts("type=TTP", "type"), { TTP: 2, Hunting: 1, Anomaly: 1 });
  // ...while the status facet is counted within type=TTP.
  assert.deepEqual(counts("type=TTP", "status"), { production: 2 });
  // text search narrows every facet.
  assert.deepEqual(counts("q=remcom", "type"), { TTP: 1 });
  // tactic counts with a domain filter.
  assert.deepEqual(counts("domain=endpoint", "tactic"), {
    "lateral-movement": 2,
    execution: 1,
    persistence: 1,
    "privilege-escalation": 1,
  });
});

test("selected values stay listed at 0; tactics in matrix order with names", () => {
  const r = run("q=cloud&tactic=execution");
  const tactic = r.facets.find((f) => f.key === "tactic")!;
  assert.deepEqual(tactic.values, [{ value: "execution", label: "Execution", count: 0, selected: true }]);
  const all = run("").facets.find((f) => f.key === "tactic")!;
  assert.deepEqual(all.values.map((v) => v.value), ["execution", "persistence", "privilege-escalation", "lateral-movement"]);
  const tech = run("").facets.find((f) => f.key === "technique")!;
  assert.equal(tech.values.find((v) => v.value === "T1570")?.label, "T1570 Lateral Tool Transfer");
});

test("rows carry tactic names in matrix order and techniques as cited", () => {
  const row = run("q=smbexec").rows[0]!;
  assert.deepEqual(row.tactics, ["Execution", "Lateral Movement"]);
  assert.deepEqual(row.techniques.map((t) => t.id), ["T1021.002", "T1047"]);
  assert.equal(row.riskScore, 63);
  assert.equal(row.severity, "high");
});

test("catalogIndexFor memoises per analytics array", () => {
  assert.equal(catalogIndexFor(ALL, TACTICS), catalogIndexFor(ALL, TACTICS));
});
