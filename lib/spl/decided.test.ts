/**
 * Verdicts decided before a stage that cannot run (issue 13 item 5): when no row is left before
 * it and no stage from it on can make a row out of nothing, the search returns nothing whatever
 * that stage would do. Table-driven cases, then properties: over real ESCU searches, a verdict
 * decided at any stage equals what the full pipeline gives when the later stages do run.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import type { EventInput } from "../detection/types";
import { compileSearch, indexMacros, searchSet, type CompiledSearch } from "./index";
import { ESCU } from "./fixtures/escu";
import { expandMacros } from "./macros";
import { parsePipeline } from "./parse";
import { keepsEmptyFrom, runPipeline } from "./run";
import { makeRuntime } from "./runtime";
import { checkSupport } from "./support";

const proc = (fields: Record<string, string>): EventInput => ({ fields: { ...fields, _time: 1700000000 }, datasets: { "Endpoint.Processes": fields } });
const CMD = proc({ process_name: "cmd.exe", dest: "ws1", user: "bob" });
const NOTEPAD = proc({ process_name: "notepad.exe", dest: "ws1", user: "bob" });
const TSTATS = "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user | rename Processes.* AS *";

const cases: { spl: string; event: EventInput; verdict: string; code?: string; reason?: RegExp; why: string }[] = [
  { spl: `${TSTATS} | lookup t user OUTPUT x`, event: NOTEPAD, verdict: "no_match", reason: /no row left after `tstats`.*decided before `lookup`/, why: "the where clause drops the event: the lookup cannot matter" },
  { spl: `${TSTATS} | lookup t user OUTPUT x`, event: CMD, verdict: "not_testable", code: "needs_lookup", why: "a row reaches the lookup" },
  { spl: `${TSTATS} | where user="alice" | lookup t user OUTPUT x | where isnotnull(x)`, event: CMD, verdict: "no_match", reason: /after `where`.*before `lookup`/, why: "a later filter before the lookup drops the row" },
  { spl: `| tstats count from datamodel=Endpoint.Registry by Registry.dest | lookup t dest OUTPUT x`, event: CMD, verdict: "no_match", reason: /not in the Endpoint.Registry dataset.*before `lookup`/, why: "an event of another dataset" },
  { spl: `${TSTATS} | append [| inputlookup t]`, event: NOTEPAD, verdict: "not_testable", code: "subsearch", why: "append adds rows to an empty result" },
  { spl: `${TSTATS} | lookup t user OUTPUT x | append [| inputlookup t]`, event: NOTEPAD, verdict: "not_testable", code: "needs_lookup", why: "a later stage that makes rows from nothing" },
  { spl: `${TSTATS} | stats count | lookup t count OUTPUT x`, event: NOTEPAD, verdict: "not_testable", code: "needs_lookup", why: "stats without BY makes a row (count=0) from no rows" },
  { spl: `${TSTATS} | where count > 5 | lookup t user OUTPUT x`, event: NOTEPAD, verdict: "not_testable", code: "needs_lookup", why: "a batch-dependent filter before the stage: no per-event decision" },
  { spl: `| inputlookup t | search user=bob`, event: CMD, verdict: "not_testable", code: "needs_lookup", why: "nothing runs before a leading stage" },
];

test("decided before a stage that cannot run: table", () => {
  for (const c of cases) {
    const s = compileSearch(c.spl, { macros: [] });
    assert.equal(s.support.level, "none", c.spl);
    const v = s.evaluate(c.event);
    assert.equal(v.verdict, c.verdict, `${c.why}: ${c.spl} → ${JSON.stringify(v)}`);
    if (c.code) assert.equal(v.code, c.code, c.why);
    if (c.reason) assert.match(v.reason ?? "", c.reason, c.why);
    // explain agrees, and names the stage that was not needed.
    const x = s.explain(c.event);
    assert.equal(x.verdict, v.verdict, `explain: ${c.spl}`);
    assert.equal(x.reason, v.reason, `explain reason: ${c.spl}`);
    if (v.verdict === "no_match") assert.ok(x.stages.some((st) => st.rowsIn === 0 && /^not run/.test(st.note ?? "")), `explain marks the stages not run: ${c.spl}`);
    // a search set answers the same.
    assert.deepEqual(searchSet([s]).evaluate(c.event)[0], v, `set: ${c.spl}`);
  }
});

test("decided over a batch: empty before the stage gives an empty result with a note; rows give not testable", () => {
  const s = compileSearch(`${TSTATS} | where count > 5 | lookup t user OUTPUT x`, { macros: [] });
  const empty = s.run([CMD, NOTEPAD]);
  assert.ok(empty.ok);
  assert.deepEqual(empty.ok && empty.rows, []);
  assert.match((empty.ok && empty.notes?.join(" ")) || "", /no row left after `where`.*before `lookup`/);
  const six = s.run(Array.from({ length: 6 }, () => CMD));
  assert.equal(six.ok, false);
  assert.equal(!six.ok && six.code, "needs_lookup");
});

test("a per-event run stops at an empty stage only when no later stage makes rows from nothing", () => {
  const s = compileSearch(`${TSTATS} | stats count`, { macros: [] });
  assert.equal(s.support.level, "event");
  // Splunk's `stats count` over no results is one row with count 0.
  assert.deepEqual(s.evaluate(NOTEPAD), { verdict: "match", rows: [{ count: 0 }] });
  assert.deepEqual(s.evaluate(CMD), { verdict: "match", rows: [{ count: 1 }] });
});

/** Events built from a search's own literals, so that some pass its filters. */
function eventsFor(spl: string): fc.Arbitrary<EventInput> {
  const literals = [...new Set([...spl.matchAll(/"([^"*]{1,40})"|=([\w.:\\-]{1,40})/g)].map((m) => (m[1] ?? m[2])!))].slice(0, 30);
  const values = fc.oneof(fc.constantFrom("cmd.exe", "x", "1", ...literals), fc.constant("C:\\Windows\\System32\\cmd.exe"));
  const names = ["process_name", "process", "parent_process_name", "original_file_name", "dest", "user", "process_path", "parent_process", "registry_path", "registry_value_name", "file_name", "file_path", "action"];
  return fc.dictionary(fc.constantFrom(...names), values, { minKeys: 3 }).map((f) => ({
    fields: { ...f, _time: 1700000000 },
    datasets: { "Endpoint.Processes": f, "Endpoint.Registry": f, "Endpoint.Filesystem": f },
  }));
}

const macros = indexMacros(ESCU.macros);
const compiled = ESCU.analytics.map((a) => ({ a, s: compileSearch(a.search, { macros }) }));

test("property: on runnable ESCU searches, an empty result before any stage k (all later stages keep empty) means the full pipeline gives no_match", () => {
  let checked = 0;
  for (const { a, s } of compiled.filter((x) => x.s.support.level === "event")) {
    const p = parsePipeline(expandMacros(a.search, macros).text);
    const from = keepsEmptyFrom(p);
    fc.assert(
      fc.property(eventsFor(s.expanded), fc.integer({ min: from, max: Math.max(from, p.commands.length - 1) }), (event, k) => {
        if (k >= p.commands.length) return;
        const prefix = runPipeline(p, [event], makeRuntime(1700000000), false, true, { until: k });
        if (prefix.rows.length > 0) return;
        checked++;
        assert.equal(s.evaluate(event).verdict, "no_match", `${a.name}: empty before stage ${k}`);
      }),
      { numRuns: 15 },
    );
  }
  assert.ok(checked > 200, `the property was exercised (${checked})`);
});

test("property: a decided ESCU search answers as the same search cut before its stage that cannot run", () => {
  let decided = 0;
  for (const { a, s } of compiled) {
    const expanded = expandMacros(a.search, macros);
    const p = parsePipeline(expanded.text);
    const support = checkSupport(p, expanded);
    if (support.level !== "none" || !support.decide?.perEvent) continue;
    const cut = expanded.text.slice(0, p.commands[support.decide.until]!.at[0]).replace(/\s*\|\s*$/, "");
    const prefix: CompiledSearch = compileSearch(cut, { macros: [] });
    if (prefix.support.level !== "event") continue;
    fc.assert(
      fc.property(eventsFor(s.expanded), (event) => {
        const whole = s.evaluate(event);
        const before = prefix.evaluate(event);
        if (before.verdict === "no_match") {
          decided++;
          assert.equal(whole.verdict, "no_match", `${a.name}: decided`);
        } else assert.equal(whole.verdict, before.verdict === "match" ? "not_testable" : before.verdict, `${a.name}: ${JSON.stringify(before)}`);
      }),
      { numRuns: 10 },
    );
  }
  assert.ok(decided > 50, `decided verdicts were exercised (${decided})`);
});
