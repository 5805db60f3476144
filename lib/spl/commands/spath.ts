/**
 * `spath [input=<field>] [output=<field>] [path=<datapath> | <datapath>]` (spl-semantics §6):
 * extract values from JSON held in a field (default `_raw`).
 * Splunk: https://docs.splunk.com/Documentation/Splunk/9.4.0/SearchReference/Spath
 *
 * - No path: "auto-extract" every field of the first 5,000 characters, named as Splunk's JSON
 *   extraction names them (`a.b`, `a{}.c`; lib/detection/flatten.ts, the one implementation).
 *   A longer input would be cut by Splunk mid-document: the run stops with a reason.
 * - A path: location steps separated by `.`; `name{}` walks every element of an array (the
 *   values form a multivalue field). The value goes to `output`, else to a field named by the path.
 *   A path that matches nothing creates no field (an existing output field is left as it is).
 * - An object or array value is written as compact JSON text (Splunk keeps the source text; only
 *   whitespace can differ, and a later spath reads either the same).
 * Not modelled (a reason, never a guess): `{N}` array indexes and `{@attr}` (JSON and XML number
 * them differently), XML input, and JSON that does not parse.
 */
import type { Range } from "../ast";
import { flattenJson } from "../../detection/flatten";
import { EngineAbort, fieldOf, type RowData } from "../runtime";
import { scalarToString, valuesOf, type Scalar } from "../values";
import { Unsupported, type CommandSpec, type ParseContext } from "./spec";

export interface SpathNode {
  type: "spath";
  at: Range;
  input: string;
  output?: string;
  path?: string;
  /** Set when the command uses what is not modelled. */
  unsupported?: { detail: string; reason: string };
}

/** Splunk's auto-extract reads this many characters of the input. */
const AUTO_LIMIT = 5000;

/** `key=value` and bare words of the argument text (quotes kept out of values). */
export function spathArgs(args: string): { opts: Record<string, string>; bare: string[] } {
  const opts: Record<string, string> = {};
  const bare: string[] = [];
  const re = /\s*(?:([A-Za-z_]+)\s*=\s*)?("(?:[^"\\]|\\.)*"|\S+)/gy;
  for (let m = re.exec(args); m; m = re.exec(args)) {
    const v = m[2]!.startsWith('"') ? m[2]!.slice(1, -1).replace(/\\(.)/g, "$1") : m[2]!;
    if (m[1]) opts[m[1].toLowerCase()] = v;
    else bare.push(v);
  }
  return { opts, bare };
}

function parseSpath({ text, seg }: ParseContext): SpathNode {
  const head = seg.tokens[0]!;
  const { opts, bare } = spathArgs(text.slice(head.end, seg.at[1]));
  const node: SpathNode = { type: "spath", at: seg.at, input: opts["input"] ?? "_raw" };
  if (opts["output"] !== undefined) node.output = opts["output"];
  const path = opts["path"] ?? bare[0];
  if (path !== undefined) node.path = path;
  const known = new Set(["input", "output", "path"]);
  const other = Object.keys(opts).find((k) => !known.has(k));
  if (other) node.unsupported = { detail: "spath option", reason: `spath ${other}= is not an option the engine models` };
  else if (bare.length > (opts["path"] !== undefined ? 0 : 1)) node.unsupported = { detail: "spath arguments", reason: "spath takes one location path" };
  else if (path !== undefined && /\{[^}]/.test(path)) {
    node.unsupported = { detail: "spath index", reason: `spath path ${path}: an array index or XML attribute in {…} is not modelled (JSON and XML number positions differently)` };
  }
  return node;
}

/** A JSON document in the field's text, or undefined when there is nothing to extract. */
function documentOf(text: string, field: string): unknown {
  const t = text.trim();
  if (t.startsWith("<")) throw new EngineAbort(`spath input=${field} holds XML, which the engine does not extract`, "unsupported_option");
  if (!t.startsWith("{") && !t.startsWith("[")) return undefined;
  try {
    return JSON.parse(t) as unknown;
  } catch {
    throw new EngineAbort(`spath input=${field} is not well-formed JSON; Splunk's lenient reading is not modelled`, "unsupported_option");
  }
}

function valueText(v: unknown): string | undefined {
  if (v === null) return "null";
  if (typeof v === "string") return v;
  if (typeof v === "number") return Number.isFinite(v) ? String(v) : undefined;
  if (typeof v === "boolean") return v ? "true" : "false";
  if (typeof v === "object") return JSON.stringify(v);
  return undefined;
}

/** The values at a location path (`a.b{}.c`, `{}` alone for a top-level array). */
export function valuesAtPath(doc: unknown, path: string): string[] {
  let cur: unknown[] = [doc];
  for (const step of path.split(".")) {
    const m = /^(.*?)((?:\{\})*)$/.exec(step)!;
    const name = m[1]!;
    const arrays = m[2]!.length / 2;
    const next: unknown[] = [];
    for (const v of cur) {
      if (name === "") next.push(v);
      else if (v !== null && typeof v === "object" && !Array.isArray(v) && Object.prototype.hasOwnProperty.call(v, name)) {
        next.push((v as Record<string, unknown>)[name]);
      }
    }
    cur = next;
    for (let i = 0; i < arrays; i++) cur = cur.flatMap((v) => (Array.isArray(v) ? v : []));
  }
  return cur.map(valueText).filter((s): s is string => s !== undefined);
}

function setValues(row: RowData, field: string, vals: readonly string[]): void {
  if (vals.length === 0) return;
  row[field] = vals.length === 1 ? vals[0]! : [...vals];
}

export function runSpath(c: SpathNode, rows: RowData[]): RowData[] {
  return rows.map((r) => {
    const v = fieldOf(r, c.input);
    if (v === undefined) return r;
    const all = valuesOf(v) as Scalar[];
    if (all.length > 1) throw new EngineAbort(`spath over a multivalue ${c.input} is not modelled`, "unsupported_option");
    const out = { ...r };
    for (const x of all) {
      const text = scalarToString(x);
      if (c.path === undefined && text.length > AUTO_LIMIT) {
        throw new EngineAbort(`spath auto-extract reads only the first ${AUTO_LIMIT} characters of ${c.input} (this value has ${text.length}): the cut document is not modelled`, "unsupported_option");
      }
      const doc = documentOf(text, c.input);
      if (doc === undefined) continue;
      if (c.path === undefined) {
        for (const [name, vals] of flattenJson(doc).fields) setValues(out, name, vals);
      } else setValues(out, c.output ?? c.path, valuesAtPath(doc, c.path));
    }
    return out;
  });
}

export const spath: CommandSpec<SpathNode> = {
  names: ["spath"],
  parse: parseSpath,
  check(c) {
    if (c.unsupported) throw new Unsupported("unsupported_option", c.unsupported.reason, c.at, "none", c.unsupported.detail);
  },
  /**
   * Reads `input`; writes `output` (or the path's name) from that row alone, so the written field
   * depends on other events exactly when the input does. Auto-extract writes fields the check
   * cannot name: if its input depends on other events, every field is treated as dependent.
   */
  batch(c, flow) {
    const dep = flow.has(c.input);
    if (c.path !== undefined) flow.set(c.output ?? c.path, dep);
    else if (dep) flow.all(c, "batch_aggregate");
  },
  keepsEmpty: true,
  lineage: "map",
  run: (c, rows) => runSpath(c, rows),
};
