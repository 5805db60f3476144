/**
 * The search language's one implementation (spl-semantics §2): an expression is compiled once
 * into closures over records (rows, an event's fields, a dataset record) whose keys `keyOf` gives.
 * The same compiled leaves (search-leaf.ts) answer the fast path (`test`), record a trace when
 * asked (`trace`: every clause evaluated, each one's value and what it read) and give the screens
 * of search-set.ts (`screen`). No verdict depends on a message string.
 */
import type { SearchExpr } from "./ast";
import { screenOfLeaves, type Screen } from "./screen";
import { compileLeaf, type CompiledLeaf, type CompiledPredicate, type FieldRecord, type KeyOf, type MissingSink, type RawTrace } from "./search-leaf";

export { anyValue, fieldFlags, fieldNumber, numericCompare, valueTest } from "./search-leaf";
export type { CompiledPredicate, FieldRecord, KeyOf, MissingSink, RawTrace, ScalarTest } from "./search-leaf";

export interface CompiledExpr {
  /** The verdict alone: short-circuits, reports each missing field it reads. */
  readonly test: CompiledPredicate;
  /** Every clause evaluated (no short circuit) with its value; pass a quiet sink. */
  trace(row: FieldRecord, sink: MissingSink): RawTrace;
  /** The leaves of the first conjunct when they are plain equalities (screen.ts), else null. */
  readonly screen: Screen | null;
  /** Is the screen the whole expression (no other conjunct)? Then its hinges are the verdict's. */
  readonly screenIsWhole: boolean;
}

export interface CompileOptions {
  /**
   * Fields that choose the data rather than filter it (a leading search's `index`, its time
   * modifiers): their leaves hold, and the note (returned) says why.
   */
  holds?: (field: string) => string | null;
}

/** The compiled tree: boolean nodes over compiled leaves. */
type Node =
  | { kind: "and" | "or"; at: readonly [number, number]; children: Node[] }
  | { kind: "not"; at: readonly [number, number]; child: Node }
  | { kind: "leaf"; leaf: CompiledLeaf };

function build(expr: SearchExpr, keyOf: KeyOf, opts: CompileOptions): Node {
  switch (expr.kind) {
    case "and":
    case "or":
      return { kind: expr.kind, at: expr.at, children: expr.children.map((c) => build(c, keyOf, opts)) };
    case "not":
      return { kind: "not", at: expr.at, child: build(expr.child, keyOf, opts) };
    default:
      return { kind: "leaf", leaf: compileLeaf(expr, keyOf, opts.holds) };
  }
}

const TRUE: CompiledPredicate = () => true;

function testOf(n: Node): CompiledPredicate {
  if (n.kind === "leaf") return n.leaf.test;
  if (n.kind === "not") {
    const c = testOf(n.child);
    return (row, sink) => !c(row, sink);
  }
  const cs = n.children.map(testOf);
  if (cs.length === 0) return n.kind === "and" ? TRUE : () => false;
  if (cs.length === 1) return cs[0]!;
  return combine(n.kind === "or", cs);
}

/**
 * `and` (decisive value false) or `or` (decisive value true), exact about hinges: an unknown field
 * is reported only when supplying it could change the node's value given its other children. A
 * child that takes the decisive value without reading an unknown field decides the node whatever
 * the unknown fields hold: what the children before it recorded is taken back (`notepad.exe` fails
 * `process IN (…)` whatever its original_file_name). Otherwise every child's hinges
 * stand: each one's unknown fields can change it, and the others can be supplied so that it
 * decides. Exact when each leaf is taken on its own (a field tested twice counts as two leaves).
 * Without unknown fields it short-circuits as it always did.
 */
function combine(decisive: boolean, cs: readonly CompiledPredicate[]): CompiledPredicate {
  return (row, sink) => {
    const start = sink.mark();
    let hinged = false;
    for (const c of cs) {
      const from = sink.mark();
      if (c(row, sink) !== decisive) continue;
      if (sink.mark() !== from) {
        hinged = true;
        continue;
      }
      if (from !== start) sink.cut(start, from);
      return decisive;
    }
    return hinged ? decisive : !decisive;
  };
}

function traceNode(n: Node, row: FieldRecord, sink: MissingSink): RawTrace {
  if (n.kind === "leaf") return n.leaf.trace(row, sink);
  if (n.kind === "not") {
    const child = traceNode(n.child, row, sink);
    return { at: n.at, value: !child.value, language: "search", children: [child], note: "negation (true when the field is missing)" };
  }
  const children = n.children.map((c) => traceNode(c, row, sink));
  const and = n.kind === "and";
  const value = and ? children.every((c) => c.value === true) : children.some((c) => c.value === true);
  return { at: n.at, value, language: "search", children, note: and ? "all must hold" : "any may hold" };
}

/** The first conjunct that can be false: a leaf true whatever the record (`index=…`, `*`) drops nothing. */
function firstConjunct(n: Node): Node {
  if (n.kind !== "and") return n;
  const c = n.children.find((x) => !(x.kind === "leaf" && x.leaf.always));
  return c ? firstConjunct(c) : n;
}

/** The leaves of a disjunction of leaves (in reading order), or null. */
function disjunctionLeaves(n: Node, out: CompiledLeaf[]): boolean {
  if (n.kind === "leaf") return out.push(n.leaf) > 0;
  if (n.kind === "or") return n.children.length > 0 && n.children.every((c) => disjunctionLeaves(c, out));
  return false;
}

/** Compile a search-language expression over records whose keys `keyOf` gives. */
export function compileExpr(expr: SearchExpr, keyOf: KeyOf, opts: CompileOptions = {}): CompiledExpr {
  const root = build(expr, keyOf, opts);
  const leaves: CompiledLeaf[] = [];
  const first = firstConjunct(root);
  const screen = disjunctionLeaves(first, leaves) ? screenOfLeaves(leaves) : null;
  return { test: testOf(root), trace: (row, sink) => traceNode(root, row, sink), screen, screenIsWhole: screen !== null && first === root };
}

/** The test alone (callers that never trace). */
export function compilePredicate(expr: SearchExpr, keyOf: KeyOf): CompiledPredicate {
  return compileExpr(expr, keyOf).test;
}

const rowExprs = new WeakMap<SearchExpr, CompiledExpr>();

/** The expression over rows keyed by field name (`search`, `searchmatch`), compiled once per AST node. */
export function rowExpr(expr: SearchExpr): CompiledExpr {
  let c = rowExprs.get(expr);
  if (!c) {
    c = compileExpr(expr, (f) => f);
    rowExprs.set(expr, c);
  }
  return c;
}

/** The predicate over rows keyed by field name, compiled once per AST node. */
export function rowPredicate(expr: SearchExpr): CompiledPredicate {
  return rowExpr(expr).test;
}

/** A sink that records nothing (traces: their reads are not hinges). */
export const QUIET: MissingSink = { read: () => {}, mark: () => 0, cut: () => {} };

/** Does the expression read `field` anywhere? */
export function readsField(expr: SearchExpr, field: string): boolean {
  switch (expr.kind) {
    case "and":
    case "or":
      return expr.children.some((c) => readsField(c, field));
    case "not":
      return readsField(expr.child, field);
    case "compare":
    case "in":
      return expr.field === field;
    case "term":
      return field === "_raw";
    default:
      return false;
  }
}
