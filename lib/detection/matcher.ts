/**
 * The seam every rule language implements: a Matcher per analytic, a MatcherSet that answers one
 * event for many analytics, and the RuleLanguage that compiles rule text into Matchers. Surfaces
 * (browser worker, API worker, CLI, stored test cases, analytic page) see only these interfaces.
 */
import type { LookupSource } from "./lookups";
import type { BatchResult, EventInput, EventVerdict, Explanation, Span, Support } from "./types";

/** A named text fragment a rule may reference (an SPL macro); languages without them ignore it. */
export interface MacroSource {
  name: string;
  /** Argument names, in order; empty for a plain macro. */
  args: readonly string[];
  definition: string;
}

/**
 * What a rule may read from the content besides its own text, for one content version. A language
 * takes what it understands (SPL: macros; lookup tables are added by the lookup layer).
 */
export interface ContentContext {
  /** Changes whenever the content does: compiled matchers are cached per version. */
  version: string;
  macros: readonly MacroSource[];
  /** Lookup definitions with their tables, by the name a search uses (lookups.ts indexLookups). */
  lookups?: ReadonlyMap<string, LookupSource>;
}

export interface ParseError {
  message: string;
  span: Span;
  /** 1-based line and column of span.start in the rule text. */
  line: number;
  column: number;
}

export interface Matcher {
  readonly language: string;
  readonly support: Support;
  readonly parseError?: ParseError;
  /** Fields the rule reads from events (bare names): the derived required fields. */
  readonly fieldsRead: readonly string[];
  /** CIM datasets the rule reads (`Endpoint.Processes`…); empty for a raw-event rule. */
  readonly datasets: readonly string[];
  /** Lookup tables the rule reads, by the name it uses (a definition's or a file's); none when absent. */
  readonly tables?: readonly string[];
  /** The event on its own: exactly the verdict the SIEM would give on this one event. */
  evaluate(event: EventInput): EventVerdict;
  /** The same verdict, with the clause-by-clause trace. */
  explain(event: EventInput): Explanation;
  /** Run over the events as one batch: the rows the rule would return. */
  run(events: readonly EventInput[]): BatchResult;
  /**
   * Build now what the first evaluation would build (a worker warms its matchers while the user
   * is still typing); optional, never changes a verdict.
   */
  prepare?(): void;
  /**
   * True only when `run(events)` would succeed with no row, known without running it (the rule's
   * first stage keeps none of the events); false when that is not known. Optional.
   */
  runsEmpty?(events: readonly EventInput[]): boolean;
}

/**
 * Many matchers asked about one event at a time. `forEvent(e)(i)` is exactly
 * `matchers[i].evaluate(e)`; the function answers for that event until the next `forEvent`.
 */
export interface MatcherSet {
  readonly size: number;
  forEvent(event: EventInput): (i: number) => EventVerdict;
}

/** A rule language: compiles rule text against a content version. Never throws. */
export interface RuleLanguage {
  readonly id: string;
  readonly label: string;
  compile(text: string, content: ContentContext): Matcher;
  /** A faster set for matchers this language compiled, or null to ask each matcher in turn. */
  set?(matchers: readonly Matcher[]): MatcherSet | null;
  /**
   * A matcher's plan: plain data (JSON) from which `restore` gives a matcher with the same
   * verdicts that compiles only when an event needs it. Lets a server ship a precompiled catalog.
   */
  plan?(matcher: Matcher): unknown;
  restore?(text: string, plan: unknown, content: ContentContext): Matcher;
}
