import { test } from "node:test";
import assert from "node:assert/strict";
import { loadCatalog } from "../content/load";
import { SCOPE_PARAMS, testScope } from "./test-scope";
import { testScopeHref } from "./test-scope-href";

const builtIn = await loadCatalog("content");
const SMB = "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76";
const REMCOM = "e373a840-5bdc-47ef-b2fd-9cc7aaf387f0";

const CASES: { query: Record<string, string>; param?: string; value?: string; name?: RegExp; ids?: string[]; why: string }[] = [
  { query: {}, why: "no scope: the whole catalog" },
  { query: { story: "active_directory_lateral_movement" }, param: "story", value: "active_directory_lateral_movement", name: /^Active Directory Lateral Movement$/, ids: [SMB], why: "a story by slug" },
  { query: { story: "Active Directory Discovery" }, param: "story", value: "active_directory_discovery", ids: [REMCOM], why: "a story by name resolves to its slug" },
  { query: { technique: "t1021.002" }, param: "technique", value: "T1021.002", name: /^T1021\.002 SMB\/Windows Admin Shares$/, ids: [SMB], why: "a sub-technique, case-insensitive" },
  { query: { technique: "T1021" }, param: "technique", name: /and its sub-techniques/, ids: [SMB], why: "a parent technique holds its sub-techniques" },
  { query: { technique: "T1570" }, param: "technique", ids: [REMCOM], why: "another technique" },
  { query: { tactic: "lateral-movement" }, param: "tactic", value: "lateral-movement", name: /^Lateral Movement$/, ids: [SMB, REMCOM], why: "a tactic by shortname" },
  { query: { tactic: "Lateral Movement" }, param: "tactic", value: "lateral-movement", why: "a tactic by name" },
  { query: { data_source: "sysmon_eventid_1" }, param: "data_source", why: "the data-source scope goes through the same table" },
  { query: { story: "no_such_story", tactic: "impact" }, param: "tactic", ids: [], why: "an unknown story is skipped, the next parameter is tried" },
  { query: { technique: "not an id" }, why: "a malformed technique is no scope" },
];

for (const c of CASES) {
  test(`test scope: ${c.why}`, () => {
    const s = testScope(builtIn, c.query);
    if (!c.param) return assert.equal(s, undefined);
    assert.ok(s);
    assert.equal(s.param, c.param);
    if (c.value) assert.equal(s.value, c.value);
    if (c.name) assert.match(s.name, c.name);
    if (c.ids) assert.deepEqual([...s.ids].sort(), [...c.ids].sort());
  });
}

test("every scope parameter makes a link the scope reads back", () => {
  assert.deepEqual(SCOPE_PARAMS, ["data_source", "story", "technique", "tactic"]);
  const href = testScopeHref("story", "active_directory_lateral_movement");
  assert.equal(href, "/test?story=active_directory_lateral_movement");
  const q = Object.fromEntries(new URL(href, "http://x").searchParams);
  assert.equal(testScope(builtIn, q)?.name, "Active Directory Lateral Movement");
});
