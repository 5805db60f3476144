/**
 * One search-language leaf compiled once (spl-semantics §2): its test, its trace and, for a plain
 * equality, what a screen needs, all from the same compiled value matcher, so the fast path, the
 * explanation and the screens cannot disagree.
 *
 * - `f=v`, `f IN (…)`: whole-value, case-insensitive, `*` = any run; CIDR values test addresses;
 *   any value of a multivalue field may match. `f!=v` needs f present.
 * - `<`, `>`, `<=`, `>=`: numeric when both sides are numbers, else by string.
 * - A bare term matches `_raw` by segments (terms.ts).
 * - A missing field makes the leaf false and is reported to the sink (hinges on unknown fields).
 */
import type { SearchExpr, SearchValue } from "./ast";
import { cidrMatch, looksLikeCidr } from "./cidr";
import { bareName, isPrototypeName } from "./runtime";
import type { ScreenLeaf } from "./screen";
import { compileTerm } from "./terms";
import { compareStrings, parseNumeric, scalarToString, valuesOf, type Scalar } from "./values";
import { compileSearchValue } from "./wildcard";

/** A row (or an event's fields, or a dataset record) as a predicate reads it. */
export type FieldRecord = Readonly<Record<string, Scalar | Scalar[] | undefined>>;

/**
 * Told about every field a leaf found missing: its bare name and that name's number (fieldNumber).
 * A sink keeps the unknown fields it was told about as a list (repeats allowed) so that `and`/`or`
 * can take back what a decided combination did not need (search-compile.ts): `mark()` is the list's
 * length, `cut(from, to)` removes the entries recorded between two marks.
 */
export interface MissingSink {
  read(name: string, id: number): void;
  mark(): number;
  cut(from: number, to: number): void;
}

export type CompiledPredicate = (row: FieldRecord, sink: MissingSink) => boolean;

/** How a search field name maps to a record key; null when the record can never hold it. */
export type KeyOf = (field: string) => string | null;

/** A predicate's evaluation, before spans are mapped back to the original search. */
export interface RawTrace {
  at: readonly [number, number];
  value: boolean | null;
  language: "search" | "eval";
  fields?: { name: string; value: Scalar | Scalar[] | null }[];
  matches?: { field: string; start: number; end: number }[];
  children?: RawTrace[];
  note?: string;
}

