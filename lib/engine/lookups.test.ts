/** withLookups (lookups.ts): a user's tables over the content's, in the content version. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { contentOf, matcherFor, withLookups, type ContentSource } from "./index";

const search = "| tstats count from datamodel=Endpoint.Processes by Processes.process_name | rename Processes.* AS * | lookup tools name AS process_name OUTPUT bad | search bad=yes";
const content: ContentSource = {
  analytics: [{ id: "a", search }],
  macros: [],
  lookups: [{ name: "tools", filename: "tools.csv", caseSensitiveMatch: false, table: null }],
};
const ev = (p: string) => ({ fields: { process_name: p }, datasets: { "Endpoint.Processes": { process_name: p } } });

test("withLookups: the user's table under the definition's rules; the version follows the tables", () => {
  const base = matcherFor(content, content.analytics[0]!);
  assert.equal(base.support.level !== "event" && base.support.code, "needs_lookup");
  const t1 = withLookups(content, { tools: { fields: ["name", "bad"], rows: [["Mimikatz.exe", "yes"]] } });
  const t2 = withLookups(content, { "tools.csv": { fields: ["name", "bad"], rows: [["psexec.exe", "yes"]] } });
  const versions = new Set([contentOf(content).version, contentOf(t1).version, contentOf(t2).version]);
  assert.equal(versions.size, 3);
  const m1 = matcherFor(t1, t1.analytics[0]!);
  assert.equal(m1.evaluate(ev("MIMIKATZ.EXE")).verdict, "match", "case_sensitive_match=false kept from the definition");
  assert.equal(m1.evaluate(ev("psexec.exe")).verdict, "no_match");
  const m2 = matcherFor(t2, t2.analytics[0]!);
  assert.equal(m2.evaluate(ev("psexec.exe")).verdict, "match", "by file name");
  assert.equal(m2.evaluate(ev("mimikatz.exe")).verdict, "no_match");
  const same = withLookups(content, { tools: { fields: ["name", "bad"], rows: [["Mimikatz.exe", "yes"]] } });
  assert.equal(contentOf(same).version, contentOf(t1).version, "the same tables, the same version");
  const undefinedName = withLookups(content, { other: { fields: ["x"], rows: [["1"]] } });
  assert.ok(undefinedName.lookups?.some((l) => l.name === "other" && l.origin === "user"));
  assert.equal(withLookups(content, {}), content);
});
