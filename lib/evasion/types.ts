/**
 * The evasion lab's vocabulary: what a generator reads of an event that fires (its process fields),
 * what it returns (variants of the command line), and the table entry every generator is.
 */

/** The process fields of an event that fires (CIM Endpoint.Processes names). */
export interface Subject {
  /** The command line (CIM `process`). */
  process: string;
  /** CIM `process_name`, when the event has it. */
  processName?: string;
  /** CIM `process_path`, when the event has it. */
  processPath?: string;
  /** CIM `original_file_name` (the PE header's name), when the event has it. */
  originalFileName?: string;
  /** CIM `dest`: the host the process ran on, when the event has it. */
  host?: string;
}

/** One attacker variant of the subject's command line. */
export interface Variant {
  /** The new command line. */
  process: string;
  /**
   * The binary itself changed (a renamed copy): its new full path. The event's image path and name
   * follow it; without it only the command line changes (how the same binary is written).
   */
  program?: string;
  /** Other fields the variant keeps or sets (a renamed binary keeps `original_file_name`). */
  fields?: Record<string, string>;
}

/** One row of the generator table. `name` is shown and carried as `data-variant`. */
export interface Generator {
  name: string;
  /** The technique, in one line. */
  description: string;
  /** 0..n variants; none when the technique does not apply to this command line. */
  variants(s: Subject): Variant[];
}
