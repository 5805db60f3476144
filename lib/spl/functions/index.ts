/**
 * The eager eval functions table: lower-case name → arity and implementation. SPL function names
 * are case-insensitive (`LIKE(`, `CASE(` occur in ESCU), so look names up with lookupEvalFunction.
 * Lazy forms (if, case, validate, mvfilter, mvmap, searchmatch) are the interpreter's.
 * Every fn is pure, never throws, and returns an EvalValue or an EvalFailure.
 */
import { failure } from "../values";
import { conversionFunctions } from "./conversion";
import { hashFunctions } from "./hash";
import { infoFunctions } from "./info";
import { mathFunctions } from "./math";
import { multivalueFunctions } from "./multivalue";
import { textFunctions } from "./text";
import { timeFunctions } from "./time";
import type { EvalFunctionSpec, EvalFunctionTable } from "./types";

export type { EvalContext, EvalFunctionSpec, EvalFunctionTable, EvalResult, RegexLike } from "./types";
export { isFailure, type EvalFailure } from "../values";

function unsupported(name: string, why: string): EvalFunctionSpec {
  return { minArgs: 0, maxArgs: Infinity, fn: () => failure(`${name}() is not supported: ${why}`) };
}

/** Known SPL functions this engine deliberately does not evaluate. */
const unsupportedFunctions: EvalFunctionTable = {
  json_extract: unsupported("json_extract", "JSON functions are not implemented"),
  json_extract_exact: unsupported("json_extract_exact", "JSON functions are not implemented"),
  json_object: unsupported("json_object", "JSON functions are not implemented"),
  json_array: unsupported("json_array", "JSON functions are not implemented"),
  json_keys: unsupported("json_keys", "JSON functions are not implemented"),
  json_valid: unsupported("json_valid", "JSON functions are not implemented"),
  spath: unsupported("spath", "JSON/XML path extraction is not implemented"),
  lookup: unsupported("lookup", "lookup tables are not available to eval"),
  tojson: unsupported("tojson", "JSON functions are not implemented"),
};

/** Null-prototype object: `evalFunctions["constructor"]` is undefined. */
export const evalFunctions: EvalFunctionTable = Object.assign(Object.create(null) as EvalFunctionTable, {
  ...unsupportedFunctions,
  ...textFunctions,
  ...multivalueFunctions,
  ...mathFunctions,
  ...conversionFunctions,
  ...infoFunctions,
  ...timeFunctions,
  ...hashFunctions,
});

/** Case-insensitive lookup; undefined for an unknown name. */
export function lookupEvalFunction(name: string): EvalFunctionSpec | undefined {
  const key = name.toLowerCase();
  return Object.prototype.hasOwnProperty.call(evalFunctions, key) ? evalFunctions[key] : undefined;
}
