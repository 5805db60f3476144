/**
 * Grouping of catalog-wide results for /test: firing analytics by ATT&CK tactic and technique,
 * then the not-testable ones with reasons, then a count of the ones that did not fire.
 */
import type { Verdict } from "../spl/api";

export interface AttackLite {
  /** Technique id as cited (or resolved), e.g. `T1021.002`. */
  id: string;
  name?: string;
  /** Tactic shortnames, e.g. `lateral-movement`. */
  tactics: string[];
}

/** What /test knows of an analytic (the search itself stays in the worker). */
export interface AnalyticLite {
  id: string;
  name: string;
  slug: string;
  attack: AttackLite[];
}

export interface AnalyticOutcome {
  id: string;
  verdict: Verdict;
  reason?: string;
  /** Event indices that fired. */
  matched?: number[];
  hingesOn?: string[];
  /** Set for aggregating searches: the verdict is over the whole batch, `rowCount` rows returned. */
  overBatch?: boolean;
  rowCount?: number;
}

export interface TechniqueGroup {
  id: string;
  name?: string;
  items: { analytic: AnalyticLite; outcome: AnalyticOutcome; otherTechniques: string[] }[];
}

export interface TacticGroup {
  /** Tactic shortname, or `""` for analytics without an ATT&CK mapping. */
  tactic: string;
  name: string;
  techniques: TechniqueGroup[];
}

export interface GroupedResults {
  firing: TacticGroup[];
  firingCount: number;
  notTestable: { analytic: AnalyticLite; outcome: AnalyticOutcome }[];
  /** Not-testable ones by reason, most common first. */
  reasons: { reason: string; count: number }[];
  noMatchCount: number;
  /** Analytics without an outcome yet (still running). */
  pending: number;
}

/** Enterprise ATT&CK kill-chain order of tactics. */
export const TACTIC_ORDER = [
  "reconnaissance", "resource-development", "initial-access", "execution", "persistence", "privilege-escalation",
  "defense-evasion", "credential-access", "discovery", "lateral-movement", "collection", "command-and-control",
  "exfiltration", "impact",
];

function titleCase(shortname: string): string {
  return shortname.split("-").map((w) => (w === "and" ? w : w.charAt(0).toUpperCase() + w.slice(1))).join(" ");
}

/** Reason text without event-specific details, for counting ("timed out", "lookup …"). */
export function reasonKey(reason: string | undefined): string {
  return (reason ?? "no reason given").replace(/\s+/g, " ").trim();
}

/**
 * Each firing analytic appears once: under the first tactic of the first technique it cites
 * (its primary mapping), with its other techniques listed beside it. Tactics in kill-chain order,
 * techniques by id, analytics by name.
 */
export function groupResults(
  analytics: readonly AnalyticLite[],
  outcomes: ReadonlyMap<string, AnalyticOutcome>,
  tacticNames: Readonly<Record<string, string>> = {},
): GroupedResults {
  const tactics = new Map<string, Map<string, TechniqueGroup>>();
  const notTestable: GroupedResults["notTestable"] = [];
  const reasonCounts = new Map<string, number>();
  let noMatchCount = 0;
  let pending = 0;
  let firingCount = 0;
  for (const analytic of analytics) {
    const outcome = outcomes.get(analytic.id);
    if (!outcome) {
      pending++;
      continue;
    }
    if (outcome.verdict === "no_match") {
      noMatchCount++;
      continue;
    }
    if (outcome.verdict === "not_testable") {
      notTestable.push({ analytic, outcome });
      const key = reasonKey(outcome.reason);
      reasonCounts.set(key, (reasonCounts.get(key) ?? 0) + 1);
      continue;
    }
    firingCount++;
    const primary = analytic.attack.find((t) => t.tactics.length > 0) ?? analytic.attack[0];
    const tactic = primary?.tactics[0] ?? "";
    const techId = primary?.id ?? "";
    const byTech = tactics.get(tactic) ?? new Map<string, TechniqueGroup>();
    tactics.set(tactic, byTech);
    const group = byTech.get(techId) ?? { id: techId, ...(primary?.name ? { name: primary.name } : {}), items: [] };
    byTech.set(techId, group);
    group.items.push({ analytic, outcome, otherTechniques: analytic.attack.filter((t) => t !== primary).map((t) => t.id) });
  }
  const rank = (t: string) => (t === "" ? 1000 : TACTIC_ORDER.indexOf(t) === -1 ? 500 : TACTIC_ORDER.indexOf(t));
  const firing: TacticGroup[] = [...tactics.entries()]
    .sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b))
    .map(([tactic, byTech]) => ({
      tactic,
      name: tactic === "" ? "No ATT&CK mapping" : (tacticNames[tactic] ?? titleCase(tactic)),
      techniques: [...byTech.values()]
        .sort((a, b) => a.id.localeCompare(b.id, "en", { numeric: true }))
        .map((g) => ({ ...g, items: g.items.sort((x, y) => x.analytic.name.localeCompare(y.analytic.name)) })),
    }));
  notTestable.sort((a, b) => a.analytic.name.localeCompare(b.analytic.name));
  const reasons = [...reasonCounts.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  return { firing, firingCount, notTestable, reasons, noMatchCount, pending };
}
