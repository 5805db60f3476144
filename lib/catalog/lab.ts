/**
 * The lab's matrix: every sample of every tool, read as the tester reads a paste (lib/events with
 * the content's data sources), asked of the whole catalog through the one verdict path the API and
 * the CLI use (lib/engine `pairVerdicts`, one MatcherSet). A cell is (tool, analytic) where the
 * analytic's verdict on at least one of the tool's samples is `match`; nothing here decides a
 * verdict. An analytic that fires on a control (benign events of the same kinds) is noise: it is
 * listed with the controls and counted, not credited, under each tool. Pure: no Node, no DOM.
 */
import type { LabSample, LabTool } from "../content/lab-parse";
import type { Analytic, Catalog } from "../content/types";
import { pairVerdicts } from "../engine/index";
import type { EventInput } from "../detection/types";
import { parseEvents, toEventInput } from "../events/index";
import { compareText } from "../detection/collate";

/** A firing analytic as the page shows it. */
export interface LabAnalytic {
  id: string;
  slug: string;
  name: string;
  status: string;
  type: string;
  /** Technique ids as the analytic cites them. */
  techniques: string[];
  riskScore: number;
}

export interface LabCell {
  analytic: LabAnalytic;
  /** Keys of the tool's samples the analytic fires on, in file order (never empty). */
  samples: string[];
}

export interface LabSampleResult {
  sample: LabSample;
  /** How many analytics fire on it, and how many could not say. */
  fired: number;
  notTestable: number;
  /** Why the sample was not asked (it did not read as one event with the content's data sources). */
  unread?: string;
}

export interface LabRow {
  tool: LabTool;
  samples: LabSampleResult[];
  /**
   * Analytics that fire on any of its samples and on no control: most samples first, then risk
   * score, then name. (For a control row: every analytic that fires on it.)
   */
  cells: LabCell[];
  /** Analytics that fire on its samples and on a control too (not credited to the tool). */
  noise: LabCell[];
}

export interface LabMatrix {
  /** The tools (controls apart). */
  rows: LabRow[];
  /** The controls' rows: every analytic firing on a benign event. */
  controls: LabRow[];
  /** Every analytic credited to some tool: most tools first, then risk score, then name. */
  columns: LabAnalytic[];
  /** Tools no analytic fires on (on any of their samples), noise aside. */
  missed: string[];
  analytics: number;
}

function labAnalytic(a: Analytic): LabAnalytic {
  return { id: a.id, slug: a.slug, name: a.name, status: a.status, type: a.type, techniques: a.attack.map((t) => t.id), riskScore: a.rba.riskScore };
}

/** The one event a sample holds, read with the content's data sources (what the tester does). */
function readSample(catalog: Catalog, sample: LabSample): EventInput | string {
  const r = parseEvents(sample.input, { dataSources: catalog.dataSources, maxEvents: 2 });
  if (r.problems.length > 0 || r.events.length !== 1) return r.problems[0]?.message ?? `reads as ${r.events.length} events`;
  return toEventInput(r.events[0]!);
}

const byWeight = (count: (a: LabAnalytic) => number) => (a: LabAnalytic, b: LabAnalytic) =>
  count(b) - count(a) || b.riskScore - a.riskScore || compareText(a.name, b.name);

/** One tool's samples against every analytic: the analytics that fire, with the samples they fire on. */
function runTool(catalog: Catalog, tool: LabTool, ask: ReturnType<typeof pairVerdicts>, views: LabAnalytic[]): LabRow {
  const firing = new Map<number, string[]>();
  const samples = tool.samples.map((sample): LabSampleResult => {
    const event = readSample(catalog, sample);
    if (typeof event === "string") return { sample, fired: 0, notTestable: 0, unread: event };
    const verdictOf = ask(event);
    let fired = 0;
    let notTestable = 0;
    for (let i = 0; i < catalog.analytics.length; i++) {
      const v = verdictOf(i).verdict;
      if (v === "not_testable") notTestable++;
      if (v !== "match") continue;
      fired++;
      const keys = firing.get(i) ?? [];
      keys.push(sample.key);
      firing.set(i, keys);
    }
    return { sample, fired, notTestable };
  });
  const all = [...firing].map(([i, keys]) => ({ analytic: views[i]!, samples: keys }));
  const count = new Map(all.map((c) => [c.analytic.id, c.samples.length]));
  all.sort((a, b) => byWeight((x) => count.get(x.id) ?? 0)(a.analytic, b.analytic));
  return { tool, samples, cells: all, noise: [] };
}

/** Moves the analytics in `noise` out of a tool's credited cells. */
function withoutNoise(row: LabRow, noise: ReadonlySet<string>): LabRow {
  return { ...row, cells: row.cells.filter((c) => !noise.has(c.analytic.id)), noise: row.cells.filter((c) => noise.has(c.analytic.id)) };
}

export function buildLabMatrix(catalog: Catalog, tools: readonly LabTool[]): LabMatrix {
  const ask = pairVerdicts(catalog, catalog.analytics, false);
  const views = catalog.analytics.map(labAnalytic);
  const ran = tools.map((tool) => runTool(catalog, tool, ask, views));
  const controls = ran.filter((r) => r.tool.control);
  const noise = new Set(controls.flatMap((r) => r.cells.map((c) => c.analytic.id)));
  const rows = ran.filter((r) => !r.tool.control).map((r) => withoutNoise(r, noise));
  const toolsPer = new Map<string, number>();
  const columns: LabAnalytic[] = [];
  for (const row of rows) {
    for (const c of row.cells) {
      if (!toolsPer.has(c.analytic.id)) columns.push(c.analytic);
      toolsPer.set(c.analytic.id, (toolsPer.get(c.analytic.id) ?? 0) + 1);
    }
  }
  columns.sort(byWeight((a) => toolsPer.get(a.id) ?? 0));
  const missed = rows.filter((r) => r.cells.length === 0).map((r) => r.tool.slug);
  return { rows, controls, columns, missed, analytics: catalog.analytics.length };
}

const cache = new WeakMap<Catalog, WeakMap<readonly LabTool[], LabMatrix>>();

/** buildLabMatrix, once per (catalog, tools) pair. */
export function labMatrix(catalog: Catalog, tools: readonly LabTool[]): LabMatrix {
  let perTools = cache.get(catalog);
  if (!perTools) cache.set(catalog, (perTools = new WeakMap()));
  let m = perTools.get(tools);
  if (!m) perTools.set(tools, (m = buildLabMatrix(catalog, tools)));
  return m;
}
