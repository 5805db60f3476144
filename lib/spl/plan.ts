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
import type { EventGate } from "./gate";
import { isEventShaped } from "./runtime";
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
  /**
   * What the search's gate (gate.ts) adds to its reasons when a later stage cannot run (support.ts
   * `decide`); present only then. With it, the gate can be rebuilt from the search text alone.
   */
  gateSuffix?: string;
}

/** How a planned search builds, on demand, the whole search and the gate in front of it. */
export interface PlanCompilers {
  compile(): CompiledSearch;
  /** The search's first-stage gate (gate.ts): macros expanded and the text parsed, nothing more. */
  gate(suffix: string): EventGate | null;
}

/**
 * A search known by its plan, compiled the first time anything beyond the plan is asked. Most
 * events a set asks about are dropped by the search's first stage: that verdict comes from the
 * gate alone (parsed, not support-checked, its regexes not compiled), exactly the gate the
 * compiled search puts in front of its pipeline.
 */
export class PlannedSearch implements CompiledSearch {
  readonly language = "spl";
  private real: CompiledSearch | null = null;
  private readonly early: EventVerdict | null;
  /**
   * The first-stage gate: per event (evaluate) or over a batch (runsEmpty), never both, since a
   * search's support is one or the other. undefined: not built yet; null: the search has none.
   */
  private firstStage: EventGate | null | undefined;

  constructor(
    readonly search: string,
    readonly plan: SearchPlan,
    private readonly compilers: PlanCompilers,
  ) {
    this.early = plan.decidesPerEvent ? null : earlyVerdict(plan.support);
    // A per-event search without screening has no gate (Compiled.screening): nothing to build. A
    // batch-only search has no screening (screens are for per-event sets) but may have a gate.
    if (plan.screening === null && plan.support.level !== "batch") this.firstStage = null;
  }

  private compiled(): CompiledSearch {
    return (this.real ??= this.compilers.compile());
  }

  /**
   * Build now what the first evaluation or run would (a worker warms its searches before the first
   * event): the gate, or the whole search when every event or batch needs it (no gate; batch only).
   */
  prepare(): void {
    if (this.real !== null) return;
    if (this.plan.support.level === "batch") {
      if (this.gate() === null) this.compiled();
    } else if (this.early === null && this.plan.screening === null) this.compiled();
    else if (this.early === null) this.gate();
  }

  private gate(): EventGate | null {
    if (this.firstStage === undefined) this.firstStage = this.compilers.gate(this.plan.gateSuffix ?? "");
    return this.firstStage;
  }

  /**
   * A batch-only search whose first stage keeps none of the events returns no row (no later stage
   * makes one from nothing: EventGate.of): true then, from the gate alone. False when unknown.
   */
  runsEmpty(events: readonly EventInput[]): boolean {
    if (this.plan.support.level !== "batch" || this.real !== null || events.length === 0) return false;
    const gate = this.gate();
    return gate !== null && events.every((e) => isEventShaped(e) && gate.drop(e) !== null);
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

  evaluate(event: EventInput): EventVerdict {
    if (this.early) return this.early;
    if (this.real === null && isEventShaped(event)) {
      this.prepare();
      const dropped = this.firstStage?.drop(event);
      if (dropped) return dropped;
    }
    return this.compiled().evaluate(event);
  }
  explain(event: EventInput): Explanation { return this.compiled().explain(event); }
  run(events: readonly EventInput[]): BatchResult { return this.compiled().run(events); }
}
