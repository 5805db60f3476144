/**
 * Building a ParsedEvent: fields with provenance, and the fields derived from a command line or path.
 */
import { baseName, hasSeparator, programOf } from "./commandline";
import { PROCESSES_DATASET } from "./cim";
import { capText } from "./text";
import type { FieldProvenance, FieldValue, InputFormat, ParsedEvent } from "./types";

export class EventDraft {
  readonly fields: Record<string, FieldValue> = {};
  readonly provenance: Record<string, FieldProvenance> = {};

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.fields, name);
  }

  /** Set a field (empty strings and `__proto__` are ignored: an empty value is no value). */
  set(name: string, value: FieldValue | undefined, provenance: FieldProvenance): void {
    if (value === undefined || value === "" || name === "__proto__") return;
    if (Array.isArray(value) && value.length === 0) return;
    this.fields[name] = value;
    this.provenance[name] = provenance;
  }

  get size(): number {
    return Object.keys(this.fields).length;
  }
}

/** A field's value as one string (first value of a multivalue), for derivations. */
function asString(v: FieldValue | undefined): string | undefined {
  if (v === undefined) return undefined;
  if (Array.isArray(v)) return v[0];
  return String(v);
}

/**
 * Fill `process_name` / `process_path` (and the parent_ ones) when the input did not give them:
 * the name from the path's file name part, or both from the command line's first token.
 */
export function deriveProgramFields(draft: EventDraft): void {
  deriveFor(draft, "process", "process_name", "process_path");
  deriveFor(draft, "parent_process", "parent_process_name", "parent_process_path");
}

function deriveFor(draft: EventDraft, cmdField: string, nameField: string, pathField: string): void {
  const path = asString(draft.fields[pathField]);
  if (!draft.has(nameField) && path !== undefined && hasSeparator(path)) {
    draft.set(nameField, baseName(path), {
      origin: "derived",
      from: pathField,
      note: `file name part of ${pathField}`,
    });
  }
  const cmd = asString(draft.fields[cmdField]);
  if (cmd === undefined || (draft.has(nameField) && draft.has(pathField))) return;
  const program = programOf(cmd);
  if (!draft.has(nameField) && program.name !== undefined) {
    draft.set(nameField, program.name, {
      origin: "derived",
      from: cmdField,
      note: "file name in the first token of the command line",
    });
  }
  if (!draft.has(pathField) && program.path !== undefined) {
    draft.set(pathField, program.path, {
      origin: "derived",
      from: cmdField,
      note: "first token of the command line",
    });
  }
}

export function finishEvent(
  draft: EventDraft,
  where: { line: number; format: InputFormat; text: string },
): ParsedEvent {
  return {
    index: 0,
    line: where.line,
    format: where.format,
    dataset: PROCESSES_DATASET,
    fields: draft.fields,
    provenance: draft.provenance,
    text: capText(where.text),
  };
}

/** The event for one raw command line. */
export function commandLineEvent(commandLine: string, line: number, text = commandLine): ParsedEvent {
  const draft = new EventDraft();
  const process = commandLine.replace(/^[ \t]+/, "");
  draft.set("process", process, { origin: "given", note: "the command line as pasted" });
  deriveProgramFields(draft);
  return finishEvent(draft, { line, format: "command-line", text });
}
