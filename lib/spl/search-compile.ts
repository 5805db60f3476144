/**
 * Search-language predicates compiled once into closures (the per-event fast path). Same answers
 * as `evalSearch` in search-lang.ts (a property test holds them together), but every per-test
 * lookup is done at compile time: the row key of each field, the compiled value pattern, whether
 * a value is a CIDR, the bare name a hinge is recorded under.
 */
import type { SearchExpr, SearchValue } from "./ast";
import { cidrMatch, looksLikeCidr } from "./cidr";
import { compareStrings, parseNumeric, scalarToString, valuesOf, type Scalar } from "./values";
import { compileSearchValue } from "./wildcard";
import { bareName, isPrototypeName } from "./runtime";

/** A row (or an event's fields) as the predicate reads it. */
export type FieldRecord = Readonly<Record<string, Scalar | Scalar[] | undefined>>;

/**
 * Told about every field a leaf found missing (for "hinges on unknown field" reporting): its bare
 * name and that name's number (fieldNumber), so a sink can look it up without hashing.
 */
export interface MissingSink {
  read(name: string, id: number): void;
}

const fieldNumbers = new Map<string, number>();

/** A small number for each bare field name compiled predicates read (stable for the process). */
export function fieldNumber(bare: string): number {
  let n = fieldNumbers.get(bare);
  if (n === undefined) {
    n = fieldNumbers.size;
    fieldNumbers.set(bare, n);
  }
  return n;
}

/** The numbers of the given names that predicates read: a flag table indexed by field number. */
export function fieldFlags(names: Iterable<string>): Uint8Array {
  const flags = new Uint8Array(fieldNumbers.size);
  for (const name of names) {
    const n = fieldNumbers.get(name);
    if (n !== undefined) flags[n] = 1;
  }
  return flags;
}

export type CompiledPredicate = (row: FieldRecord, sink: MissingSink) => boolean;

/**
 * How a field name in the search maps to a key of the record: the key, or null when the record
 * can never hold it (the field is then always missing).
 */
export type KeyOf = (field: string) => string | null;

const TRUE: CompiledPredicate = () => true;
const FALSE: CompiledPredicate = () => false;

export type ScalarTest = (s: string) => boolean;

/** `field=value`'s test of one value: a CIDR value tests addresses, anything else its pattern. */
export function valueTest(v: SearchValue): ScalarTest {
  const pattern = compileSearchValue(v.value, { caseSensitive: v.modifier === "case" });
  if (!looksLikeCidr(v.value)) return (s) => pattern.test(s);
  const cidr = v.value;
  return (s) => {
    const r = cidrMatch(cidr, s);
    return r !== null ? r : pattern.test(s);
  };
}

/** True when any value of `raw` passes `test` (numbers compared by their string form). */
export function anyValue(raw: Scalar | Scalar[], test: ScalarTest): boolean {
  if (!Array.isArray(raw)) return test(typeof raw === "string" ? raw : scalarToString(raw));
  for (const x of raw) if (test(typeof x === "string" ? x : scalarToString(x))) return true;
  return false;
}

/** `field<b` and friends: numeric when both sides are numbers (`bNum` = b parsed), else by string. */
export function numericCompare(op: string, a: Scalar, b: string, bNum: number | null): boolean {
  const x = typeof a === "number" ? a : parseNumeric(a);
  const c = x !== null && bNum !== null ? (x < bNum ? -1 : x > bNum ? 1 : 0) : compareStrings(scalarToString(a), b);
  return op === "<" ? c < 0 : op === ">" ? c > 0 : op === "<=" ? c <= 0 : c >= 0;
}

/**
 * The engine's own copy of a property name (an object literal's key is an internalized string): a
 * property read with it is a pointer compare, while a sliced name would be looked up each time.
 */
function propertyName(name: string): string {
  return Object.keys({ [name]: 0 })[0] ?? name;
}

/** A record without fields (and without a prototype whose members could pass for fields). */
const NOTHING: FieldRecord = Object.freeze(Object.create(null) as FieldRecord);

