/** Maps legacy observable type words (and contentctl 5 words) onto the normalised RBA types. */
import type { RiskObjectType } from "./types";

/** contentctl 5.x threat-object types. */
export const THREAT_OBJECT_TYPES: ReadonlySet<string> = new Set([
  "certificate_common_name", "certificate_organization", "certificate_serial", "certificate_unit",
  "command", "domain", "email_address", "email_subject", "file_hash", "file_name", "file_path",
  "http_user_agent", "ip_address", "process", "process_name", "parent_process", "parent_process_name",
  "process_hash", "registry_path", "registry_value_name", "registry_value_text", "service",
  "signature", "system", "tls_hash", "url",
]);

const key = (word: string): string => word.trim().toLowerCase().replace(/[\s-]+/g, " ");

/** `User` → user; `Hostname`, `Endpoint`, `IP Address`, `system` → system; anything else → other. */
export function riskObjectType(word: string): RiskObjectType {
  const k = key(word);
  if (k === "user") return "user";
  if (k === "system" || k === "hostname" || k === "endpoint" || k === "ip address") return "system";
  return "other";
}

const LEGACY_THREAT: Record<string, string> = {
  "process name": "process_name",
  "file name": "file_name",
  file: "file_path",
  "file hash": "file_hash",
  "url string": "url",
  url: "url",
  "email address": "email_address",
  "ip address": "ip_address",
  hostname: "system",
  endpoint: "system",
  domain: "domain",
  "registry path": "registry_path",
  service: "service",
  signature: "signature",
};

/**
 * Threat-object type for a field and its written type word. contentctl 5 words pass through. For
 * legacy words the field name decides when it is itself a threat type (`parent_process_name` typed
 * `Process` stays `parent_process_name`); `Process` otherwise means the process name, except for a
 * field holding the command line (`process`). `User`, `Other`, `Unknown` have no threat type: `other`.
 */
export function threatObjectType(field: string, word: string): string {
  const written = word.trim();
  if (THREAT_OBJECT_TYPES.has(written)) return written;
  const bareField = field.trim().toLowerCase().replace(/^.*\./, "");
  const k = key(written);
  if (k === "process") return THREAT_OBJECT_TYPES.has(bareField) && bareField.includes("process") ? bareField : "process_name";
  const mapped = LEGACY_THREAT[k];
  if (mapped) return mapped;
  return "other";
}
