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
  | { kind: "term"; at: Range; text: string; quoted: boolean }
  | { kind: "all"; at: Range } // `*` alone: every row
  | { kind: "unsupported"; at: Range; what: string };

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

// ---- commands ----

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

export type Command =
  | { type: "search"; at: Range; leading: boolean; expr: SearchExpr | null }
  | {
      type: "tstats";
      at: Range;
      options: Record<string, string>;
      aggregations: Aggregation[];
      datamodel: string; // e.g. Endpoint.Processes or Web
      datamodelAt: Range;
      where: SearchExpr | null;
      by: FieldRef[];
      span?: string;
    }
  | { type: "where"; at: Range; expr: EvalExpr }
  | { type: "eval"; at: Range; assignments: { field: string; fieldAt: Range; expr: EvalExpr }[] }
  | { type: "rename"; at: Range; pairs: { from: string; to: string; at: Range }[] }
  | { type: "rex"; at: Range; field: string; pattern: string; patternAt: Range; maxMatch: number; mode: "extract" | "sed" }
  | { type: "regex"; at: Range; field: string; negate: boolean; pattern: string; patternAt: Range }
  | { type: "fillnull"; at: Range; value: string; fields: string[] }
  | { type: "table"; at: Range; fields: string[] }
  | { type: "fields"; at: Range; remove: boolean; fields: string[] }
  | { type: "dedup"; at: Range; fields: string[]; keepempty: boolean; consecutive: boolean; sortby?: string }
  | { type: "stats"; at: Range; variant: "stats" | "eventstats"; aggregations: Aggregation[]; by: FieldRef[] }
  | { type: "convert"; at: Range; timeformat: string; conversions: { fn: string; field: string; as?: string; at: Range }[] }
  | { type: "sort"; at: Range; keys: { field: string; desc: boolean; numeric?: boolean }[]; limit?: number }
  | { type: "head"; at: Range; count: number }
  | { type: "makemv"; at: Range; field: string; delim: string }
  | { type: "mvexpand"; at: Range; field: string }
  | { type: "generic"; at: Range; name: string; args: string; reason?: string };

export interface Pipeline {
  commands: Command[];
  /** Syntax problems found while parsing; the first one makes the search unsupported. */
  errors: { message: string; at: Range }[];
}
