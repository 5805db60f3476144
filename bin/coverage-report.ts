/**
 * Coverage of a catalog: which analytics parse, which are testable live on pasted events, why
 * not, totals by data model and by reason, and the Endpoint.Processes tstats share (target ≥ 95 %):
 * tstats searches whose only data model is Endpoint.Processes, the set spl-census.md counts (519 in
 * ESCU 4.42), testable per event or over a batch. Searches that also join Filesystem, Registry or
 * Network_Traffic data need events of those datasets, which pasted input does not give: they are
 * counted on a line of their own.
 */
import type { Analytic } from "../lib/content/types";
import type { CompiledSearch } from "../lib/spl/api";
import type { Style } from "./style";

/** One analytic with its compiled search (lib/verdicts `compiledFor`). */
export interface CompiledAnalytic {
  analytic: Analytic;
  compiled: CompiledSearch;
}

export interface CoverageEntry {
  id: string;
  name: string;
  /** The data model datasets read, comma-separated; null for raw-event searches. */
  datamodel: string | null;
  parsed: boolean;
  /** Testable per event (support level `event`). */
  testable: boolean;
  /** Why not testable (a parse error, "batch only: …" or the engine's reason); null when testable. */
  reason: string | null;
}

export interface CoverageReport {
  total: number;
  parsed: number;
  testable: number;
  batchOnly: number;
  analytics: CoverageEntry[];
  byDatamodel: { datamodel: string; total: number; testable: number }[];
  byReason: { reason: string; count: number }[];
  /** Searches that open with `| tstats … from datamodel=Endpoint.Processes`. */
  processesTstats: { total: number; testable: number; notTestable: CoverageEntry[] };
  /** Those whose only data model is Endpoint.Processes (the target's set): per event, batch only. */
  processesOnly: { total: number; perEvent: number; batchOnly: number };
}

const PROCESSES_TSTATS = /^\s*\|?\s*tstats\b[^|]*?\bfrom\s+datamodel\s*=\s*"?Endpoint\.Processes(?=["\s|]|$)/i;

/** True when the expanded search opens with a tstats over Endpoint.Processes. */
export function isProcessesTstats(expanded: string): boolean {
  return PROCESSES_TSTATS.test(expanded);
}

/**
 * A reason reduced to its leading pattern, for totals: specifics (the search text in backticks,
 * quoted values, data model names) are dropped; the command name in backticks is kept.
 */
export function reasonGroup(reason: string): string {
  let r = reason.replace(/\s*\(`[^`]*`\)/g, ""); // raw-event search (`sourcetype=…`)
  r = r.replace(/`([A-Za-z_]\w*)[^`]*`/g, "`$1`"); // `where count >= 10` → `where`
  r = r.replace(/"[^"]*"/g, "\"…\"");
  r = r.replace(/\bdata model [\w.]+/g, "data model X");
  r = r.replace(/\breads [\w.]+, an aggregate\b/g, "reads an aggregate:"); // batch: `where count >= 10` reads count, an aggregate …
  const cut = r.search(/[:;,]/);
  if (cut > 0) r = r.slice(0, cut);
  return r.trim();
}

function entryOf({ analytic, compiled }: CompiledAnalytic): CoverageEntry {
  const dms = compiled.datamodels.length ? compiled.datamodels : analytic.datamodels;
  const parsed = compiled.parseError === undefined;
  const s = compiled.support;
  let reason: string | null = null;
  if (!parsed) reason = `parse error: ${compiled.parseError?.message ?? "unknown"}`;
  else if (s.level === "batch") reason = `batch only: ${s.reason}`;
  else if (s.level === "none") reason = s.reason;
  return { id: analytic.id, name: analytic.name, datamodel: dms.length ? dms.join(",") : null, parsed, testable: parsed && s.level === "event", reason };
}

function countBy<T>(items: T[], key: (t: T) => string): Map<string, T[]> {
  const m = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = m.get(k);
    if (list) list.push(it);
    else m.set(k, [it]);
  }
  return m;
}

