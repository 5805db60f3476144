/** The plain MatcherSet: asks each matcher in turn (languages without a faster set use it). */
import type { Matcher, MatcherSet } from "./matcher";
import type { EventInput, EventVerdict } from "./types";

const OUT_OF_RANGE: EventVerdict = Object.freeze({ verdict: "not_testable", code: "internal_error", reason: "no such analytic in the set" });

export class LoopSet implements MatcherSet {
  constructor(private readonly matchers: readonly Matcher[]) {}

  get size(): number {
    return this.matchers.length;
  }

  forEvent(event: EventInput): (i: number) => EventVerdict {
    return (i) => this.matchers[i]?.evaluate(event) ?? OUT_OF_RANGE;
  }
}
