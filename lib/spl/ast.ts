/**
 * The pipeline AST. Every node carries `at`: [start, end) offsets into the EXPANDED search text;
 * `SourceMap.toSpan()` turns them into spans over the original search (see macros.ts).
 */

export type Range = readonly [number, number];

// ---- search language (search, tstats where) ----

export type SearchExpr =
  | { kind: "and"; at: Range; children: SearchExpr[] }
  | { kind: "or"; at: Range; children: SearchExpr[] }
  | { kind: "not"; at: Range; child: SearchExpr }
  | SearchCompare
  | SearchIn
  | SearchTerm
  | { kind: "all"; at: Range } // `*` alone: every row
  | { kind: "unsupported"; at: Range; what: string };

/** A bare term: matched against `_raw` (terms.ts). `CASE(x)` / `TERM(x)` set `modifier`. */
export interface SearchTerm {
  kind: "term";
  at: Range;
  text: string;
  quoted: boolean;
  modifier?: "case" | "term";
}

export interface SearchValue {
  /** After SPL unescaping; for unquoted words, the word as written (with `\\` → `\`). */
  value: string;
  quoted: boolean;
  /** `CASE(x)`: case-sensitive; `TERM(x)`: one indexed term. */
  modifier?: "case" | "term";
  at: Range;
}

export interface SearchCompare {
  kind: "compare";
  at: Range;
  field: string;
  fieldAt: Range;
  op: "=" | "!=" | "<" | ">" | "<=" | ">=";
  value: SearchValue;
}

export interface SearchIn {
  kind: "in";
  at: Range;
  field: string;
  fieldAt: Range;
  values: SearchValue[];
}

// ---- eval language (eval, where, function arguments) ----

export type EvalExpr =
  | { kind: "string"; at: Range; value: string }
  | { kind: "number"; at: Range; value: number; text: string }
  | { kind: "bool"; at: Range; value: boolean }
  | { kind: "field"; at: Range; name: string }
  | { kind: "call"; at: Range; name: string; args: EvalExpr[] }
  | { kind: "unary"; at: Range; op: "NOT" | "-" | "+"; operand: EvalExpr }
  | { kind: "binary"; at: Range; op: EvalBinaryOp; left: EvalExpr; right: EvalExpr }
  | { kind: "in"; at: Range; operand: EvalExpr; list: EvalExpr[] }
  | { kind: "like"; at: Range; operand: EvalExpr; pattern: EvalExpr };

export type EvalBinaryOp =
  | "AND" | "OR" | "XOR"
  | "=" | "==" | "!=" | "<" | ">" | "<=" | ">="
  | "+" | "-" | "*" | "/" | "%" | ".";

// ---- commands (each command's node type lives in its module: commands/*.ts) ----

import type { Command } from "./commands/index";
export type { Command };

export interface Aggregation {
  fn: string; // lower-case function name: count, values, min, …
  arg?: string; // field name, undefined for bare `count`
  /** `fn(eval(expression))`: the value aggregated is this expression per row. */
  expr?: EvalExpr;
  as: string; // output field name
  at: Range;
}

export interface FieldRef {
  name: string;
  at: Range;
}

export interface Pipeline {
  commands: Command[];
  /** Syntax problems found while parsing; the first one makes the search unsupported. */
  errors: { message: string; at: Range }[];
}
