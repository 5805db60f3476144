/**
 * `join`, `append`, `appendpipe` (join.ts, append.ts), table-driven with the documented shapes
 * [V cmd:join: `join product_id [search vendors]`, `join type=left …`, `max=0`, several fields;
 * cmd:append; cmd:appendpipe `appendpipe [stats sum(count) as count by …]`], then searches that
 * read several CIM datasets over one batch: the subsearch reads the same pasted events.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { EventInput } from "../../detection/types";
import { compileSearch } from "../index";
import { parsePipeline } from "../parse";
import type { RowData } from "../runtime";
import { runJoin, type JoinNode } from "./join";
import { runCommands } from "./testing";

const orders: RowData[] = [
  { product_id: "p1", qty: 2, vendor: "old" },
  { product_id: "p2", qty: 1 },
  { product_id: "p3", qty: 5 },
  { qty: 9 },
];
const vendors: RowData[] = [
  { product_id: "p1", vendor: "acme", product_name: "bolt" },
  { product_id: "p1", vendor: "bolts-r-us", product_name: "bolt" },
  { product_id: "p2", vendor: "zeta", product_name: "nut" },
  { product_id: "P3", vendor: "case", product_name: "washer" },
];

function joinNode(spl: string): JoinNode {
  const c = parsePipeline(`| ${spl}`).commands[0]!;
  assert.equal(c.type, "join", spl);
  return c as JoinNode;
}

const cases: { spl: string; out: RowData[]; why: string }[] = [
  {
    spl: "join product_id [search vendors]",
    out: [{ product_id: "p1", qty: 2, vendor: "acme", product_name: "bolt" }, { product_id: "p2", qty: 1, vendor: "zeta", product_name: "nut" }],
    why: "inner by default, max=1: the first matching subsearch row; overwrite=true: its vendor wins; values match case-sensitively (P3 ≠ p3); a row without the field matches nothing",
  },
  {
    spl: "join type=left product_id [search vendors]",
    out: [{ product_id: "p1", qty: 2, vendor: "acme", product_name: "bolt" }, { product_id: "p2", qty: 1, vendor: "zeta", product_name: "nut" }, { product_id: "p3", qty: 5 }, { qty: 9 }],
    why: "type=left keeps main rows without a match, unchanged",
  },
  { spl: "join type=outer product_id [search vendors]", out: [{ product_id: "p1", qty: 2, vendor: "acme", product_name: "bolt" }, { product_id: "p2", qty: 1, vendor: "zeta", product_name: "nut" }, { product_id: "p3", qty: 5 }, { qty: 9 }], why: "outer is left" },
  {
    spl: "join max=0 product_id [search vendors]",
    out: [{ product_id: "p1", qty: 2, vendor: "acme", product_name: "bolt" }, { product_id: "p1", qty: 2, vendor: "bolts-r-us", product_name: "bolt" }, { product_id: "p2", qty: 1, vendor: "zeta", product_name: "nut" }],
    why: "max=0: every matching subsearch row, one output row each",
  },
  { spl: "join overwrite=false product_id [search vendors]", out: [{ product_id: "p1", qty: 2, vendor: "old", product_name: "bolt" }, { product_id: "p2", qty: 1, vendor: "zeta", product_name: "nut" }], why: "overwrite=false: the main row's value stays" },
  { spl: "join product_id, vendor [search vendors]", out: [], why: "several fields: all must be equal" },
  { spl: "join product_id type=inner [search vendors]", out: [{ product_id: "p1", qty: 2, vendor: "acme", product_name: "bolt" }, { product_id: "p2", qty: 1, vendor: "zeta", product_name: "nut" }], why: "options may follow the field list" },
  { spl: "join [search vendors]", out: [], why: "no field list: the common fields (product_id and vendor) must all be equal" },
];

test("join: table over main and subsearch rows", () => {
  for (const c of cases) assert.deepEqual(runJoin(joinNode(c.spl), orders, vendors, () => {}), c.out, `${c.why}: ${c.spl}`);
});

test("join: options it does not model are named; the subsearch is checked as a search", () => {
  const base = "| tstats count from datamodel=Endpoint.Processes by Processes.dest | rename Processes.* AS * | ";
  const support = (tail: string) => compileSearch(base + tail, { macros: [] }).support as { level: string; code?: string; detail?: string; reason?: string };
  assert.equal(support("join usetime=true dest [| tstats count from datamodel=Endpoint.Filesystem by Filesystem.dest | rename Filesystem.* AS *]").code, "unsupported_option");
  assert.equal(support("join left=L right=R where L.dest=R.dest [| tstats count from datamodel=Endpoint.Filesystem by Filesystem.dest]").code, "unsupported_option");
  const lookup = support("join dest [| inputlookup assets]");
  assert.equal(lookup.code, "subsearch");
  assert.equal(lookup.detail, "join");
  assert.match(lookup.reason ?? "", /subsearch of `join`.*inputlookup/);
  const inner = support("join dest [| tstats count from datamodel=Endpoint.Filesystem by Filesystem.dest | timechart count]");
  assert.equal(inner.code, "unsupported_command", "an engine limitation inside keeps its own code");
  assert.equal(support("join dest [| tstats count from datamodel=Endpoint.Filesystem by Filesystem.dest | rename Filesystem.* AS *]").code, "batch_subsearch");
  assert.equal(support("join type=left dest [| tstats count from datamodel=Endpoint.Filesystem by Filesystem.dest | rename Filesystem.* AS *]").level, "event", "a left join keeps every row; nothing filters after it");
  assert.equal(support("join type=left dest [| tstats count from datamodel=Endpoint.Filesystem by Filesystem.dest | rename Filesystem.* AS * | rename count AS n] | where n > 0").code, "batch_subsearch");
});

test("append, appendpipe: documented shapes over rows", () => {
  const rows: RowData[] = [{ host: "a", count: 2 }, { host: "b", count: 3 }];
  const r = runCommands("appendpipe [stats sum(count) as count]", rows);
  assert.deepEqual(r.rows, [{ host: "a", count: 2 }, { host: "b", count: 3 }, { count: 5 }], "appendpipe: a subtotal row after the results");
  assert.deepEqual(r.lineage, [[0], [1], [0, 1]]);
  assert.match(r.notes.join(" "), /subpipeline of `appendpipe` ran over the current results/);
  assert.deepEqual(runCommands("appendpipe run_in_preview=f [where count > 2 | eval host=\"x\"]", rows).rows, [...rows, { host: "x", count: 3 }]);
});

// ---- several CIM datasets over one batch ----
const T = 1700000000;
const proc = (guid: string, name: string, t = T): EventInput => ({
  fields: { _time: t, process_guid: guid, process_name: name, dest: "ws1", process_id: "42" },
  datasets: { "Endpoint.Processes": { process_guid: guid, process_name: name, dest: "ws1", process_id: "42" } },
});
const file = (guid: string, fileName: string, t = T): EventInput => ({
  fields: { _time: t, process_guid: guid, file_name: fileName, dest: "ws1" },
  datasets: { "Endpoint.Filesystem": { process_guid: guid, file_name: fileName, file_path: `C:\\x\\${fileName}`, dest: "ws1" } },
});
// The shape of ESCU's "Process Writing DynamicWrapperX" (macros inlined).
const DYNWRAPX = `| tstats count FROM datamodel=Endpoint.Processes by _time Processes.process_id Processes.process_name Processes.dest Processes.process_guid
  | rename Processes.* AS * | join process_guid [| tstats count FROM datamodel=Endpoint.Filesystem where Filesystem.file_name="dynwrapx.dll"
  by _time Filesystem.dest Filesystem.file_name Filesystem.file_path Filesystem.process_guid | rename Filesystem.* AS *
  | fields _time process_guid file_path file_name dest] | stats count min(_time) as firstTime by dest process_name process_guid file_name file_path`;

test("several datasets: a join over one batch holding events of each", () => {
  const s = compileSearch(DYNWRAPX, { macros: [] });
  assert.equal(s.support.level, "batch");
  assert.equal((s.support as { code?: string }).code, "batch_subsearch");
  assert.deepEqual([...s.datasets].sort(), ["Endpoint.Filesystem", "Endpoint.Processes"]);
  const events = [proc("{g1}", "wscript.exe"), file("{g1}", "dynwrapx.dll"), proc("{g2}", "cmd.exe"), file("{g2}", "other.dll"), file("{g3}", "dynwrapx.dll")];
  const r = s.run(events);
  assert.ok(r.ok, JSON.stringify(r));
  if (!r.ok) return;
  assert.deepEqual(r.rows, [{ dest: "ws1", process_name: "wscript.exe", process_guid: "{g1}", file_name: "dynwrapx.dll", file_path: "C:\\x\\dynwrapx.dll", count: 1, firstTime: T }]);
  assert.deepEqual(r.lineage, [[0, 1]], "the row stands for the process and the file event");
  assert.ok(r.notes?.some((n) => /subsearch of `join` ran over the pasted events/.test(n)), JSON.stringify(r.notes));
  // Either event alone: no row (the verdict is the batch's, not the OR of the events').
  for (const one of [[events[0]!], [events[1]!]]) {
    const alone = s.run(one);
    assert.ok(alone.ok && alone.rows.length === 0);
  }
  assert.equal(s.evaluate(events[0]!).verdict, "not_testable", "per event: depends on other events");
});

test("append: the subsearch's rows follow the main rows, both over the pasted events", () => {
  const s = compileSearch(`| tstats count from datamodel=Endpoint.Processes by Processes.process_guid | rename Processes.* AS * | append [| tstats count from datamodel=Endpoint.Filesystem by Filesystem.file_name | rename Filesystem.* AS *]`, { macros: [] });
  assert.equal((s.support as { code?: string }).code, "batch_subsearch");
  const r = s.run([file("{g1}", "a.dll"), proc("{g1}", "x.exe")]);
  assert.ok(r.ok);
  if (!r.ok) return;
  assert.deepEqual(r.rows, [{ process_guid: "{g1}", count: 1 }, { file_name: "a.dll", count: 1 }]);
  assert.deepEqual(r.lineage, [[1], [0]]);
  assert.ok(r.notes?.some((n) => /subsearch of `append` ran over the pasted events/.test(n)));
});

test("a subsearch written `[search …]` starts with the search command, not a bare term", () => {
  const p = parsePipeline("| tstats count from datamodel=Endpoint.Processes by Processes.dest | join dest [search sourcetype=x dest=ws1]");
  const j = p.commands[1] as JoinNode;
  const first = j.sub!.commands[0]!;
  assert.equal(first.type, "search");
  assert.deepEqual((first as { expr?: { kind: string; children?: { kind: string; field?: string }[] } }).expr?.children?.map((c) => c.field), ["sourcetype", "dest"]);
});
