/**
 * Events: what users paste, normalised to CIM fields. Pure types; no DOM or Node imports.
 */

/** How the console knows a field's value. */
export type FieldOrigin =
  /** Given directly by the user (CIM JSON/CSV, or a raw command line's `process`). */
  | "given"
  /** Computed from another field (process_name from the command line's first token). */
  | "derived"
  /** Mapped from a vendor field (Sysmon `Image` → `process_path`). */
  | "mapped"
  /** Filled in by the user in the tester for a field the input could not supply. */
  | "edited";

export interface FieldProvenance {
  origin: FieldOrigin;
  /** The source field, e.g. `Image`, `CommandLine`, `Processes.process`, or `process` for derived ones. */
  from?: string;
  /** A short note: "first token of the command line", "Sysmon Event ID 1 Image". */
  note?: string;
}

/** A field value as the engine sees it: a string, a multivalue list, or a number. */
export type FieldValue = string | number | string[];

export type InputFormat =
  | "command-line"
  | "cim-json"
  | "sysmon-xml"
  | "sysmon-json"
  | "security-4688-xml"
  | "security-4688-json"
  | "csv";

export interface ParsedEvent {
  /** 0-based index among the events produced from this input. */
  index: number;
  /** 1-based line of the input where this event starts. */
  line: number;
  format: InputFormat;
  /** The CIM dataset the fields belong to, e.g. `Endpoint.Processes`. */
  dataset: string;
  /** CIM field name (no `Processes.` prefix) → value. */
  fields: Record<string, FieldValue>;
  provenance: Record<string, FieldProvenance>;
  /** The text this event came from (for highlighting), capped in length. */
  text: string;
}

export interface InputProblem {
  /** 1-based line of the input. */
  line: number;
  message: string;
}

export interface ParseEventsResult {
  format: InputFormat | "empty" | "unknown";
  events: ParsedEvent[];
  problems: InputProblem[];
  /** Set when the input was cut short (too large, too many events): what was kept and why. */
  truncated?: string;
}
