/**
 * The one search-language implementation (search-compile.ts): its fast path (`test`), its trace and
 * its screen must agree on every expression and record. A property test over random expressions
 * (field tests, IN lists, CIDR, bare terms, phrases, TERM(), CASE(), NOT, AND, OR) and random rows
 * (with and without `_raw`), plus the cases where the paths once could differ.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { parseExpr, searchExpr } from "./search-arbitrary.test-data";
import { compileExpr, QUIET, readsField, type RawTrace } from "./search-compile";
import type { RowData } from "./runtime";
import { compileSearch } from "./index";
import type { SearchExpr } from "./ast";
import { scalarToString } from "./values";
import { foldCase } from "./wildcard";

const FIELDS = ["a", "b", "process_name", "constructor"];
const VALUES = ["cmd.exe", "CMD.EXE", "*.exe", "c*d*", "*", "10", "9", "010", "10.0.0.0/8", "10.1.2.3", "", "x y", "İ"];
const RAWS = ["cmd.exe /c whoami", "C:\\Windows\\System32\\lsass.exe", "src=10.1.2.3:80 user=admin", "A shell was spawned", "İstanbul web-error"];
const TERMS = ["cmd.exe", "whoami", "lsass", "*32*", "admin", "10.1.2.3", "web", "error", '"A shell was"', '"web-error"', "TERM(10.1.2.3)", "TERM(user)", "CASE(Shell)", "CASE(shell)", "istanbul"];

const expr = searchExpr({ fields: FIELDS, values: VALUES, ops: ["=", "!=", "<", ">=", ">"], terms: ["*", "a=*", "NOT b=*", ...TERMS], maxIn: 3 });

const scalar = fc.oneof(fc.constantFrom(...VALUES), fc.integer({ min: -20, max: 20 }));
const row = fc
  .tuple(fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }))), fc.option(fc.constantFrom(...RAWS)))
  .map(([r, raw]) => (raw === null ? r : { ...r, _raw: raw })) as fc.Arbitrary<RowData>;
const unknownFields = fc.subarray([...FIELDS, "_raw"]);

function run(e: SearchExpr, r: RowData, unknown: readonly string[]) {
  const found: string[] = [];
  const reads: string[] = [];
  const sink = { read: (n: string) => void (unknown.includes(n) && reads.push(n)), mark: () => reads.length, cut: (a: number, b: number) => void reads.splice(a, b - a) };
  const c = compileExpr(e, (f) => f);
  const value = c.test(r, sink);
  for (const n of reads) if (!found.includes(n)) found.push(n);
  return { c, value, hinges: found };
}

/** Every node of a trace is consistent with its children. */
function consistent(t: RawTrace): boolean {
  const kids = t.children ?? [];
  if (!kids.every(consistent)) return false;
  if (t.note === "all must hold") return t.value === kids.every((k) => k.value === true);
  if (t.note === "any may hold") return t.value === kids.some((k) => k.value === true);
  if (t.note?.startsWith("negation")) return t.value === !kids[0]!.value;
  return true;
}

/** What search-set.ts does with a screen: does any value of a screen field hit a literal? */
function screenPasses(screen: NonNullable<ReturnType<typeof compileExpr>["screen"]>, r: RowData): boolean {
  return screen.some((l) => {
    const v = Object.prototype.hasOwnProperty.call(r, l.field) ? r[l.field] : undefined;
    const vs = v === undefined ? [] : Array.isArray(v) ? v : [v];
    return vs.some((x) => l.values.includes(foldCase(typeof x === "string" ? x : scalarToString(x))));
  });
}

test("traced, untraced and screened verdicts agree (random expressions, rows, raw text)", () => {
  fc.assert(
    fc.property(expr, row, unknownFields, (spl, r0, unknown) => {
      // Unknown fields are absent from the events lib/events builds.
      const r: RowData = { ...r0 };
      for (const u of unknown) delete r[u];
      const e = parseExpr(spl);
      const { c, value, hinges } = run(e, r, unknown);
      const t = c.trace(r, QUIET);
      assert.equal(t.value, value, `trace vs test: ${spl} on ${JSON.stringify(r)}`);
      assert.ok(consistent(t), `trace consistent: ${spl}`);
      if (c.screen && !screenPasses(c.screen, r)) {
        assert.equal(value, false, `screened out but true: ${spl} on ${JSON.stringify(r)}`);
      }
      assert.ok(hinges.every((h) => unknown.includes(h)), `hinges are unknown fields: ${spl}`);
    }),
    { numRuns: 3000 },
  );
});

test("a bare term on a row without _raw is false and reports _raw; NOT of it is true", () => {
  const unknown = ["_raw"];
  assert.deepEqual({ ...run(parseExpr("whoami"), { a: "x" }, unknown), c: undefined }, { c: undefined, value: false, hinges: ["_raw"] });
  assert.deepEqual({ ...run(parseExpr("NOT whoami"), { a: "x" }, unknown), c: undefined }, { c: undefined, value: true, hinges: ["_raw"] });
  assert.equal(run(parseExpr("whoami"), { _raw: "cmd /c WHOAMI /all" }, unknown).value, true);
});

test("a field named like an Object.prototype member is missing unless the row has it", () => {
  // `f!=v` needs f present: a prototype member read as a value would make this true.
  const e = parseExpr('constructor!="x"');
  assert.equal(run(e, {}, []).value, false);
  assert.equal(run(parseExpr('NOT toString="x"'), {}, []).value, true);
  assert.equal(run(e, { constructor: "y" }, []).value, true);
  // Through the engine: an event without such a field does not match `Processes.constructor!=x`.
  const search = compileSearch("| tstats count from datamodel=Endpoint.Processes where Processes.constructor!=x by Processes.dest", { macros: [] });
  const event = { fields: { dest: "h1" }, datasets: { "Endpoint.Processes": { dest: "h1" } } };
  assert.equal(search.evaluate(event).verdict, "no_match");
  assert.equal(search.explain(event).verdict, "no_match");
});

test("prototype member names are missing fields in every stage (where, search, explain)", () => {
  const spl = "| tstats count from datamodel=Endpoint.Processes by Processes.dest | rename Processes.* AS * | where isnull(constructor) AND isnull(toString) | search NOT constructor=* NOT valueOf!=x";
  const search = compileSearch(spl, { macros: [] });
  const event = { fields: { dest: "h1" }, datasets: { "Endpoint.Processes": { dest: "h1" } } };
  assert.equal(search.evaluate(event).verdict, "match");
  assert.equal(search.explain(event).verdict, "match");
});

test("readsField finds a field anywhere in the expression", () => {
  assert.equal(readsField(parseExpr("a=1 OR (NOT _time>5)"), "_time"), true);
  assert.equal(readsField(parseExpr("a=1 b IN (2)"), "_time"), false);
  assert.equal(readsField(parseExpr("a=1 whoami"), "_raw"), true);
});
