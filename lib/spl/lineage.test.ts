/**
 * Lineage of batch runs: which events each returned row stands for, through filters (rows pass
 * through), maps (`lineage: "map"`), merges (stats, tstats groups) and commands that cannot say.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { EventInput } from "../detection/types";
import { compileSearch } from "./index";
import { Lineage } from "./lineage";

const proc = (fields: Record<string, string>, time: number): EventInput => ({ fields: { ...fields, _time: time }, datasets: { "Endpoint.Processes": fields } });
const events = [
  proc({ process_name: "cmd.exe", dest: "a", user: "bob" }, 100),
  proc({ process_name: "notepad.exe", dest: "a", user: "bob" }, 300),
  proc({ process_name: "cmd.exe", dest: "b", user: "eve" }, 200),
  proc({ process_name: "cmd.exe", dest: "a", user: "eve" }, 400),
];
const T = "| tstats count min(_time) as firstTime from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user | rename Processes.* AS *";

const cases: { spl: string; lineage: (number[] | null)[]; rows?: Record<string, unknown>[] }[] = [
  { spl: T, lineage: [[0], [3], [2]], rows: [{ dest: "a", user: "bob", count: 1, firstTime: 100 }, { dest: "a", user: "eve", count: 1, firstTime: 400 }, { dest: "b", user: "eve", count: 1, firstTime: 200 }] },
  { spl: `${T} | stats sum(count) as n by dest`, lineage: [[0, 3], [2]], rows: [{ dest: "a", n: 2 }, { dest: "b", n: 1 }] },
  { spl: `${T} | where user="eve" | eval x=1 | table dest x`, lineage: [[3], [2]] },
  { spl: `${T} | eventstats count as c by dest | where c > 1`, lineage: [[0], [3]] },
  { spl: `${T} | stats count`, lineage: [[0, 2, 3]] },
  { spl: `${T} | where user="nobody" | stats count`, lineage: [[]], rows: [{ count: 0 }] },
  { spl: `| tstats values(Processes.user) as user from datamodel=Endpoint.Processes by Processes.dest | mvexpand user`, lineage: [[0, 1, 3], [0, 1, 3], [2]] },
];

test("lineage: table of batch runs", () => {
  for (const c of cases) {
    const r = compileSearch(c.spl, { macros: [] }).run(events);
    assert.ok(r.ok, `${c.spl}: ${!r.ok && r.reason}`);
    if (!r.ok) continue;
    assert.deepEqual(r.lineage, c.lineage, c.spl);
    if (c.rows) assert.deepEqual(r.rows, c.rows, c.spl);
  }
});

test("lineage: merging an untagged row gives unknown, never a guess", () => {
  const l = new Lineage([5, 7]);
  const a = {}, b = {}, untagged = {}, merged = {}, partial = {};
  l.event(a, 0);
  l.event(b, 1);
  l.merge(merged, [b, a, b]);
  assert.deepEqual(l.get(merged), [5, 7]);
  l.merge(partial, [a, untagged]);
  assert.equal(l.get(partial), undefined);
  l.copy(partial, a);
  assert.deepEqual(l.get(partial), [5]);
});
