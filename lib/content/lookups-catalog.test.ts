/**
 * Analytics of ../shared/security_content that lookups made live, on the content's own tables
 * (skipped when the snapshot is absent): a positive and a negative event each.
 */
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import path from "node:path";
import { test } from "node:test";
import { matcherFor } from "../engine/index";
import { loadCatalog } from "./load";

const SHARED = path.resolve(import.meta.dirname, "../../../shared/security_content");
const skip = existsSync(path.join(SHARED, "lookups")) ? false : "../shared/security_content is absent";

const proc = (name: string) => ({ fields: { process_name: name, process: name, dest: "h1", user: "bob" }, datasets: { "Endpoint.Processes": { process_name: name, process: name, dest: "h1", user: "bob" } } });
const dns = (q: string) => ({ fields: { query: q, host: "h1" }, datasets: { "Network_Resolution.DNS": { query: q } } });

const cases: { id: string; name: string; hit: ReturnType<typeof proc | typeof dns>; miss: ReturnType<typeof proc | typeof dns> }[] = [
  { id: "a51bfe1a-94f0-48cc-b4e4-16a110145893", name: "Attacker Tools On Endpoint (attacker_tools: WILDCARD, case-insensitive, default_match false)", hit: proc("mimikatz.exe"), miss: proc("notepad.exe") },
  { id: "a1e761ac-1344-4dbd-88b2-3f34c912d359", name: "Detect hosts connecting to dynamic domain providers (92,000 WILDCARD rows, empty _local table)", hit: dns("c2.3d-game.com"), miss: dns("www.example.org") },
];

test("catalog analytics live through the content's lookup tables", { skip }, async () => {
  const c = await loadCatalog(SHARED);
  for (const k of cases) {
    const a = c.analytics.find((x) => x.id === k.id);
    assert.ok(a, k.name);
    const m = matcherFor(c, a);
    assert.equal(m.support.level, "event", `${k.name}: ${JSON.stringify(m.support)}`);
    assert.equal(m.evaluate(k.hit).verdict, "match", k.name);
    assert.equal(m.evaluate(k.miss).verdict, "no_match", k.name);
  }
});
