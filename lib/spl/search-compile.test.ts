/**
 * The compiled predicates (search-compile.ts) must give exactly the interpreter's answers
 * (search-lang.ts evalSearch) and report the same unknown fields: a property test over random
 * search expressions and rows, plus the cases where the two once could differ.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { lex, significant } from "./lex";
import { parseSearchTokens } from "./parse-search";
import { evalSearch } from "./search-lang";
import { compilePredicate, readsField, type MissingSink } from "./search-compile";
import { makeRuntime, type RowData } from "./runtime";
import { compileSearch } from "./index";
import type { SearchExpr } from "./ast";

function parse(spl: string): SearchExpr {
  const parsed = parseSearchTokens(significant(lex(spl)));
  assert.deepEqual(parsed.errors, [], `parses: ${spl}`);
  assert.ok(parsed.expr);
  return parsed.expr;
}

const own = (row: RowData, n: string) => (Object.prototype.hasOwnProperty.call(row, n) ? row[n] : undefined);

function interpreted(expr: SearchExpr, row: RowData, unknown: string[]): { value: boolean; hinges: string[] } {
  const rt = makeRuntime(0, unknown);
  const value = evalSearch(expr, (n) => own(row, n), rt);
  return { value, hinges: [...rt.hinges].sort() };
}

function compiled(expr: SearchExpr, row: RowData, unknown: string[]): { value: boolean; hinges: string[] } {
  const found = new Set<string>();
  const sink: MissingSink = { read: (n) => { if (unknown.includes(n)) found.add(n); } };
  const value = compilePredicate(expr, (f) => f)(row, sink);
  return { value, hinges: [...found].sort() };
}

const FIELDS = ["a", "b", "process_name", "constructor"];
const VALUES = ["cmd.exe", "CMD.EXE", "*.exe", "c*d*", "*", "10", "9", "010", "10.0.0.0/8", "10.1.2.3", "", "x y", "İ"];

const leaf = fc.oneof(
  fc.tuple(fc.constantFrom(...FIELDS), fc.constantFrom("=", "!=", "<", ">=", ">"), fc.constantFrom(...VALUES)).map(([f, op, v]) => `${f}${op}"${v}"`),
  fc.tuple(fc.constantFrom(...FIELDS), fc.array(fc.constantFrom(...VALUES), { minLength: 1, maxLength: 3 })).map(([f, vs]) => `${f} IN (${vs.map((v) => `"${v}"`).join(", ")})`),
  fc.constantFrom("*", "a=*", "NOT b=*"),
);
const expr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: "small", withCrossShrink: true },
    leaf,
    fc.tuple(tie("e"), fc.constantFrom(" ", " AND ", " OR "), tie("e")).map(([l, op, r]) => `(${l}${op}${r})`),
    tie("e").map((e) => `NOT ${e}`),
  ),
})).e;

const scalar = fc.oneof(fc.constantFrom(...VALUES), fc.integer({ min: -20, max: 20 }));
const row = fc.dictionary(fc.constantFrom(...FIELDS), fc.oneof(scalar, fc.array(scalar, { maxLength: 3 }))) as fc.Arbitrary<RowData>;
const unknownFields = fc.subarray(FIELDS);

test("compiled predicates answer exactly as the interpreter, hinges included", () => {
  fc.assert(
    fc.property(expr, row, unknownFields, (spl, r, unknown) => {
      const e = parse(spl);
      assert.deepEqual(compiled(e, r, unknown), interpreted(e, r, unknown), spl);
    }),
    { numRuns: 3000 },
  );
});

test("a field named like an Object.prototype member is missing unless the row has it", () => {
  // `f!=v` needs f present: a prototype member read as a value would make this true.
  const e = parse('constructor!="x"');
  assert.equal(compiled(e, {}, []).value, false);
  assert.equal(compiled(parse('NOT toString="x"'), {}, []).value, true);
  assert.equal(compiled(e, { constructor: "y" }, []).value, true);
  // Through the engine: an event without such a field does not match `Processes.constructor!=x`.
  const search = compileSearch("| tstats count from datamodel=Endpoint.Processes where Processes.constructor!=x by Processes.dest", { macros: [] });
  const event = { dataset: "Endpoint.Processes", fields: { dest: "h1" } };
  assert.equal(search.evaluate(event).verdict, "no_match");
  assert.equal(search.explain(event).verdict, "no_match");
});

test("prototype member names are missing fields in every stage (where, search, explain)", () => {
  const spl = "| tstats count from datamodel=Endpoint.Processes by Processes.dest | rename Processes.* AS * | where isnull(constructor) AND isnull(toString) | search NOT constructor=* NOT valueOf!=x";
  const search = compileSearch(spl, { macros: [] });
  const event = { dataset: "Endpoint.Processes", fields: { dest: "h1" } };
  assert.equal(search.evaluate(event).verdict, "match");
  assert.equal(search.explain(event).verdict, "match");
});

test("readsField finds a field anywhere in the expression", () => {
  assert.equal(readsField(parse("a=1 OR (NOT _time>5)"), "_time"), true);
  assert.equal(readsField(parse("a=1 b IN (2)"), "_time"), false);
});
