/**
 * The eval language over a row (spl-semantics §4): case-sensitive, AND before OR, three-valued
 * logic with SPL null. Eager functions come from ./functions; the lazy ones (if, case, validate,
 * searchmatch, mvfilter, mvmap) live here because they choose which arguments to evaluate.
 */
import type { EvalExpr } from "./ast";
import { evalFunctions } from "./functions";
import { lex, significant } from "./lex";
import { parseSearchTokens } from "./parse-search";
import { EngineAbort, fieldOf, type RowData, type Runtime } from "./runtime";
import type { SearchExpr } from "./ast";
import { evalSearch, type RawTrace } from "./search-lang";
import {
  compareEval, isFailure, isNull, toNumberLike, toStringValue, valuesOf, fromValues,
  type CompareOp, type EvalValue, type Scalar,
} from "./values";

export const LAZY_FUNCTIONS = new Set(["if", "case", "validate", "searchmatch", "mvfilter", "mvmap"]);

/** Is `name` an eval function the engine can run? */
export function knownFunction(name: string): boolean {
  return LAZY_FUNCTIONS.has(name) || Object.prototype.hasOwnProperty.call(evalFunctions, name);
}

function truth(v: EvalValue, what: string): boolean | null {
  if (v === null || typeof v === "boolean") return v;
  throw new EngineAbort(`${what} needs a boolean, got ${JSON.stringify(v)}`);
}

function arith(op: string, a: EvalValue, b: EvalValue): EvalValue {
  if (isNull(a) || isNull(b)) return null;
  if (op === ".") {
    const x = toStringValue(a);
    const y = toStringValue(b);
    return x === null || y === null ? null : x + y;
  }
  const x = toNumberLike(a);
  const y = toNumberLike(b);
  if (op === "+" && (x === null || y === null)) {
    return typeof a === "string" && typeof b === "string" ? a + b : null;
  }
  if (x === null || y === null) return null;
  switch (op) {
    case "+": return x + y;
    case "-": return x - y;
    case "*": return x * y;
    case "/": return y === 0 ? null : x / y;
    case "%": return y === 0 ? null : x % y;
  }
  return null;
}

export function evalExpr(e: EvalExpr, row: RowData, rt: Runtime): EvalValue {
  switch (e.kind) {
    case "string": return e.value;
    case "number": return e.value;
    case "bool": return e.value;
    case "field": {
      rt.read(e.name);
      return fieldOf(row, e.name) ?? null;
    }
    case "unary": {
      const v = evalExpr(e.operand, row, rt);
      if (e.op === "NOT") {
        const t = truth(v, "NOT");
        return t === null ? null : !t;
      }
      const n = toNumberLike(v);
      return n === null ? null : e.op === "-" ? -n : n;
    }
    case "binary": {
      if (e.op === "AND" || e.op === "OR" || e.op === "XOR") {
        const a = truth(evalExpr(e.left, row, rt), e.op);
        if (e.op === "AND" && a === false) return false;
        if (e.op === "OR" && a === true) return true;
        const b = truth(evalExpr(e.right, row, rt), e.op);
        if (e.op === "AND") return b === false ? false : a === null || b === null ? null : true;
        if (e.op === "OR") return b === true ? true : a === null || b === null ? null : false;
        return a === null || b === null ? null : a !== b;
      }
      const a = evalExpr(e.left, row, rt);
      const b = evalExpr(e.right, row, rt);
      if (["=", "==", "!=", "<", ">", "<=", ">="].includes(e.op)) return compareEval(a, b, e.op as CompareOp);
      return arith(e.op, a, b);
    }
    case "in": {
      const v = evalExpr(e.operand, row, rt);
      if (isNull(v)) return null;
      for (const item of e.list) if (compareEval(v, evalExpr(item, row, rt), "=") === true) return true;
      return false;
    }
    case "like": return callEager("like", [evalExpr(e.operand, row, rt), evalExpr(e.pattern, row, rt)], rt);
    case "call": return evalCall(e, row, rt);
  }
}

function callEager(name: string, args: EvalValue[], rt: Runtime): EvalValue {
  const spec = evalFunctions[name];
  if (!spec) throw new EngineAbort(`eval function ${name}() is not supported`, "unsupported_function");
  if (args.length < spec.minArgs || args.length > spec.maxArgs) throw new EngineAbort(`${name}() takes ${spec.minArgs}–${spec.maxArgs} arguments, got ${args.length}`);
  const r = spec.fn(args, rt);
  if (isFailure(r)) throw new EngineAbort(`${name}(): ${r.failure}`);
  return r;
}

/** searchmatch()'s query, parsed once per text (null when it cannot be parsed). */
const searchmatches = new Map<string, SearchExpr | null>();
function searchmatchExpr(query: string): SearchExpr | null {
  let expr = searchmatches.get(query);
  if (expr === undefined) {
    const parsed = parseSearchTokens(significant(lex(query)));
    expr = parsed.errors.length || !parsed.expr ? null : parsed.expr;
    if (searchmatches.size >= 1000) searchmatches.clear();
    searchmatches.set(query, expr);
  }
  return expr;
}

