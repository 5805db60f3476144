/**
 * Events: what users paste, read as the Splunk add-ons would read them. Pure types; no DOM or Node.
 */

/** How the console knows a field's value. */
export type FieldOrigin =
  /** Given directly by the user (CIM JSON/CSV, a raw command line's `process`, a flat object's keys). */
  | "given"
  /** Read from the raw event as Splunk's extraction names it (`EventCode`, `TargetObject`, `userIdentity.arn`). */
  | "extracted"
  /** The add-on's alias or evaluated field (`dest` from `Computer`, `process_name` from `Image`). */
  | "alias"
  /** A CIM dataset field mapped from the event's fields. */
  | "mapped"
  /** Computed by the console: `_time`, `_raw`, `source`, `host`, a name from a path. */
  | "derived"
  /** Filled in by the user in the tester. */
  | "edited";

export interface FieldProvenance {
  origin: FieldOrigin;
  /** The source field, e.g. `Image`, `CommandLine`, `Processes.process`. */
  from?: string;
  /** A short note: "file name part of Image", "from System/TimeCreated/@SystemTime". */
  note?: string;
  /** Where the mapping comes from: a content file or a documentation page. */
  cite?: string;
}

/** A field value as the engine sees it: a string, a multivalue list, or a number. */
export type FieldValue = string | number | string[];

export type FieldRecord = Record<string, FieldValue>;

/**
 * A data source as plain data (lib/content's DataSource satisfies it): lib/events never imports
 * lib/content, the caller passes these in.
 */
export interface DataSourceSpec {
  name: string;
  source?: string;
  sourcetype?: string;
  separator?: string;
  separatorValue?: string;
  fields: readonly string[];
  fieldMappings?: readonly { dataModel: string; dataSet?: string; mapping: Readonly<Record<string, string>> }[];
  exampleLog?: string;
}

/** Input format ids (one module each in ./formats). Old ids are accepted as `format` options too. */
export type InputFormat = string;

export interface ParsedEvent {
  /** 0-based index among the events produced from this input. */
  index: number;
  /** 1-based line and column of the input where this event starts. */
  line: number;
  column: number;
  /** The input format module that read it (`windows-xml`, `cloudtrail`, `command-line`…). */
  format: InputFormat;
  /** Every field a raw-event search sees (the event's own, the add-on's, `_raw`, `_time`, `source`…). */
  fields: FieldRecord;
  /** CIM dataset full name → that dataset's fields (no prefix). A child dataset's event is listed under its parents too. */
  datasets: Record<string, FieldRecord>;
  /** Bare field names the input could not know: absent, and reported when a verdict hinges on one. */
  unknown: string[];
  /** The content's data source this event was recognised as, or null. */
  dataSource: string | null;
  /** Every data source that fits, best first (more than one: the user may pick). */
  candidates: string[];
  source?: string;
  sourcetype?: string;
  /** Where each field of `fields` came from. */
  provenance: Record<string, FieldProvenance>;
  /** Where each dataset field came from: dataset → field → provenance. */
  datasetProvenance: Record<string, Record<string, FieldProvenance>>;
  /** Things the UI should say about this event (an undocumented mapping, a guess it refused to make). */
  notes: string[];
  /** The text this event came from (for highlighting), capped in length. */
  text: string;
}

export interface InputProblem {
  /** 1-based line (and column) of the input. */
  line: number;
  column?: number;
  message: string;
}

export interface ParseEventsResult {
  /** The format most events have (`mixed` is never used: the dominant one), or empty / unknown. */
  format: InputFormat | "empty" | "unknown";
  events: ParsedEvent[];
  problems: InputProblem[];
  /** Set when the input was cut short (too large, too many events): what was kept and why. */
  truncated?: string;
}
