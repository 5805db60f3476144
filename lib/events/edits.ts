/**
 * Values the user types in the tester for fields the input could not supply (or derived ones).
 */
import { EventDraft, deriveProgramFields } from "./build";
import { stripPrefix } from "./cim";
import type { ParsedEvent } from "./types";

/** Derived fields that follow a source field when it changes. */
const FOLLOWERS = new Map<string, string[]>([
  ["process", ["process_name", "process_path"]],
  ["process_path", ["process_name"]],
  ["parent_process", ["parent_process_name", "parent_process_path"]],
  ["parent_process_path", ["parent_process_name"]],
]);

/**
 * A copy of `event` with `edits` applied (origin "edited"). Keys may be plain or `Processes.`-
 * prefixed; an empty value removes the field (back to unknown). When `process` (or
 * `parent_process`, or a path) changes, the name / path derived from it are derived again, unless
 * the same edits set them or the input gave them.
 */
export function withEdits(event: ParsedEvent, edits: Record<string, string>): ParsedEvent {
  const draft = new EventDraft();
  for (const [k, v] of Object.entries(event.fields)) {
    const p = Object.prototype.hasOwnProperty.call(event.provenance, k) ? event.provenance[k] : undefined;
    draft.set(k, v, p ?? { origin: "given" });
  }
  const edited = new Set<string>();
  const changed = new Set<string>();
  for (const [rawKey, value] of Object.entries(edits ?? {})) {
    if (typeof value !== "string") continue;
    const key = stripPrefix(rawKey.trim());
    if (!key || key === "__proto__") continue;
    edited.add(key);
    if (!draft.has(key) || draft.fields[key] !== value) changed.add(key);
    delete draft.fields[key];
    delete draft.provenance[key];
    draft.set(key, value, { origin: "edited", note: "entered in the tester" });
  }
  for (const source of changed) {
    for (const follower of FOLLOWERS.get(source) ?? []) {
      if (edited.has(follower)) continue;
      if (draft.provenance[follower]?.origin !== "derived") continue;
      delete draft.fields[follower];
      delete draft.provenance[follower];
    }
  }
  deriveProgramFields(draft);
  return { ...event, fields: draft.fields, provenance: draft.provenance };
}
