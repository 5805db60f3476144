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

  constructor(private readonly limit: number = MAX_PROBLEMS) {}

  add(line: number, message: string): void {
    if (this.kept.length < this.limit) this.kept.push({ line: Math.max(1, Math.floor(line) || 1), message });
    else {
      if (this.dropped === 0) this.firstDroppedLine = line;
      this.dropped++;
    }
  }

  addAll(problems: readonly InputProblem[]): void {
    for (const p of problems) this.add(p.line, p.message);
  }

  get count(): number {
    return this.kept.length + this.dropped;
  }

  list(): InputProblem[] {
    const out = [...this.kept].sort((a, b) => a.line - b.line);
    if (this.dropped > 0) {
      out.push({
        line: this.firstDroppedLine,
        message: `${this.dropped} more problem(s) from line ${this.firstDroppedLine} on are not listed`,
      });
    }
    return out;
  }
}
