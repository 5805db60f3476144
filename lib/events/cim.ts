/**
 * The CIM Endpoint.Processes fields this module knows, and helpers about them.
 */
import type { ParsedEvent } from "./types";

export const PROCESSES_DATASET = "Endpoint.Processes";
const PREFIX = "Processes.";

/** CIM Endpoint.Processes field names (without the `Processes.` prefix). */
export const PROCESS_FIELDS: readonly string[] = Object.freeze([
  "action",
  "cpu_load_percent",
  "dest",
  "dest_bunit",
  "dest_category",
  "dest_is_expected",
  "dest_priority",
  "dest_requires_av",
  "dest_should_timesync",
  "dest_should_update",
  "mem_used",
  "original_file_name",
  "os",
  "parent_process",
  "parent_process_exec",
  "parent_process_guid",
  "parent_process_id",
  "parent_process_name",
  "parent_process_path",
  "process",
  "process_current_directory",
  "process_exec",
  "process_guid",
  "process_hash",
  "process_id",
  "process_integrity_level",
  "process_name",
  "process_path",
  "user",
  "user_bunit",
  "user_category",
  "user_id",
  "user_priority",
  "vendor_product",
]);

const FIELD_SET: ReadonlySet<string> = new Set(PROCESS_FIELDS);

export function isProcessField(name: string): boolean {
  return FIELD_SET.has(name);
}

/** `Processes.process_name` → `process_name`; other names unchanged. */
export function stripPrefix(key: string): string {
  return key.startsWith(PREFIX) ? key.slice(PREFIX.length) : key;
}

/** True for a key that names a CIM Processes field, plain or prefixed. */
export function isCimKey(key: string): boolean {
  return key.startsWith(PREFIX) ? key.length > PREFIX.length : FIELD_SET.has(key);
}

/** CIM process fields the input could not supply (for `EventInput.unknown`). */
export function unknownFields(event: ParsedEvent): string[] {
  const fields = event.fields;
  return PROCESS_FIELDS.filter((f) => !Object.prototype.hasOwnProperty.call(fields, f));
}
