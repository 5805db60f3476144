/**
 * A compiled search's plan: what a MatcherSet needs to answer most events without the search —
 * its support, the fields and datasets it reads, and its screening (dataset, literal screen,
 * verdict outside the dataset). Plain data, computed from the compiled search itself, so a server
 * can compile the catalog once per content version and ship the plans; a worker then builds its
 * set from them and compiles a search only when an event actually needs it.
 */
import type { ParseError } from "../detection/matcher";
import type { BatchResult, EventInput, EventVerdict, Explanation, Support } from "../detection/types";
import type { CompiledSearch, MacroUse } from "./api";
import type { Screening } from "./search-set";

/**
 * The verdict every event gets when a search cannot be evaluated per event (support `none` or
 * `batch`); null when it can. Frozen: shared by every evaluation, callers never mutate verdicts.
 */
export function earlyVerdict(support: Support): EventVerdict | null {
  if (support.level === "none") return Object.freeze({ verdict: "not_testable", code: support.code, reason: support.reason });
  if (support.level === "batch") return Object.freeze({ verdict: "not_testable", code: support.code, reason: `depends on other events: ${support.reason}` });
  return null;
}

export interface SearchPlan {
  support: Support;
  fieldsRead: string[];
  datasets: string[];
  datamodels: string[];
  /** Lookup tables the search reads (Matcher.tables). */
  tables?: string[];
  parseError?: ParseError;
  screening: Screening | null;
  /**
   * Support is `none`, yet each event is still evaluated: an empty result before the stage that
   * cannot run decides the verdict (support.ts `decide`). The plan must not answer such a search
   * with its support alone.
   */
  decidesPerEvent?: true;
}

/** A search known by its plan, compiled the first time anything beyond the plan is asked. */
export class PlannedSearch implements CompiledSearch {
  readonly language = "spl";
  private real: CompiledSearch | null = null;
  private readonly early: EventVerdict | null;

  constructor(
    readonly search: string,
    readonly plan: SearchPlan,
    private readonly compile: () => CompiledSearch,
  ) {
    this.early = plan.decidesPerEvent ? null : earlyVerdict(plan.support);
  }

  private compiled(): CompiledSearch {
    return (this.real ??= this.compile());
  }

  get support(): Support { return this.plan.support; }
  get fieldsRead(): readonly string[] { return this.plan.fieldsRead; }
  get datasets(): readonly string[] { return this.plan.datasets; }
  get tables(): readonly string[] { return this.plan.tables ?? []; }
  get datamodels(): string[] { return this.plan.datamodels; }
  get parseError(): ParseError | undefined { return this.plan.parseError; }
  get expanded(): string { return this.compiled().expanded; }
  get macros(): MacroUse[] { return this.compiled().macros; }
  /** Has the search been compiled (an event needed more than the plan)? */
  get isCompiled(): boolean { return this.real !== null; }

  evaluate(event: EventInput): EventVerdict { return this.early ?? this.compiled().evaluate(event); }
  explain(event: EventInput): Explanation { return this.compiled().explain(event); }
  run(events: readonly EventInput[]): BatchResult { return this.compiled().run(events); }
}
