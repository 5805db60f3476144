/**
 * CIM Endpoint.Processes names and the `Processes.` prefix (for CSV headers and tester edits).
 */
import { cimFields } from "../cim/fields";

export const PROCESSES_DATASET = "Endpoint.Processes";
const PREFIX = "Processes.";

/** CIM Endpoint.Processes field names (without the `Processes.` prefix). */
export const PROCESS_FIELDS: readonly string[] = Object.freeze([...(cimFields(PROCESSES_DATASET) ?? [])].sort());

const FIELD_SET: ReadonlySet<string> = new Set(PROCESS_FIELDS);

/** `Processes.process_name` → `process_name`; other names unchanged. */
export function stripPrefix(key: string): string {
  return key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key;
}

/** True for a key that names a CIM Processes field, plain or prefixed. */
export function isCimKey(key: string): boolean {
  return key.startsWith(PREFIX) ? key.length > PREFIX.length : FIELD_SET.has(key);
}
