/**
 * Raw command lines, one per line. Blank lines are skipped; a line with NUL / control characters or
 * broken UTF-16 is a problem (the other lines still become events).
 */
import { commandLineEvent } from "./build";
import type { ProblemList } from "./problems";
import { binaryProblem, iterateLines } from "./text";
import type { ParsedEvent } from "./types";

export interface Parsed {
  events: ParsedEvent[];
  /** 1-based line where reading stopped because of maxEvents. */
  stoppedAt?: number;
}

export function eventsFromLines(text: string, maxEvents: number, problems: ProblemList): Parsed {
  const events: ParsedEvent[] = [];
  for (const line of iterateLines(text)) {
    if (line.text.trim() === "") continue;
    if (events.length >= maxEvents) return { events, stoppedAt: line.line };
    const bad = binaryProblem(line.text);
    if (bad) {
      problems.add(line.line, `line ${bad}; not read as a command line`);
      continue;
    }
    events.push(commandLineEvent(line.text, line.line));
  }
  return { events };
}