export function coverageOf(list: readonly CompiledAnalytic[]): CoverageReport {
  const analytics = list.map(entryOf);
  const byDm = countBy(analytics, (a) => a.datamodel ?? "(none: raw events)");
  const byDatamodel = [...byDm]
    .map(([datamodel, xs]) => ({ datamodel, total: xs.length, testable: xs.filter((x) => x.testable).length }))
    .sort((a, b) => b.total - a.total || a.datamodel.localeCompare(b.datamodel));
  const failing = analytics.filter((a) => a.reason !== null);
  const byReason = [...countBy(failing, (a) => (a.reason?.startsWith("batch only: ") ? "batch only: " + reasonGroup(a.reason.slice(12)) : reasonGroup(a.reason ?? "")))]
    .map(([reason, xs]) => ({ reason, count: xs.length }))
    .sort((a, b) => b.count - a.count || a.reason.localeCompare(b.reason));
  const ptIdx = list.map((c, i) => (isProcessesTstats(c.compiled.expanded) ? i : -1)).filter((i) => i >= 0);
  const pt = ptIdx.map((i) => analytics[i]).filter((a): a is CoverageEntry => a !== undefined);
  const single = analytics.filter((a) => a.datamodel === "Endpoint.Processes");
  return {
    total: analytics.length,
    parsed: analytics.filter((a) => a.parsed).length,
    testable: analytics.filter((a) => a.testable).length,
    batchOnly: analytics.filter((a) => a.reason?.startsWith("batch only: ")).length,
    analytics,
    byDatamodel,
    byReason,
    processesTstats: { total: pt.length, testable: pt.filter((a) => a.testable).length, notTestable: pt.filter((a) => !a.testable) },
    // The census's "single-node" set: no join/append with another dataset. Batch-only searches run
    // faithfully over a batch of events.
    processesOnly: {
      total: single.length,
      perEvent: single.filter((a) => a.testable).length,
      batchOnly: single.filter((a) => a.reason?.startsWith("batch only: ")).length,
    },
  };
}

/** The `--json` shape the issue fixes. */
export function coverageJson(r: CoverageReport): object {
  return { total: r.total, parsed: r.parsed, testable: r.testable, analytics: r.analytics };
}

const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)} %`);
const num = (n: number) => n.toLocaleString("en-US");

export function renderCoverage(r: CoverageReport, dir: string, st: Style): string {
  const L: string[] = [];
  const pt = r.processesTstats;
  L.push(st.bold(`Coverage of ${dir}: ${num(r.total)} analytics`));
  L.push(`  parsed                         ${num(r.parsed)} / ${num(r.total)} (${pct(r.parsed, r.total)})   target 100 %`);
  L.push(`  testable live (per event)      ${num(r.testable)} / ${num(r.total)} (${pct(r.testable, r.total)}); batch only: ${num(r.batchOnly)}`);
  const po = r.processesOnly;
  const live = po.perEvent + po.batchOnly;
  const sLine = `  Endpoint.Processes tstats      ${num(live)} / ${num(po.total)} testable live (${pct(live, po.total)}): ${num(po.perEvent)} per event + ${num(po.batchOnly)} over a batch   target ≥ 95 %`;
  L.push(po.total === 0 ? sLine : live / po.total >= 0.95 ? st.green(sLine) : st.red(sLine));
  L.push(st.dim(`                                 (tstats searches whose only data model is Endpoint.Processes; per event alone ${pct(po.perEvent, po.total)})`));
  const joined = pt.total - po.total;
  if (joined > 0) {
    const joinedNot = pt.notTestable.filter((a) => a.datamodel !== "Endpoint.Processes" && !a.reason?.startsWith("batch only")).length;
    L.push(`  … that also read other data    ${num(joined - joinedNot)} / ${num(joined)} testable live: they need events of other datasets (Filesystem, Registry, Network_Traffic…)`);
    L.push(st.dim(`                                 (all ${num(pt.total)} tstats searches over Endpoint.Processes: ${num(pt.testable)} per event, ${pct(pt.testable, pt.total)})`));
  }
  const w = Math.max(20, ...r.byDatamodel.map((d) => d.datamodel.length));
  L.push("", st.bold(`${"By data model".padEnd(w + 2)}  total  testable`));
  for (const d of r.byDatamodel) L.push(`  ${d.datamodel.padEnd(w)}  ${String(d.total).padStart(5)}  ${String(d.testable).padStart(8)}`);
  L.push("", st.bold("By reason (not testable live)"));
  for (const g of r.byReason) L.push(`  ${String(g.count).padStart(5)}  ${g.reason}`);
  if (pt.notTestable.length) {
    L.push("", st.bold(`Endpoint.Processes tstats analytics not testable live (${pt.notTestable.length})`));
    for (const a of pt.notTestable) L.push(`  ${a.name} ${st.dim(`(${a.id})`)}\n      ${st.dim(a.reason ?? "")}`);
  }
  L.push("", st.bold("Analytics"));
  for (const a of r.analytics) {
    const mark = a.testable ? st.green("✔ live        ") : a.reason?.startsWith("batch only") ? st.yellow("◐ batch only  ") : st.red("✘ not testable");
    L.push(`  ${mark}  ${a.name} ${st.dim(`(${a.id})`)}${a.testable ? "" : `\n                    ${st.dim(a.reason ?? "")}`}`);
  }
  return L.join("\n") + "\n";
}
