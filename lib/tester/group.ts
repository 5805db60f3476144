/**
 * Grouping of catalog-wide results for /test: firing analytics by ATT&CK tactic and technique,
 * then the not-testable ones with reasons, then a count of the ones that did not fire.
 */
import type { BatchThreshold, Verdict } from "../detection/types";
import { compareNumbered, compareText } from "../detection/collate";
import { DEFAULT_FILTERS, hiddenBy, type Hideable, type ResultFilters } from "./result-filters";

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
  /** TTP, Anomaly, Hunting, Correlation… as the YAML says. */
  type: string;
  /** production, experimental, deprecated… */
  status: string;
  severity: string;
  riskScore: number;
}

export interface AnalyticOutcome {
  id: string;
  verdict: Verdict;
  reason?: string;
  /** For not_testable: the reason code. */
  code?: string;
  /** Event indices that fired. */
  matched?: number[];
  hingesOn?: string[];
  /** Set for aggregating searches: the verdict is over the whole batch, `rowCount` rows returned. */
  overBatch?: boolean;
  rowCount?: number;
  /** Over a batch: the search's filter is met by any small batch (lib/spl threshold.ts). */
  threshold?: BatchThreshold;
}

type Item = { analytic: AnalyticLite; outcome: AnalyticOutcome; otherTechniques: string[] };

export interface TechniqueGroup {
  id: string;
  name?: string;
  items: Item[];
}

export interface TacticGroup {
  /** Tactic shortname, or `""` for analytics without an ATT&CK mapping. */
  tactic: string;
  name: string;
  techniques: TechniqueGroup[];
}

export interface GroupedResults {
  firing: TacticGroup[];
  /** Every firing analytic, shown or hidden by the filters. */
  firingCount: number;
  /** Firing analytics the filters hide, by the kind that hides each. */
  hidden: Partial<Record<Hideable, number>>;
  hiddenCount: number;
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
 * (its primary mapping), with its other techniques listed beside it; those the filters hide are
 * only counted. Sorted by risk: the highest risk score first (its tactic, its technique, then it),
 * ties by name and kill chain. Sorted by name: tactics in kill-chain order, techniques by id,
 * analytics by name.
 */
export function groupResults(
  analytics: readonly AnalyticLite[],
  outcomes: ReadonlyMap<string, AnalyticOutcome>,
  tacticNames: Readonly<Record<string, string>> = {},
  filters: ResultFilters = DEFAULT_FILTERS,
): GroupedResults {
  const hidden: Partial<Record<Hideable, number>> = {};
  let hiddenCount = 0;
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
    const hide = hiddenBy({ ...analytic, ...(outcome.threshold ? { threshold: outcome.threshold } : {}) }, filters);
    if (hide) {
      hidden[hide] = (hidden[hide] ?? 0) + 1;
      hiddenCount++;
      continue;
    }
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
  const byRisk = filters.sort === "risk";
  const itemOrder = (x: Item, y: Item) => (byRisk ? y.analytic.riskScore - x.analytic.riskScore : 0) || compareText(x.analytic.name, y.analytic.name);
  const top = (items: readonly Item[]) => (byRisk ? Math.max(...items.map((i) => i.analytic.riskScore)) : 0);
  const firing: TacticGroup[] = [...tactics.entries()]
    .map(([tactic, byTech]) => ({
      tactic,
      name: tactic === "" ? "No ATT&CK mapping" : (tacticNames[tactic] ?? titleCase(tactic)),
      techniques: [...byTech.values()]
        .map((g) => ({ ...g, items: g.items.sort(itemOrder) }))
        .sort((a, b) => top(b.items) - top(a.items) || compareNumbered(a.id, b.id)),
    }))
    .sort((a, b) => top(b.techniques.flatMap((t) => t.items)) - top(a.techniques.flatMap((t) => t.items)) || rank(a.tactic) - rank(b.tactic) || compareText(a.tactic, b.tactic));
  notTestable.sort((a, b) => compareText(a.analytic.name, b.analytic.name));
  const reasons = [...reasonCounts.entries()].map(([reason, count]) => ({ reason, count })).sort((a, b) => b.count - a.count || compareText(a.reason, b.reason));
  return { firing, firingCount, hidden, hiddenCount, notTestable, reasons, noMatchCount, pending };
}
