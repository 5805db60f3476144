/**
 * Lineage of a batch run: which events (indexes into the events given to `run`) each row stands
 * for. Rows are tagged in a WeakMap, so a command that passes rows through (a filter, a sort)
 * keeps their lineage without doing anything; a command that makes one new row per input row
 * declares `lineage: "map"` in its spec and the runner copies it; a command that merges rows
 * (stats, transaction…) says so with `merge`. A row nobody tagged has no lineage: the result says
 * "unknown" for it rather than guessing. Per-event runs carry no Lineage at all.
 */
import type { RowData } from "./runtime";

/** The events a row stands for, in increasing order (shared, never mutated). */
export type Indexes = readonly number[];

export class Lineage {
  private readonly of = new WeakMap<RowData, Indexes>();
  /** `order[i]`: the index, in the caller's list, of the i-th event the pipeline reads. */
  constructor(private readonly order: readonly number[]) {}

  /** `row` was read from the pipeline's i-th event. */
  event(row: RowData, i: number): void {
    const original = this.order[i];
    if (original !== undefined) this.of.set(row, [original]);
  }

  /** `row` was made from the pipeline's events `is` (a leading command that groups events). */
  events(row: RowData, is: readonly number[]): void {
    const mapped: number[] = [];
    for (const i of is) {
      const original = this.order[i];
      if (original === undefined) return;
      mapped.push(original);
    }
    this.of.set(row, union([mapped]));
  }

  /** The events `row` stands for; undefined when no command could say. */
  get(row: RowData): Indexes | undefined {
    return this.of.get(row);
  }

  /** `to` stands for the same events as `from` (unknown stays unknown). */
  copy(to: RowData, from: RowData): void {
    if (to === from) return;
    const l = this.of.get(from);
    if (l) this.of.set(to, l);
    else this.of.delete(to);
  }

  /** `to` was made from all of `from`: the union of their events; unknown if any of them is. */
  merge(to: RowData, from: readonly RowData[]): void {
    if (from.length === 1) return this.copy(to, from[0]!);
    const parts: Indexes[] = [];
    for (const r of from) {
      const l = this.of.get(r);
      if (!l) {
        this.of.delete(to);
        return;
      }
      parts.push(l);
    }
    this.of.set(to, union(parts));
  }
}

/** Sorted union of sorted index lists. */
function union(parts: readonly Indexes[]): Indexes {
  const all: number[] = [];
  for (const p of parts) for (const i of p) all.push(i);
  all.sort((a, b) => a - b);
  const out: number[] = [];
  for (const i of all) if (out[out.length - 1] !== i) out.push(i);
  return out;
}

/** Copy lineage position by position (a command that made one row from each input row). */
export function mapLineage(lineage: Lineage | undefined, out: readonly RowData[], input: readonly RowData[]): void {
  if (!lineage || out.length !== input.length) return;
  for (let i = 0; i < out.length; i++) lineage.copy(out[i]!, input[i]!);
}
