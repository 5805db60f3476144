/**
 * `dedup`, `sort`, `head` (dedup.ts, sort.ts, head.ts), table-driven with the documented examples
 * [V cmd10:dedup, cmd:sort, cmd:head]; and how they make a search batch-only.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { compileSearch } from "../index";
import type { RowData } from "../runtime";
import { runCommands } from "./testing";

const R: RowData[] = [
  { source: "a", size: 10, host: "h1" },
  { source: "b", size: 300, host: "h1" },
  { source: "a", size: 99, host: "h2" },
  { host: "h3", size: 7 },
  { source: "a", size: 1000, host: "h1" },
  { source: "b", size: 5, host: "h2" },
];
const col = (rows: RowData[], f: string) => rows.map((r) => r[f] ?? null);

const cases: { spl: string; rows?: RowData[]; field: string; out: unknown[]; why: string }[] = [
  // dedup
  { spl: "dedup source", field: "size", out: [10, 300], why: "first result of each value, in search order; missing source dropped" },
  { spl: "dedup 2 source", field: "size", out: [10, 300, 99, 5], why: "dedup 3 source keeps the first 3 of each (documented example, with 2)" },
  { spl: "dedup source keepempty=true", field: "size", out: [10, 300, 7], why: "keepempty keeps results without the field" },
  { spl: "dedup source host", field: "size", out: [10, 300, 99, 5], why: "combinations of values" },
  { spl: "dedup source sortby -size", field: "size", out: [1000, 300], why: "documented: sortby decides which result is kept" },
  { spl: "dedup source keepevents=true", field: "source", out: ["a", "b", null, null, null], why: "keepevents: later duplicates lose the field" },
  { spl: "dedup host consecutive=true", field: "size", out: [10, 99, 7, 1000, 5], why: "consecutive: only adjacent duplicates go" },
  // sort
  { spl: "sort size", field: "size", out: [5, 7, 10, 99, 300, 1000], why: "numbers numerically" },
  { spl: "sort - size", field: "size", out: [1000, 300, 99, 10, 7, 5], why: "descending" },
  { spl: "sort str(size)", field: "size", out: [10, 1000, 300, 5, 7, 99], why: "str(): lexicographic" },
  { spl: "sort source", field: "size", out: [10, 99, 1000, 300, 5, 7], why: "missing values last (ascending), ties keep their order" },
  { spl: "sort -source", field: "size", out: [300, 5, 10, 99, 1000, 7], why: "missing values last (descending too)" },
  { spl: "sort source, -size", field: "size", out: [1000, 99, 10, 300, 5, 7], why: "sort lastname, -firstname (documented)" },
  { spl: "sort source -size desc", field: "size", out: [5, 300, 10, 99, 1000, 7], why: "desc reverses each key" },
  { spl: "sort 2 -size", field: "size", out: [1000, 300], why: "sort 100 -size, +source: a count (documented)" },
  { spl: "sort limit=1 size", field: "size", out: [5], why: "limit=" },
  { spl: "sort ip(a)", rows: [{ a: "10.0.0.10" }, { a: "9.1.1.1" }, { a: "10.0.0.9" }], field: "a", out: ["9.1.1.1", "10.0.0.9", "10.0.0.10"], why: "ip(): addresses in address order" },
  { spl: "sort a", rows: [{ a: "10.1.a" }, { a: "9.1.a" }, { a: "b" }, { a: "B" }], field: "a", out: ["10.1.a", "9.1.a", "B", "b"], why: "alphanumeric strings lexicographically; upper case before lower" },
  // head
  { spl: "head", rows: Array.from({ length: 12 }, (_, i) => ({ n: i })), field: "n", out: [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], why: "head: 10 by default" },
  { spl: "head 2", field: "size", out: [10, 300], why: "head N" },
  { spl: "head limit=3", field: "size", out: [10, 300, 99], why: "head limit=N" },
  { spl: "head (size<100)", field: "size", out: [10], why: "head <eval-expression>: results until the expression is false" },
  { spl: "head (size<100) keeplast=true", field: "size", out: [10, 300], why: "keeplast keeps the result that made it false" },
  { spl: "head (host=\"h3\") null=true", field: "size", out: [], why: "first result: the expression is false" },
];

test("dedup, sort, head: table", () => {
  for (const c of cases) assert.deepEqual(col(runCommands(c.spl, c.rows ?? R).rows, c.field), c.out, `${c.why}: ${c.spl}`);
});

test("dedup keepevents and sortby keep each row's lineage", () => {
  assert.deepEqual(runCommands("dedup source keepevents=true", R).lineage, [[0], [1], [2], [4], [5]]);
  assert.deepEqual(runCommands("dedup source sortby -size", R).lineage, [[4], [1]]);
});

test("dedup, head and sort with a limit make later filters on other fields batch-only", () => {
  const base = "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.dest Processes.user | rename Processes.* AS * | ";
  const level = (tail: string) => {
    const s = compileSearch(base + tail, { macros: [] }).support;
    return s.level === "event" ? "event" : `${s.level}:${s.code}`;
  };
  assert.equal(level("dedup dest | table dest user"), "event", "no filter after dedup");
  assert.equal(level("dedup dest | where dest=\"ws1\""), "event", "the dedup field itself: a value survives iff some row had it");
  assert.equal(level("dedup dest | where user=\"bob\""), "batch:batch_order", "which row of a dest survives decides");
  assert.equal(level("dedup dest | eval u=upper(dest) | where u=\"WS1\""), "event", "derived from a dedup field");
  assert.equal(level("head 5 | search user=bob"), "batch:batch_order");
  assert.equal(level("sort - dest | search user=bob"), "batch:batch_order", "the default sort keeps 10,000 results");
  assert.equal(level("sort 0 - dest | search user=bob"), "event", "sort 0 keeps every result");
  assert.equal(level("dedup dest keepevents=true | where user=\"bob\""), "event", "keepevents keeps every row");
  assert.equal(level("dedup dest keepevents=true | where isnull(dest)"), "batch:batch_order");
});
