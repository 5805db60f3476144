/**
 * Required fields, two lists side by side: declared in the YAML (`tags.required_fields`) and read
 * by the SPL (derived by the engine). Compared without the data model prefix (`Processes.`).
 */

/** `Processes.process_name` → `process_name`; `_time` and raw fields stay as they are. */
export function withoutDatasetPrefix(field: string): string {
  const m = /^[A-Z][A-Za-z0-9_]*\.(.+)$/.exec(field);
  return m ? m[1]! : field;
}

export interface RequiredFieldsComparison {
  declared?: string[];
  read: string[];
  /** Declared but not read by the SPL (compared without prefixes). */
  onlyDeclared: string[];
  /** Read by the SPL but not declared. */
  onlyRead: string[];
  /** True when both lists exist and name the same fields. */
  same: boolean;
}

export function compareRequiredFields(declared: readonly string[] | undefined, read: readonly string[]): RequiredFieldsComparison {
  if (!declared) return { read: [...read], onlyDeclared: [], onlyRead: [], same: false };
  const d = new Set(declared.map(withoutDatasetPrefix));
  const r = new Set(read.map(withoutDatasetPrefix));
  const onlyDeclared = declared.filter((f) => !r.has(withoutDatasetPrefix(f)));
  const onlyRead = read.filter((f) => !d.has(withoutDatasetPrefix(f)));
  return {
    declared: [...declared],
    read: [...read],
    onlyDeclared,
    onlyRead,
    same: onlyDeclared.length === 0 && onlyRead.length === 0,
  };
}
