/**
 * The evasion lab's runner: find an event that fires among the candidates (the tester's input, then
 * the analytic's samples), generate its variants, write each as an input text, read it back with
 * lib/events exactly as the tester reads a paste, and ask the analytic's matcher through
 * `verdictFor` (the one verdict path every surface uses). A variant whose text does not read back
 * to its command line is listed as skipped, never given a verdict. Pure: no DOM, no Node.
 */
import type { Matcher } from "../detection/matcher";
import type { Verdict } from "../detection/types";
import { verdictFor } from "../detection/verdicts";
import { failingClause } from "../detection/failing";
import { parseEvents, toEventInput, type DataSourceSpec, type ParsedEvent } from "../events/index";
import { generateVariants, GENERATORS, type Generator } from "./index";
import { seedKind, subjectOf, variantText } from "./seed";
import type { Subject } from "./types";

export interface Candidate {
  /** What it is, in words ("your input", a sample's label). */
  label: string;
  input: string;
}

export interface VariantResult {
  generator: string;
  description: string;
  /** The variant's command line. */
  process: string;
  /** The input the tester reads for it (its link holds this). */
  input: string;
  verdict: Verdict;
  /** not_testable: why; no_match: the stage that dropped it. */
  reason?: string;
  code?: string;
  /** no_match: the first failing clause, from the engine's explanation. */
  stoppedBy?: string;
  hingesOn?: string[];
}

export interface Skipped {
  generator: string;
  process: string;
  why: string;
}

export type EvasionReport =
  | { ok: true; seed: { label: string; input: string; process: string }; variants: VariantResult[]; skipped: Skipped[] }
  | { ok: false; why: string; tried: { label: string; outcome: string }[] };

export interface EvasionOptions {
  /** The content's data sources, as the tester reads pastes with them. */
  dataSources?: readonly DataSourceSpec[];
  generators?: readonly Generator[];
}

/** Events read from one candidate (the tester's own cap). */
const MAX_EVENTS = 10_000;

function read(text: string, options: EvasionOptions): { events: ParsedEvent[]; problems: number } {
  const r = parseEvents(text, { maxEvents: MAX_EVENTS, ...(options.dataSources ? { dataSources: [...options.dataSources] } : {}) });
  return { events: r.events, problems: r.problems.length };
}

const fires = (m: Matcher, e: ParsedEvent) => verdictFor(m, toEventInput(e)).verdict === "match";

/** The first event of a candidate that fires and has a command line, with its subject. */
function seedFrom(m: Matcher, c: Candidate, options: EvasionOptions): { event: ParsedEvent; subject: Subject } | string {
  const { events } = read(c.input, options);
  if (events.length === 0) return "no event could be read";
  const verdicts = events.map((e) => verdictFor(m, toEventInput(e)));
  const firing = events.filter((_e, i) => verdicts[i]!.verdict === "match");
  const untestable = verdicts.find((v) => v.verdict === "not_testable");
  if (firing.length === 0) return untestable ? `not testable live: ${untestable.reason}` : "does not fire";
  for (const e of firing) {
    const s = subjectOf(e);
    if (!s) continue;
    if (seedKind(e) !== "process-field") return { event: e, subject: s };
    // An XML, CSV or text event: its command line on its own, when that fires too.
    const alone = read(s.process, options).events;
    if (alone.length === 1 && fires(m, alone[0]!)) return { event: alone[0]!, subject: subjectOf(alone[0]!)! };
  }
  return "fires, but no firing event has a command line the variants could start from (as a command line or a JSON event)";
}

/** The process a read-back event carries, to check the variant's text means what it says. */
function processOf(e: ParsedEvent): string | undefined {
  return subjectOf(e)?.process;
}

/** The first row: the command line that fires, as written. */
export const ORIGINAL = { name: "original", description: "The event that fires, unchanged." } as const;

type Outcome = Pick<VariantResult, "verdict" | "reason" | "code" | "stoppedBy" | "hingesOn">;

/** One variant's text read as the tester reads it, and its verdict with the first failing clause; a string when it does not read back. */
function evaluate(m: Matcher, input: string, process: string, options: EvasionOptions): Outcome | string {
  const back = read(input, options);
  const event = back.events.length === 1 && back.problems === 0 ? back.events[0]! : undefined;
  if (!event || processOf(event) !== process) return "the variant's text does not read back as one event with this command line";
  const r = verdictFor(m, toEventInput(event), true);
  const stop = r.verdict === "no_match" && r.trace ? failingClause({ verdict: r.verdict, stages: r.trace }) : undefined;
  return {
    verdict: r.verdict,
    ...(r.reason ? { reason: r.reason } : {}),
    ...(r.code ? { code: r.code } : {}),
    ...(stop ? { stoppedBy: stop.words } : {}),
    ...(r.hingesOn ? { hingesOn: r.hingesOn } : {}),
  };
}

export function runEvasion(m: Matcher, candidates: readonly Candidate[], options: EvasionOptions = {}): EvasionReport {
  const tried: { label: string; outcome: string }[] = [];
  for (const c of candidates) {
    if (c.input.trim() === "") continue;
    const seed = seedFrom(m, c, options);
    if (typeof seed === "string") {
      tried.push({ label: c.label, outcome: seed });
      continue;
    }
    const variants: VariantResult[] = [];
    const skipped: Skipped[] = [];
    const original = { process: seed.subject.process, generator: ORIGINAL.name, description: ORIGINAL.description };
    for (const v of [original, ...generateVariants(seed.subject, options.generators ?? GENERATORS)]) {
      const input = variantText(seed.event, seed.subject, v);
      const r = input === undefined ? "the event cannot be written with this variant" : evaluate(m, input, v.process, options);
      if (typeof r === "string") skipped.push({ generator: v.generator, process: v.process, why: r });
      else variants.push({ generator: v.generator, description: v.description, process: v.process, input: input!, ...r });
    }
    return { ok: true, seed: { label: c.label, input: variants[0]?.generator === ORIGINAL.name ? variants[0].input : c.input, process: seed.subject.process }, variants, skipped };
  }
  const why = tried.length === 0 ? "there is no input and no sample to start from" : "nothing fires to start from";
  return { ok: false, why, tried };
}
