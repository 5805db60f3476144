/**
 * Collects input problems, keeping at most a fixed number (a pasted binary file could otherwise
 * produce millions) and summarising the rest.
 */
import type { InputProblem } from "./types";

export const MAX_PROBLEMS = 1000;

export class ProblemList {
  private readonly kept: InputProblem[] = [];
  private dropped = 0;
  private firstDroppedLine = 0;
  private taken = 0;

  constructor(private readonly limit: number = MAX_PROBLEMS) {}

  add(line: number, message: string, column?: number): void {
    if (this.kept.length < this.limit) this.kept.push({ line: Math.max(1, Math.floor(line) || 1), ...(column !== undefined ? { column } : {}), message });
    else {
      if (this.dropped === 0) this.firstDroppedLine = line;
      this.dropped++;
    }
  }

  addAll(problems: readonly InputProblem[]): void {
    for (const p of problems) this.add(p.line, p.message, p.column);
  }

  /** The problems kept since the last take, in the order they were added (streaming readers). */
  take(): InputProblem[] {
    const out = this.kept.slice(this.taken);
    this.taken = this.kept.length;
    return out;
  }

  /** "N more problem(s) … are not listed", when some were dropped. */
  summary(): InputProblem | undefined {
    if (this.dropped === 0) return undefined;
    return { line: this.firstDroppedLine, message: `${this.dropped} more problem(s) from line ${this.firstDroppedLine} on are not listed` };
  }

  get count(): number {
    return this.kept.length + this.dropped;
  }

  list(): InputProblem[] {
    const out = [...this.kept].sort((a, b) => a.line - b.line || (a.column ?? 0) - (b.column ?? 0));
    const more = this.summary();
    if (more) out.push(more);
    return out;
  }
}
