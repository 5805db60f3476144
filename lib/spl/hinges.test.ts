/**
 * "The verdict depends on unknown field X" must be true: a field is named only when supplying it
 * can change the verdict given the other clauses (search-compile.ts, `combine`). Issue 15: on the
 * RemCom analytic, `notepad.exe …` was said to depend on original_file_name although
 * `process IN ("*∕user:*", "*∕pwd:*")` fails whatever it holds.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parseExpr, searchExpr } from "./search-arbitrary.test-data";
import { compileExpr, QUIET, type MissingSink } from "./search-compile";
import type { RowData } from "./runtime";
import { compileSearch } from "./index";
import type { SearchExpr } from "./ast";
import type { EventInput } from "../detection/types";
import { eventFromCommandLine, toEventInput } from "../events";

const REMCOM =
  '| tstats count from datamodel=Endpoint.Processes where (Processes.process_name=remcom.exe OR Processes.original_file_name=RemCom.exe) Processes.process="*\\\\*" Processes.process IN ("*/user:*", "*/pwd:*") by Processes.dest';

/** The event with `extra` supplied: present in its fields and dataset record, no longer unknown. */
function supplied(e: EventInput, extra: Record<string, string>): EventInput {
  const fields = { ...e.fields, ...extra };
  const datasets = Object.fromEntries(Object.entries(e.datasets ?? {}).map(([k, v]) => [k, { ...v, ...extra }]));
  return { ...e, fields, datasets, unknown: (e.unknown ?? []).filter((u) => !(u in extra)) };
}

const cases: { name: string; line: string; hinges: string[]; flip?: Record<string, string> }[] = [
  { name: "notepad: process IN (…) fails whatever original_file_name holds", line: "notepad.exe C:\\notes\\todo.txt", hinges: [] },
  { name: "notepad with a backslash but no /user: still fails process IN", line: "notepad.exe \\\\host\\share\\a.txt", hinges: [] },
  { name: "renamed RemCom with /user: hinges on original_file_name", line: "rc.exe \\\\10.0.0.5 /user:a /pwd:b cmd.exe", hinges: ["original_file_name"], flip: { original_file_name: "RemCom.exe", dest: "ws01" } },
];

test("RemCom: a hint names only the fields that can change the verdict", () => {
  const search = compileSearch(REMCOM, { macros: [] });
  for (const c of cases) {
    const ev = toEventInput(eventFromCommandLine(c.line));
    for (const v of [search.evaluate(ev), search.explain(ev)]) {
      assert.equal(v.verdict, "no_match", c.name);
      assert.deepEqual([...(v.hingesOn ?? [])], c.hinges, c.name);
    }
    if (c.flip) assert.equal(search.evaluate(supplied(ev, c.flip)).verdict, "match", `${c.name}: supplying it flips`);
  }
});

const FIELDS = ["a", "b", "c"];
const VALUES = ["x", "X", "*y*", "1", "2"];
const expr = searchExpr({ fields: FIELDS, values: VALUES, ops: ["=", "!=", ">"], terms: ["*", "a=*", "NOT b=*", "whoami"], maxIn: 2 });
const row = fc.tuple(fc.dictionary(fc.constantFrom(...FIELDS), fc.constantFrom(...VALUES)), fc.option(fc.constantFrom("cmd /c whoami", "dir"))).map(([r, raw]) => (raw === null ? r : { ...r, _raw: raw })) as fc.Arbitrary<RowData>;

const readField = (e: SearchExpr): string | null => (e.kind === "compare" || e.kind === "in" ? e.field : e.kind === "term" ? "_raw" : null);

/** The leaves that read an unknown field, in order: each is a free boolean (it could hold either way). */
function freeLeaves(e: SearchExpr, unknown: readonly string[], out: SearchExpr[] = []): SearchExpr[] {
  if (e.kind === "and" || e.kind === "or") for (const c of e.children) freeLeaves(c, unknown, out);
  else if (e.kind === "not") freeLeaves(e.child, unknown, out);
  else if (unknown.includes(readField(e) ?? "")) out.push(e);
  return out;
}

/** The expression's value with each free leaf given by `bits` and every other leaf as the engine reads it. */
function valueWith(e: SearchExpr, r: RowData, free: SearchExpr[], bits: number): boolean {
  if (e.kind === "and") return e.children.every((c) => valueWith(c, r, free, bits));
  if (e.kind === "or") return e.children.some((c) => valueWith(c, r, free, bits));
  if (e.kind === "not") return !valueWith(e.child, r, free, bits);
  const i = free.indexOf(e);
  if (i >= 0) return ((bits >>> i) & 1) === 1;
  return compileExpr(e, (f) => f).test(r, QUIET);
}

test("a field is named exactly when one of its leaves can change the verdict (each leaf taken on its own)", () => {
  fc.assert(
    fc.property(expr, row, fc.subarray([...FIELDS, "_raw"]), (spl, r0, unknown) => {
      const r: RowData = { ...r0 };
      for (const u of unknown) delete r[u];
      const e = parseExpr(spl);
      const free = freeLeaves(e, unknown);
      fc.pre(free.length <= 8);
      const reads: string[] = [];
      const sink: MissingSink = { read: (n) => void (unknown.includes(n) && reads.push(n)), mark: () => reads.length, cut: (a, b) => void reads.splice(a, b - a) };
      const value = compileExpr(e, (f) => f).test(r, sink);
      const named = new Set(reads);
      const relevant = new Set<string>();
      for (let bits = 0; bits < 1 << free.length; bits++) {
        const v = valueWith(e, r, free, bits);
        free.forEach((leafExpr, i) => {
          if (valueWith(e, r, free, bits ^ (1 << i)) !== v) relevant.add(readField(leafExpr)!);
        });
      }
      assert.equal(value, valueWith(e, r, free, 0), `value: ${spl}`);
      assert.deepEqual([...named].sort(), [...relevant].sort(), `hinges of ${spl} on ${JSON.stringify(r)}, unknown ${unknown}`);
    }),
    { numRuns: 2000 },
  );
});

test("stats BY a field the event cannot know: the empty result hinges on it, and supplying it flips the verdict", () => {
  const search = compileSearch("EventCode=5145 AccessMask=0x2 | stats count by ShareName src_user src_port", { macros: [] });
  const ev: EventInput = { fields: { EventCode: "5145", AccessMask: "0x2", ShareName: "\\\\*\\ADMIN$" }, unknown: ["src_user", "src_port"] };
  for (const v of [search.evaluate(ev), search.explain(ev)]) {
    assert.equal(v.verdict, "no_match");
    assert.deepEqual([...new Set(v.hingesOn ?? [])].sort(), ["src_port", "src_user"]);
  }
  assert.equal(search.evaluate(supplied(ev, { src_user: "admin", src_port: "49822" })).verdict, "match");
  const known: EventInput = { fields: ev.fields };
  assert.equal(search.evaluate(known).hingesOn, undefined, "a field that is simply absent is no hinge");
});
