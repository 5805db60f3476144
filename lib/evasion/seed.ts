/**
 * From an event that fires to the text of each variant: the variant must be an input the tester
 * reads like any paste, so that its link reproduces exactly what was evaluated. A command line
 * becomes the variant's command line (CIM JSON when it must also carry original_file_name); a JSON
 * event gets the same JSON with its command-line, image-path and image-name values replaced (so the
 * add-on's fields and the CIM fields stay consistent); any other event (XML, CSV, text) is taken by
 * its `process` field, as a command line, when that alone fires.
 */
import type { FieldValue } from "../detection/types";
import type { ParsedEvent } from "../events/types";
import { baseName } from "./cmdline";
import type { Subject, Variant } from "./types";

const text = (v: FieldValue | undefined) => (typeof v === "string" && v !== "" ? v : Array.isArray(v) && typeof v[0] === "string" ? v[0] : undefined);

/** A field of the event, from its Endpoint.Processes dataset first. */
function field(e: ParsedEvent, name: string): string | undefined {
  return text(e.datasets?.["Endpoint.Processes"]?.[name]) ?? text(e.fields[name]);
}

/** The process fields of an event, or undefined when it has no command line. */
export function subjectOf(e: ParsedEvent): Subject | undefined {
  const process = field(e, "process");
  if (process === undefined || process.trim() === "") return undefined;
  const s: Subject = { process };
  const add = (k: Exclude<keyof Subject, "process">, name: string) => {
    const v = field(e, name);
    if (v !== undefined) s[k] = v;
  };
  add("processName", "process_name");
  add("processPath", "process_path");
  add("originalFileName", "original_file_name");
  add("host", "dest");
  return s;
}

/** How a seed's variants are written: as a command line, as its JSON, or from its process field. */
export type SeedKind = "command-line" | "json" | "process-field";

export function seedKind(e: ParsedEvent): SeedKind {
  if (e.format === "command-line") return "command-line";
  return jsonObject(e.text) ? "json" : "process-field";
}

function jsonObject(t: string): Record<string, unknown> | undefined {
  try {
    const v: unknown = JSON.parse(t);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/** A command line, or CIM JSON when the variant carries other fields. */
function asCommandLine(v: Variant): string {
  return v.fields && Object.keys(v.fields).length ? JSON.stringify({ process: v.process, ...v.fields }) : v.process;
}

/**
 * The JSON event with each string equal to an old value replaced (objects and arrays walked); the
 * parent process's fields are not the process's, so keys naming a parent are left alone.
 */
function replaceIn(value: unknown, swap: Map<string, string>): unknown {
  if (typeof value === "string") return swap.get(value) ?? value;
  if (Array.isArray(value)) return value.map((x) => replaceIn(x, swap));
  if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, /parent/i.test(k) ? x : replaceIn(x, swap)]));
  return value;
}

/** Keys that hold the PE header's name (kept by a renamed binary). */
const ORIGINAL_KEYS = /^(original_file_name|OriginalFileName|Processes\.original_file_name)$/;

function asJson(e: ParsedEvent, s: Subject, v: Variant): string | undefined {
  const obj = jsonObject(e.text);
  if (!obj) return undefined;
  const swap = new Map([[s.process, v.process]]);
  if (v.program !== undefined) {
    if (s.processPath) swap.set(s.processPath, v.program);
    if (s.processName) swap.set(s.processName, baseName(v.program));
  }
  const kept = Object.fromEntries(Object.entries(obj).filter(([k]) => ORIGINAL_KEYS.test(k)));
  const out = replaceIn(obj, swap) as Record<string, unknown>;
  Object.assign(out, kept);
  // CIM input names the field itself; a vendor event without one says nothing about it.
  if (e.format === "cim-json" && v.fields) for (const [k, x] of Object.entries(v.fields)) if (!(k in out)) out[k] = x;
  return JSON.stringify(out);
}

/** The text of variant `v` of the seed event `e` (its subject `s`), or undefined when it cannot be written. */
export function variantText(e: ParsedEvent, s: Subject, v: Variant): string | undefined {
  return seedKind(e) === "json" ? asJson(e, s, v) : asCommandLine(v);
}
