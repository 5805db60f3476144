/**
 * What every CLI command is, the exit codes they share, and one-line error reporting.
 */
import type { CliIO } from "../io";

export const EXIT = {
  /** The run completed (per-line input problems are reported in the output, not here). */
  ok: 0,
  /** An unexpected internal error (a bug: please report it). */
  internal: 1,
  /** Bad arguments, unreadable input or content, unknown analytic. */
  usage: 2,
  /** `run`: the analytic cannot be run on pasted events (the reason is printed). */
  notTestable: 3,
} as const;

export const EXIT_CODES_HELP = `Exit codes:
  0  the run completed (malformed input lines are reported in the output and do not change it)
  1  internal error (a bug)
  2  bad arguments, unreadable input or content folder, unknown analytic
  3  (run) the analytic is not testable on pasted events; the reason is on standard error`;

export interface Command {
  name: string;
  /** One line for the command list. */
  summary: string;
  /** The full `--help` text. */
  help: string;
  /** Runs the command on the words after its name; resolves to the exit code. Never rejects for user mistakes. */
  run(argv: string[], io: CliIO): Promise<number>;
}

/** Writes `cli <command>: <message>` as one line on standard error and returns `code`. */
export function fail(io: CliIO, command: string, message: string, code: number): number {
  io.err(`cli ${command}: ${message.replace(/\s*\n\s*/g, " ")}\n`);
  return code;
}

/** A usage error: one line, with a pointer to `--help`. */
export function usage(io: CliIO, command: string, message: string): number {
  return fail(io, command, `${message} (see \`cli ${command} --help\`)`, EXIT.usage);
}

/** Shared option help. */
export const CONTENT_HELP = `  --content DIR     a security_content-style folder (detections/, macros/, …); default:
                    $CONTENT_DIR, else the built-in content/ folder`;
