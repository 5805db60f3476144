/**
 * The per-event fast path in front of a search: most analytics drop an event at their first
 * stage — a `| tstats … where …` at the data-model check or its where clause, a raw-event search
 * at its search terms (raw-search.ts) — and that verdict needs no rows. The clause is compiled
 * once (search-compile.ts) over the record's own field names. An event that passes the gate is run
 * through the whole pipeline, which repeats these checks with the same compiled clause.
 */
import type { EventInput, EventVerdict } from "../detection/types";
import type { Pipeline } from "./ast";
import { datasetFields, datasetKey, datasetRef, RAW_EVENT, type DatasetRef } from "./dataset";
import { leadingExpr, readsClock } from "./raw-search";
import { keepsEmptyFrom } from "./run";
import { unknownSet } from "./runtime";
import type { Screen } from "./screen";
import { compileExpr, fieldFlags, readsField, type CompiledPredicate, type MissingSink } from "./search-compile";

const NO_FIELDS: readonly string[] = [];
const DEFAULTS = ["_time", "host", "source", "sourcetype"];

/**
 * Collects the unknown fields a gate's predicate found missing. One instance serves every gate:
 * evaluation is synchronous and a predicate never re-enters a gate.
 */
class HingeSink implements MissingSink {
  private unknown: ReadonlySet<string> = new Set();
  /** `unknown` as flags by field number (fieldFlags), rebuilt when the set changes. */
  private flags: Uint8Array = new Uint8Array(0);
  /** reads[0 … marked-1]: the unknown fields read while missing, in reading order, repeats allowed (reused). */
  private readonly reads: string[] = [];
  private marked = 0;
  /** found[0 … count-1]: the distinct fields of `reads` (set by `settle`). */
  readonly found: string[] = [];
  count = 0;
  reset(unknown: ReadonlySet<string>): void {
    if (unknown !== this.unknown) {
      this.unknown = unknown;
      this.flags = fieldFlags(unknown);
    }
    this.marked = 0;
    this.count = 0;
  }
  read(name: string, id: number): void {
    // A number past the table belongs to a field first compiled after the table was built.
    if (id < this.flags.length ? this.flags[id] === 0 : !this.unknown.has(name)) return;
    this.reads[this.marked++] = name;
  }
  mark(): number {
    return this.marked;
  }
  cut(from: number, to: number): void {
    if (to <= from) return;
    this.reads.copyWithin(from, to, this.marked);
    this.marked -= to - from;
  }
  /** The distinct fields read, in reading order, into found[0 … count-1]; returns count. */
  settle(): number {
    this.count = 0;
    outer: for (let i = 0; i < this.marked; i++) {
      const name = this.reads[i]!;
      for (let j = 0; j < this.count; j++) if (this.found[j] === name) continue outer;
      this.found[this.count++] = name;
    }
    return this.count;
  }
  /** Does `list` hold exactly the fields found? */
  foundEquals(list: readonly string[]): boolean {
    if (list.length !== this.count) return false;
    for (let i = 0; i < this.count; i++) if (list[i] !== this.found[i]) return false;
    return true;
  }
}
const sink = new HingeSink();

/** Shared verdict for the common case; callers never mutate verdicts. */
export const DROPPED: EventVerdict = Object.freeze({ verdict: "no_match" as const, reason: "no row left after `tstats`" });
const DROPPED_RAW: EventVerdict = Object.freeze({ verdict: "no_match" as const, reason: "no row left after `search`" });

export class EventGate {
  /** The verdict on an event outside the dataset (shared: callers never mutate verdicts). */
  readonly outside: EventVerdict;
  /** This search's verdict for an event its where clause drops (DROPPED unless decided early). */
  readonly dropped: EventVerdict;
  /** The last verdict that hinged on unknown fields: the next event is usually shaped the same. */
  private lastHinged: (EventVerdict & { hingesOn: readonly string[] }) | null = null;

  private constructor(
    readonly ref: DatasetRef,
    private readonly where: CompiledPredicate | null,
    /** The where clause's screen (screen.ts), for search-set.ts; null when it has none. */
    readonly screen: Screen | null,
    outside: string,
    dropped: EventVerdict,
    /** Added to each reason when a later stage could not run (the verdict was decided early). */
    suffix: string,
    /** Is the screen the whole where clause (search-compile.ts `screenIsWhole`)? */
    readonly screenIsWhole = false,
  ) {
    this.outside = Object.freeze({ verdict: "no_match" as const, reason: outside + suffix });
    this.dropped = suffix ? Object.freeze({ verdict: "no_match" as const, reason: dropped.reason + suffix }) : dropped;
  }

  /** The gate for a search whose first stage can drop an event on its own; null otherwise. */
  static of(pipeline: Pipeline, suffix = ""): EventGate | null {
    // Dropping the event at the first stage is the verdict only if no later stage makes a row from nothing.
    if (keepsEmptyFrom(pipeline) > 1) return null;
    const first = pipeline.commands[0];
    if (first?.type === "tstats") return EventGate.tstats(first, suffix);
    if (first?.type === "search" && first.leading && first.expr && !readsClock(first.expr)) {
      const where = leadingExpr(first.expr);
      return new EventGate(RAW_EVENT, where.test, where.screen, "not an event", DROPPED_RAW, suffix, where.screenIsWhole);
    }
    return null;
  }

  private static tstats(first: Extract<Pipeline["commands"][number], { type: "tstats" }>, suffix: string): EventGate | null {
    const ref = datasetRef(first.datamodel);
    if (!ref) return null;
    const outside = `the event is not in the ${first.datamodel} dataset`;
    // Default fields (`_time` may come from the clock) are read from the event itself, not the
    // dataset record: leave such clauses to the full run.
    if (!first.where || DEFAULTS.some((f) => readsField(first.where!, f))) return new EventGate(ref, null, null, outside, DROPPED, suffix);
    const where = compileExpr(first.where, (f) => datasetKey(f, ref));
    return new EventGate(ref, where.test, where.screen, outside, DROPPED, suffix, where.screenIsWhole);
  }

  /** The verdict when the event is dropped before any row exists; null when it passes. */
  drop(event: EventInput): EventVerdict | null {
    const record = datasetFields(event, this.ref);
    if (record === undefined) return this.outside;
    if (this.where === null) return null;
    sink.reset(unknownSet(event.unknown ?? NO_FIELDS));
    if (this.where(record, sink)) return null;
    if (sink.settle() === 0) return this.dropped;
    const last = this.lastHinged;
    if (last !== null && sink.foundEquals(last.hingesOn)) return last;
    const verdict = Object.freeze({ verdict: "no_match" as const, reason: this.dropped.reason!, hingesOn: Object.freeze(sink.found.slice(0, sink.count)) as string[] });
    this.lastHinged = verdict;
    return verdict;
  }
}
