/**
 * The splitter's view of the input: the text, where its lines start, and where problems go. A
 * cursor over a later part of a larger input (a streamed batch) counts its lines from `firstLine`,
 * so lines and columns are those of the whole input.
 */
import type { ProblemList } from "./problems";
import { lineAt } from "./text";

/** Longest event read (UTF-16 units); Splunk itself truncates lines at 10,000 bytes by default. */
export const MAX_EVENT_CHARS = 1 << 20;

export class Cursor {
  constructor(
    readonly text: string,
    readonly starts: readonly number[],
    readonly problems: ProblemList,
    /** The input's line number of this text's first line (a batch starts at a line start). */
    readonly firstLine = 1,
  ) {}

  where(offset: number): { line: number; column: number } {
    const line = lineAt(this.starts, offset);
    return { line: line + this.firstLine - 1, column: offset - (this.starts[line - 1] ?? 0) + 1 };
  }

  problem(offset: number, message: string): void {
    const w = this.where(offset);
    this.problems.add(w.line, message, w.column);
  }
}

/** Offset of the line break (or the end) that ends the line holding `pos`. */
export function lineEnd(text: string, pos: number): number {
  let i = pos;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) break;
    i++;
  }
  return i;
}

/** True (and a problem) when an event is over MAX_EVENT_CHARS. */
export function tooLong(cur: Cursor, start: number, length: number): boolean {
  if (length <= MAX_EVENT_CHARS) return false;
  cur.problem(start, `the event is ${(length / 1048576).toFixed(1)} M characters long; events over ${MAX_EVENT_CHARS / 1048576} M are not read`);
  return true;
}
