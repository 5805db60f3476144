/**
 * Building an event: fields with provenance, and the fields derived from a command line or path.
 */
import { baseName, hasSeparator, programOf } from "./commandline";
import type { FieldProvenance, FieldRecord, FieldValue } from "./types";

export class EventDraft {
  // Plain objects (`__proto__` is refused by every setter): they stay fast to copy and read.
  readonly fields: FieldRecord = {};
  readonly provenance: Record<string, FieldProvenance> = {};

  has(name: string): boolean {
    return Object.prototype.hasOwnProperty.call(this.fields, name);
  }

  get(name: string): FieldValue | undefined {
    return this.has(name) ? this.fields[name] : undefined;
  }

  /** A field's value as one string (the first of a multivalue), or undefined. */
  text(name: string): string | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    return Array.isArray(v) ? v[0] : String(v);
  }

  /** Set a field (empty strings, empty lists and `__proto__` are ignored: an empty value is no value). */
  set(name: string, value: FieldValue | undefined, provenance: FieldProvenance): void {
    if (value === undefined || value === "" || name === "__proto__" || name === "") return;
    if (Array.isArray(value) && value.length === 0) return;
    this.fields[name] = value;
    this.provenance[name] = provenance;
  }

  /** Set a value as extracted, an empty string included (JSON `""` is a field with an empty value in Splunk). */
  setExtracted(name: string, value: FieldValue, provenance: FieldProvenance): void {
    if (name === "__proto__" || name === "" || (Array.isArray(value) && value.length === 0)) return;
    this.fields[name] = value;
    this.provenance[name] = provenance;
  }

  /** Set only when not set yet. */
  setDefault(name: string, value: FieldValue | undefined, provenance: FieldProvenance): void {
    if (!this.has(name)) this.set(name, value, provenance);
  }

  delete(name: string): void {
    delete this.fields[name];
    delete this.provenance[name];
  }

  get size(): number {
    return Object.keys(this.fields).length;
  }
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
  const path = draft.text(pathField);
  if (!draft.has(nameField) && path !== undefined && hasSeparator(path)) {
    draft.set(nameField, baseName(path), { origin: "derived", from: pathField, note: `file name part of ${pathField}` });
  }
  const cmd = draft.text(cmdField);
  if (cmd === undefined || (draft.has(nameField) && draft.has(pathField))) return;
  const program = programOf(cmd);
  if (!draft.has(nameField) && program.name !== undefined) {
    draft.set(nameField, program.name, { origin: "derived", from: cmdField, note: "file name in the first token of the command line" });
  }
  if (!draft.has(pathField) && program.path !== undefined) {
    draft.set(pathField, program.path, { origin: "derived", from: cmdField, note: "first token of the command line" });
  }
}
