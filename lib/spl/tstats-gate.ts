/**
 * The per-event fast path in front of a `| tstats … where …` search: most analytics drop an event
 * at the data-model check or the where clause, and that verdict needs no rows. The where clause is
 * compiled once (search-compile.ts) over the event's own field names. An event that passes the gate
 * is run through the whole pipeline, which repeats these checks with the same semantics.
 */
import type { EventInput, EventVerdict } from "./api";
import type { Pipeline } from "./ast";
import { nodeName, sameDataset } from "./commands/tstats";
import { unknownSet } from "./runtime";
import { screenOf, type Screen } from "./screen";
import { compilePredicate, fieldFlags, readsField, type CompiledPredicate, type MissingSink } from "./search-compile";

const NO_FIELDS: readonly string[] = [];

/**
 * Collects the unknown fields a gate's predicate found missing. One instance serves every gate:
 * evaluation is synchronous and a predicate never re-enters a gate.
 */
class HingeSink implements MissingSink {
  private unknown: ReadonlySet<string> = new Set();
  /** `unknown` as flags by field number (fieldFlags), rebuilt when the set changes. */
  private flags: Uint8Array = new Uint8Array(0);
  /** found[0 … count-1]: the unknown fields read while missing, in reading order (reused). */
  readonly found: string[] = [];
  count = 0;
  reset(unknown: ReadonlySet<string>): void {
    if (unknown !== this.unknown) {
      this.unknown = unknown;
      this.flags = fieldFlags(unknown);
    }
    this.count = 0;
  }
  read(name: string, id: number): void {
    // A number past the table belongs to a field first compiled after the table was built.
    if (id < this.flags.length ? this.flags[id] === 0 : !this.unknown.has(name)) return;
    for (let i = 0; i < this.count; i++) if (this.found[i] === name) return;
    this.found[this.count++] = name;
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

export class TstatsGate {
  /** The last event dataset string seen to match: the usual check is then a pointer compare. */
  private lastDataset = "";
  private readonly wrongDataset: EventVerdict;
  /** The last verdict that hinged on unknown fields: the next event is usually shaped the same. */
  private lastHinged: (EventVerdict & { hingesOn: readonly string[] }) | null = null;

  private constructor(
    readonly datamodel: string,
    private readonly where: CompiledPredicate | null,
    /** The where clause's screen (screen.ts), for search-set.ts; null when it has none. */
    readonly screen: Screen | null = null,
  ) {
    this.wrongDataset = Object.freeze({ verdict: "no_match" as const, reason: `the event is not in the ${datamodel} dataset` });
  }

  /** The gate for a search that starts with tstats; null for any other search. */
  static of(pipeline: Pipeline): TstatsGate | null {
    const first = pipeline.commands[0];
    if (first?.type !== "tstats") return null;
    // `_time` may come from the clock rather than the event: leave such clauses to the full run.
    if (!first.where || readsField(first.where, "_time")) return new TstatsGate(first.datamodel, null);
    const prefix = `${nodeName(first.datamodel)}.`;
    const keyOf = (f: string) => (f.startsWith(prefix) ? f.slice(prefix.length) : null);
    return new TstatsGate(first.datamodel, compilePredicate(first.where, keyOf), screenOf(first.where, keyOf));
  }

  /** The verdict when the event is dropped before any row exists; null when it passes. */
  drop(event: EventInput): EventVerdict | null {
    if (event.dataset !== this.lastDataset) {
      if (!sameDataset(event.dataset, this.datamodel)) return this.wrongDataset;
      this.lastDataset = event.dataset;
    }
    if (this.where === null) return null;
    sink.reset(unknownSet(event.unknown ?? NO_FIELDS));
    if (this.where(event.fields, sink)) return null;
    if (sink.count === 0) return DROPPED;
    const last = this.lastHinged;
    if (last !== null && sink.foundEquals(last.hingesOn)) return last;
    const verdict = Object.freeze({ verdict: "no_match" as const, reason: DROPPED.reason, hingesOn: Object.freeze(sink.found.slice(0, sink.count)) as string[] });
    this.lastHinged = verdict;
    return verdict;
  }
}