function evalCall(e: Extract<EvalExpr, { kind: "call" }>, row: RowData, rt: Runtime): EvalValue {
  const args = e.args;
  switch (e.name) {
    case "if": {
      if (args.length !== 3) throw new EngineAbort("if() takes 3 arguments");
      return truth(evalExpr(args[0]!, row, rt), "if()") === true ? evalExpr(args[1]!, row, rt) : evalExpr(args[2]!, row, rt);
    }
    case "case": {
      for (let i = 0; i + 1 < args.length; i += 2) {
        if (truth(evalExpr(args[i]!, row, rt), "case()") === true) return evalExpr(args[i + 1]!, row, rt);
      }
      return null;
    }
    case "validate": {
      for (let i = 0; i + 1 < args.length; i += 2) {
        if (truth(evalExpr(args[i]!, row, rt), "validate()") !== true) return evalExpr(args[i + 1]!, row, rt);
      }
      return null;
    }
    case "searchmatch": {
      const q = args[0];
      if (!q || q.kind !== "string") throw new EngineAbort("searchmatch() needs a literal search string");
      const expr = searchmatchExpr(q.value);
      if (!expr) throw new EngineAbort(`searchmatch("${q.value}") cannot be parsed`);
      return evalSearch(expr, row, rt);
    }
    case "mvfilter": {
      const pred = args[0];
      if (!pred) throw new EngineAbort("mvfilter() needs a predicate");
      const field = singleField(pred);
      if (!field) throw new EngineAbort("mvfilter() predicate must reference exactly one field");
      const kept: Scalar[] = [];
      for (const v of valuesOf(fieldOf(row, field) ?? null)) {
        if (evalExpr(pred, { ...row, [field]: v }, rt) === true) kept.push(v);
      }
      return fromValues(kept);
    }
    case "mvmap": {
      const [mv, fn] = args;
      if (!mv || !fn) throw new EngineAbort("mvmap() takes 2 arguments");
      const field = mv.kind === "field" ? mv.name : null;
      if (!field) throw new EngineAbort("mvmap() needs a field as its first argument");
      const out: Scalar[] = [];
      for (const v of valuesOf(fieldOf(row, field) ?? null)) {
        const r = evalExpr(fn, { ...row, [field]: v }, rt);
        for (const x of valuesOf(r as EvalValue)) out.push(x);
      }
      return fromValues(out);
    }
    default:
      return callEager(e.name, args.map((a) => evalExpr(a, row, rt)), rt);
  }
}

function singleField(e: EvalExpr): string | null {
  const names = new Set<string>();
  walk(e, (n) => { if (n.kind === "field") names.add(n.name); });
  return names.size === 1 ? [...names][0]! : null;
}

export function walk(e: EvalExpr, visit: (n: EvalExpr) => void): void {
  visit(e);
  switch (e.kind) {
    case "unary": walk(e.operand, visit); break;
    case "binary": walk(e.left, visit); walk(e.right, visit); break;
    case "in": walk(e.operand, visit); e.list.forEach((x) => walk(x, visit)); break;
    case "like": walk(e.operand, visit); walk(e.pattern, visit); break;
    case "call": e.args.forEach((x) => walk(x, visit)); break;
    default: break;
  }
}

/** Evaluate a boolean expression clause by clause, recording each clause's value. */
export function traceEval(e: EvalExpr, row: RowData, rt: Runtime): RawTrace {
  if (e.kind === "binary" && (e.op === "AND" || e.op === "OR" || e.op === "XOR")) {
    const children = [traceEval(e.left, row, rt), traceEval(e.right, row, rt)];
    // Flatten chains of the same operator so `a AND b AND c` shows three siblings.
    const flat = children.flatMap((c, i) => {
      const side = i === 0 ? e.left : e.right;
      return side.kind === "binary" && side.op === e.op && c.children ? c.children : [c];
    });
    const value = evalExprSafe(e, row, rt);
    return { at: e.at, value, language: "eval", children: flat, note: e.op === "AND" ? "all must be true" : e.op === "OR" ? "any may be true" : "exactly one true" };
  }
  if (e.kind === "unary" && e.op === "NOT") {
    const child = traceEval(e.operand, row, rt);
    return { at: e.at, value: child.value === null ? null : !child.value, language: "eval", children: [child], note: "negation (null stays null)" };
  }
  const value = evalExprSafe(e, row, rt);
  const fields: { name: string; value: Scalar | Scalar[] | null }[] = [];
  walk(e, (n) => { if (n.kind === "field" && !fields.some((f) => f.name === n.name)) fields.push({ name: n.name, value: fieldOf(row, n.name) ?? null }); });
  const trace: RawTrace = { at: e.at, value, language: "eval" };
  if (fields.length) trace.fields = fields;
  const matches = regexMatches(e, row, rt);
  if (matches.length) trace.matches = matches;
  const missing = fields.filter((f) => f.value === null).map((f) => f.name);
  if (missing.length) trace.note = `${missing.join(", ")} ${missing.length > 1 ? "are" : "is"} null`;
  return trace;
}

function evalExprSafe(e: EvalExpr, row: RowData, rt: Runtime): boolean | null {
  const v = evalExpr(e, row, rt);
  return typeof v === "boolean" ? v : null;
}

/** For `match(field, "re")` clauses: where the regex matched in the field's value. */
function regexMatches(e: EvalExpr, row: RowData, rt: Runtime): { field: string; start: number; end: number }[] {
  if (e.kind !== "call" || e.name !== "match") return [];
  const [f, p] = e.args;
  if (!f || !p || f.kind !== "field" || p.kind !== "string") return [];
  const out: { field: string; start: number; end: number }[] = [];
  const re = rt.compiled(p.value);
  for (const v of valuesOf(fieldOf(row, f.name) ?? null)) {
    const m = re.exec(String(v));
    if (m) { out.push({ field: f.name, start: m.start, end: m.end }); break; }
  }
  return out;
}
