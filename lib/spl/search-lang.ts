/**
 * Search-language predicates over a row (spl-semantics §2): whole-value, case-insensitive
 * matching with `*` wildcards; CIDR values; `f!=v` needs f present while `NOT f=v` does not;
 * `<`/`>` numeric when both sides are numbers. Two-valued: a predicate is true or false.
 */
import type { Range, SearchExpr, SearchValue } from "./ast";
import { cidrMatch, looksLikeCidr } from "./cidr";
import type { Runtime } from "./runtime";
import { anyValue, numericCompare, valueTest, type ScalarTest } from "./search-compile";
import { valuesOf, parseNumeric, scalarToString, type Scalar } from "./values";
import { compileSearchValue, type CompiledValuePattern } from "./wildcard";

export type FieldGetter = (name: string) => Scalar | Scalar[] | undefined;

/** A predicate's evaluation, before spans are mapped back to the original search. */
export interface RawTrace {
  at: Range;
  value: boolean | null;
  language: "search" | "eval";
  fields?: { name: string; value: Scalar | Scalar[] | null }[];
  matches?: { field: string; start: number; end: number }[];
  children?: RawTrace[];
  note?: string;
}

interface ValueMatcher {
  cidr: boolean;
  pattern: CompiledValuePattern;
}

/** Matchers are compiled once per AST node, not looked up by text on every test. */
const matchers = new WeakMap<SearchValue, ValueMatcher>();

function matcherFor(v: SearchValue): ValueMatcher {
  let m = matchers.get(v);
  if (!m) {
    m = { cidr: looksLikeCidr(v.value), pattern: compileSearchValue(v.value, { caseSensitive: v.modifier === "case" }) };
    matchers.set(v, m);
  }
  return m;
}

function matchValue(v: SearchValue, s: string): [number, number] | null {
  const m = matcherFor(v);
  if (m.cidr) {
    const r = cidrMatch(v.value, s);
    if (r !== null) return r ? [0, s.length] : null;
  }
  return m.pattern.matchSpan(s);
}


interface Leaf {
  value: boolean;
  fieldValue: Scalar | Scalar[] | null;
  match?: { start: number; end: number };
}

function anyMatch(values: Scalar[], v: SearchValue): { start: number; end: number } | null {
  for (const x of values) {
    const span = matchValue(v, scalarToString(x));
    if (span) return { start: span[0], end: span[1] };
  }
  return null;
}

function evalLeaf(expr: SearchExpr, get: FieldGetter, rt: Runtime): Leaf {
  switch (expr.kind) {
    case "compare": {
      rt.read(expr.field);
      const raw = get(expr.field);
      const values = valuesOf(raw ?? null);
      const present = values.length > 0;
      const fieldValue = raw ?? null;
      if (expr.op === "=") {
        if (!present) return { value: false, fieldValue };
        const m = anyMatch(values, expr.value);
        return m ? { value: true, fieldValue, match: m } : { value: false, fieldValue };
      }
      if (expr.op === "!=") {
        if (!present) return { value: false, fieldValue };
        return { value: anyMatch(values, expr.value) === null, fieldValue };
      }
      if (!present) return { value: false, fieldValue };
      return { value: values.some((x) => compareNumber(expr.op, x, expr.value.value)), fieldValue };
    }
    case "in": {
      rt.read(expr.field);
      const raw = get(expr.field);
      const values = valuesOf(raw ?? null);
      for (const v of expr.values) {
        const m = anyMatch(values, v);
        if (m) return { value: true, fieldValue: raw ?? null, match: m };
      }
      return { value: false, fieldValue: raw ?? null };
    }
    case "all":
      return { value: true, fieldValue: null };
    default:
      // Bare terms match _raw, which data-model rows do not have (support.ts rejects them).
      return { value: false, fieldValue: null };
  }
}

/** Value tests are built once per AST node (search-compile.ts holds the rule). */
const tests = new WeakMap<SearchValue, ScalarTest>();

function testAny(v: SearchValue, raw: Scalar | Scalar[]): boolean {
  let test = tests.get(v);
  if (!test) {
    test = valueTest(v);
    tests.set(v, test);
  }
  return anyValue(raw, test);
}

function compareNumber(op: string, x: Scalar, b: string): boolean {
  return numericCompare(op, x, b, parseNumeric(b));
}

/** The leaf test without allocations (no spans, no field records): same answers as evalLeaf. */
function testLeaf(expr: SearchExpr, get: FieldGetter, rt: Runtime): boolean {
  switch (expr.kind) {
    case "compare": {
      const raw = get(expr.field);
      // Unknown fields are absent by definition, so only a missing value can hinge on one.
      if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
        rt.read(expr.field);
        return false;
      }
      if (expr.op === "=") return testAny(expr.value, raw);
      if (expr.op === "!=") return !testAny(expr.value, raw);
      return valuesOf(raw).some((x) => compareNumber(expr.op, x, expr.value.value));
    }
    case "in": {
      const raw = get(expr.field);
      if (raw === undefined) {
        rt.read(expr.field);
        return false;
      }
      for (const v of expr.values) if (testAny(v, raw)) return true;
      return false;
    }
    case "all":
      return true;
    default:
      return false;
  }
}

/** Evaluate without a trace (the fast path). */
export function evalSearch(expr: SearchExpr, get: FieldGetter, rt: Runtime): boolean {
  switch (expr.kind) {
    case "and":
      for (const c of expr.children) if (!evalSearch(c, get, rt)) return false;
      return true;
    case "or":
      for (const c of expr.children) if (evalSearch(c, get, rt)) return true;
      return false;
    case "not":
      return !evalSearch(expr.child, get, rt);
    default:
      return testLeaf(expr, get, rt);
  }
}

/** Evaluate every clause (no short circuit) and record each one's value. */
export function traceSearch(expr: SearchExpr, get: FieldGetter, rt: Runtime): RawTrace {
  switch (expr.kind) {
    case "and":
    case "or": {
      const children = expr.children.map((c) => traceSearch(c, get, rt));
      const value = expr.kind === "and" ? children.every((c) => c.value === true) : children.some((c) => c.value === true);
      return { at: expr.at, value, language: "search", children, note: expr.kind === "and" ? "all must hold" : "any may hold" };
    }
    case "not": {
      const child = traceSearch(expr.child, get, rt);
      return { at: expr.at, value: !child.value, language: "search", children: [child], note: "negation (true when the field is missing)" };
    }
    default: {
      const leaf = evalLeaf(expr, get, rt);
      const field = expr.kind === "compare" || expr.kind === "in" ? expr.field : undefined;
      const trace: RawTrace = { at: expr.at, value: leaf.value, language: "search" };
      if (field) {
        trace.fields = [{ name: field, value: leaf.fieldValue }];
        if (leaf.match) trace.matches = [{ field, ...leaf.match }];
        if (leaf.fieldValue === null) trace.note = `${field} is missing`;
        else if (expr.kind === "compare" && expr.op === "!=") trace.note = "true when present and different";
        else trace.note = "case-insensitive, whole value, * = any run";
      }
      if (expr.kind === "term") trace.note = "bare term: matches raw event text";
      return trace;
    }
  }
}