function compileLeaf(expr: SearchExpr, keyOf: KeyOf): CompiledPredicate {
  const leaf = compileLeafOver(expr, keyOf);
  const key = expr.kind === "compare" || expr.kind === "in" ? keyOf(expr.field) : null;
  if (key === null || !isPrototypeName(key)) return leaf;
  // `constructor`, `toString`…: a field only when the record has it as its own property.
  return (row, sink) => leaf(Object.prototype.hasOwnProperty.call(row, key) ? row : NOTHING, sink);
}

function compileLeafOver(expr: SearchExpr, keyOf: KeyOf): CompiledPredicate {
  if (expr.kind === "all") return TRUE;
  if (expr.kind !== "compare" && expr.kind !== "in") return FALSE; // bare terms: rows have no _raw
  const name = keyOf(expr.field);
  const bare = bareName(expr.field);
  const id = fieldNumber(bare);
  if (name === null) {
    return (_row, sink) => {
      sink.read(bare, id);
      return false;
    };
  }
  const key = propertyName(name);
  if (expr.kind === "in") {
    const tests = expr.values.map(valueTest);
    const one: ScalarTest =
      tests.length === 1
        ? tests[0]!
        : (s) => {
            for (const t of tests) if (t(s)) return true;
            return false;
          };
    return (row, sink) => {
      const raw = row[key];
      if (raw === undefined) {
        sink.read(bare, id);
        return false;
      }
      return anyValue(raw, one);
    };
  }
  const { op } = expr;
  const missing = (raw: Scalar | Scalar[] | undefined): raw is undefined => raw === undefined || (Array.isArray(raw) && raw.length === 0);
  if (op === "=" || op === "!=") {
    const test = valueTest(expr.value);
    const want = op === "=";
    return (row, sink) => {
      const raw = row[key];
      if (missing(raw)) {
        sink.read(bare, id);
        return false;
      }
      return anyValue(raw, test) === want;
    };
  }
  const b = expr.value.value;
  const bNum = parseNumeric(b);
  return (row, sink) => {
    const raw = row[key];
    if (missing(raw)) {
      sink.read(bare, id);
      return false;
    }
    return valuesOf(raw).some((x) => numericCompare(op, x, b, bNum));
  };
}

/** Compile a search-language expression over records whose keys `keyOf` gives. */
export function compilePredicate(expr: SearchExpr, keyOf: KeyOf): CompiledPredicate {
  switch (expr.kind) {
    case "and":
    case "or": {
      const cs = expr.children.map((c) => compilePredicate(c, keyOf));
      if (cs.length === 1) return cs[0]!;
      if (expr.kind === "and") {
        if (cs.length === 2) {
          const [a, b] = cs as [CompiledPredicate, CompiledPredicate];
          return (row, sink) => a(row, sink) && b(row, sink);
        }
        return (row, sink) => {
          for (const c of cs) if (!c(row, sink)) return false;
          return true;
        };
      }
      if (cs.length === 2) {
        const [a, b] = cs as [CompiledPredicate, CompiledPredicate];
        return (row, sink) => a(row, sink) || b(row, sink);
      }
      return (row, sink) => {
        for (const c of cs) if (c(row, sink)) return true;
        return false;
      };
    }
    case "not": {
      const c = compilePredicate(expr.child, keyOf);
      return (row, sink) => !c(row, sink);
    }
    default:
      return compileLeaf(expr, keyOf);
  }
}

const rowPredicates = new WeakMap<SearchExpr, CompiledPredicate>();

/** The predicate over rows keyed by field name (the `search` command), compiled once per AST node. */
export function rowPredicate(expr: SearchExpr): CompiledPredicate {
  let p = rowPredicates.get(expr);
  if (!p) {
    p = compilePredicate(expr, (f) => f);
    rowPredicates.set(expr, p);
  }
  return p;
}

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
    default:
      return false;
  }
}