export interface CompiledLeaf {
  test: CompiledPredicate;
  /** The same answer as `test`, with the value read and where it matched. */
  trace(row: FieldRecord, sink: MissingSink): RawTrace;
  /** For a plain equality on a bare-named key: the key and its folded literals (screen.ts). */
  screen: ScreenLeaf | null;
  /** True whatever the record (`*`, a data-choosing term): it reads nothing. */
  always?: true;
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

export type ScalarTest = (s: string) => boolean;

/** One value's matcher: a test and the span it matched, from one compiled pattern. */
export interface ValueMatch {
  test: ScalarTest;
  span(s: string): [number, number] | null;
  /** The folded literal when the match is a plain case-insensitive equality. */
  literal: string | null;
}

/** `field=value`'s matcher: a CIDR value tests addresses, anything else its pattern. */
export function valueMatch(v: SearchValue): ValueMatch {
  const pattern = compileSearchValue(v.value, { caseSensitive: v.modifier === "case" });
  const plain = v.modifier === undefined && pattern.literal;
  if (!looksLikeCidr(v.value)) return { test: (s) => pattern.test(s), span: (s) => pattern.matchSpan(s), literal: plain ? pattern.folded : null };
  const cidr = v.value;
  return {
    test: (s) => cidrMatch(cidr, s) ?? pattern.test(s),
    span(s) {
      const r = cidrMatch(cidr, s);
      return r === null ? pattern.matchSpan(s) : r ? [0, s.length] : null;
    },
    literal: null,
  };
}

/** `field=value`'s test of one value (the scalar test of valueMatch). */
export function valueTest(v: SearchValue): ScalarTest {
  return valueMatch(v).test;
}

const str = (x: Scalar) => (typeof x === "string" ? x : scalarToString(x));

/** True when any value of `raw` passes `test` (numbers compared by their string form). */
export function anyValue(raw: Scalar | Scalar[], test: ScalarTest): boolean {
  if (!Array.isArray(raw)) return test(str(raw));
  for (const x of raw) if (test(str(x))) return true;
  return false;
}

/** The first value of `raw` a matcher matches, with the span. */
function firstSpan(raw: Scalar | Scalar[], ms: readonly ValueMatch[]): { start: number; end: number } | null {
  for (const x of valuesOf(raw)) {
    for (const m of ms) {
      const span = m.span(str(x));
      if (span) return { start: span[0], end: span[1] };
    }
  }
  return null;
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

const missing = (raw: Scalar | Scalar[] | undefined): raw is undefined => raw === undefined || (Array.isArray(raw) && raw.length === 0);

/** What a leaf reads and how it decides, before the record plumbing (compileLeaf adds it). */
interface Decider {
  field: string;
  /** Decide on a present value. */
  decide(raw: Scalar | Scalar[]): boolean;
  /** Where it matched (trace only). */
  where?(raw: Scalar | Scalar[]): { start: number; end: number } | null;
  /** Is a missing value false (every field test) — `[] IN (…)` reads an empty list as present. */
  emptyIsMissing: boolean;
  note: string;
  screen: readonly string[] | null;
}

function deciderOf(expr: SearchExpr): Decider | { constant: boolean; note: string } | { unsupported: string } {
  switch (expr.kind) {
    case "all":
      return { constant: true, note: "`*`: every row" };
    case "in": {
      const ms = expr.values.map(valueMatch);
      const one: ScalarTest = ms.length === 1 ? ms[0]!.test : (s) => ms.some((m) => m.test(s));
      const lits = ms.every((m) => m.literal !== null) ? ms.map((m) => m.literal!) : null;
      return { field: expr.field, decide: (raw) => anyValue(raw, one), where: (raw) => firstSpan(raw, ms), emptyIsMissing: false, note: "case-insensitive, whole value, * = any run", screen: lits };
    }
    case "compare": {
      const { op } = expr;
      if (op === "=" || op === "!=") {
        const m = valueMatch(expr.value);
        if (op === "=") return { field: expr.field, decide: (raw) => anyValue(raw, m.test), where: (raw) => firstSpan(raw, [m]), emptyIsMissing: true, note: "case-insensitive, whole value, * = any run", screen: m.literal === null ? null : [m.literal] };
        return { field: expr.field, decide: (raw) => !anyValue(raw, m.test), emptyIsMissing: true, note: "true when present and different", screen: null };
      }
      const b = expr.value.value;
      const bNum = parseNumeric(b);
      return { field: expr.field, decide: (raw) => valuesOf(raw).some((x) => numericCompare(op, x, b, bNum)), emptyIsMissing: true, note: "numeric when both sides are numbers, else by string", screen: null };
    }
    case "term": {
      const m = compileTerm(expr);
      if ("unsupported" in m) return m;
      const find = (raw: Scalar | Scalar[]) => {
        for (const x of valuesOf(raw)) {
          const span = m.find(str(x));
          if (span) return { start: span[0], end: span[1] };
        }
        return null;
      };
      const how = expr.modifier === "term" ? "TERM(): one indexed token of the raw text" : expr.modifier === "case" ? "CASE(): case-sensitive, by segments of the raw text" : "bare term: by segments of the raw text (breakers), case-insensitive";
      return { field: "_raw", decide: (raw) => find(raw) !== null, where: find, emptyIsMissing: true, note: how, screen: null };
    }
    default:
      return { unsupported: expr.kind === "unsupported" ? expr.what : expr.kind };
  }
}

function traceOf(expr: SearchExpr, value: boolean, extra?: Partial<RawTrace>): RawTrace {
  return { at: expr.at, value, language: "search", ...extra };
}

const TRUE: CompiledPredicate = () => true;
const FALSE: CompiledPredicate = () => false;

/**
 * Compile one leaf over records whose keys `keyOf` gives. `holds(field)`: a field whose leaves are
 * true whatever the record (a leading search's `index`, time modifiers: they choose the data).
 */
export function compileLeaf(expr: SearchExpr, keyOf: KeyOf, holds?: (field: string) => string | null): CompiledLeaf {
  const d = deciderOf(expr);
  if ("unsupported" in d) return { test: FALSE, trace: () => traceOf(expr, false, { note: `not run: ${d.unsupported}` }), screen: null };
  if ("constant" in d) return { test: d.constant ? TRUE : FALSE, trace: () => traceOf(expr, d.constant, { note: d.note }), screen: null, ...(d.constant ? { always: true as const } : {}) };
  const chosen = holds?.(d.field);
  if (chosen) return { test: TRUE, trace: () => traceOf(expr, true, { note: chosen }), screen: null, always: true };
  const name = keyOf(d.field);
  const bare = bareName(d.field);
  const id = fieldNumber(bare);
  const field = d.field;
  if (name === null) {
    const test: CompiledPredicate = (_row, sink) => {
      sink.read(bare, id);
      return false;
    };
    return { test, trace: (row, sink) => traceOf(expr, test(row, sink), { fields: [{ name: field, value: null }], note: `${field} is missing` }), screen: null };
  }
  const key = propertyName(name);
  const guarded = isPrototypeName(key);
  const { decide, emptyIsMissing } = d;
  // `constructor`, `toString`…: a field only when the record has it as its own property.
  const read = guarded ? (row: FieldRecord) => (Object.prototype.hasOwnProperty.call(row, key) ? row[key] : undefined) : (row: FieldRecord) => row[key];
  const test: CompiledPredicate = guarded
    ? (row, sink) => {
        const raw = read(row);
        if (raw === undefined || (emptyIsMissing && missing(raw))) {
          sink.read(bare, id);
          return false;
        }
        return decide(raw);
      }
    : emptyIsMissing
      ? (row, sink) => {
          const raw = row[key];
          if (raw === undefined || (Array.isArray(raw) && raw.length === 0)) {
            sink.read(bare, id);
            return false;
          }
          return decide(raw);
        }
      : (row, sink) => {
          const raw = row[key];
          if (raw === undefined) {
            sink.read(bare, id);
            return false;
          }
          return decide(raw);
        };
  const trace = (row: FieldRecord, sink: MissingSink): RawTrace => {
    const value = test(row, sink);
    const raw = read(row);
    const fields = [{ name: field, value: raw ?? null }];
    if (raw === undefined) return traceOf(expr, value, { fields, note: `${field} is missing` });
    const span = value && d.where ? d.where(raw) : null;
    return traceOf(expr, value, { fields, note: d.note, ...(span ? { matches: [{ field, ...span }] } : {}) });
  };
  const screen = d.screen !== null && key === bare && !guarded ? { field: key, values: d.screen } : null;
  return { test, trace, screen };
}
