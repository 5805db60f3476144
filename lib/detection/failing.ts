/**
 * Where a no_match went wrong, read from the engine's clause-by-clause explanation: the first stage
 * whose rows fell to zero and the smallest clause that explains it. One implementation for every
 * surface (the tester's failing-clause line, the evasion lab, the CLI). Pure, language-neutral.
 */
import type { Explanation, PredicateTrace, StageTrace } from "./types";

export type ClauseValue = boolean | null;

function kind(p: PredicateTrace): "and" | "or" | "not" | "xor" | "leaf" {
  if (!p.children || p.children.length === 0) return "leaf";
  const note = p.note ?? "";
  if (note.startsWith("all must")) return "and";
  if (note.startsWith("any may")) return "or";
  if (note.startsWith("negation")) return "not";
  if (note.startsWith("exactly one")) return "xor";
  // Unknown combinator: a false node with a true child behaves like AND.
  return p.children.some((c) => c.value === true) ? "and" : "or";
}

/** The smallest clause that explains why `p` is not true (an AND descends; OR / NOT stop). */
export function culprit(p: PredicateTrace): PredicateTrace | undefined {
  if (p.value === true) return undefined;
  if (kind(p) !== "and") return p;
  const child = p.children?.find((c) => c.value !== true);
  return child ? (culprit(child) ?? child) : p;
}

export interface Failure {
  stage: StageTrace;
  stageIndex: number;
  /** The clause that dropped the event; absent when the stage dropped it without a predicate. */
  clause?: PredicateTrace;
  /** "failed: match(process, …)" or "null: …" or "dropped by `stats`". */
  words: string;
}

/** Where a no_match went wrong: the first stage whose rows fell to zero, and its failing clause. */
export function failingClause(ex: Pick<Explanation, "verdict" | "stages">): Failure | undefined {
  if (ex.verdict !== "no_match") return undefined;
  const stageIndex = ex.stages.findIndex((s) => s.rowsIn > 0 && s.rowsOut === 0);
  const stage = ex.stages[stageIndex];
  if (!stage) return undefined;
  for (const p of stage.predicates) {
    const c = culprit(p);
    if (c) return { stage, stageIndex, clause: c, words: `${c.value === null ? "null (unknown)" : "failed"}: ${oneLine(c.text)}` };
  }
  return { stage, stageIndex, words: `no row left after \`${stage.command}\`` };
}

export function oneLine(text: string, max = 300): string {
  const t = text.replace(/\s+/g, " ").trim();
  return t.length > max ? `${t.slice(0, max - 1)}…` : t;
}
