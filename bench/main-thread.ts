/**
 * Where a page's main-thread time goes while it loads, as a phone would feel it: Chromium with the
 * CPU slowed 4× (Lighthouse's mobile preset), the page's long tasks (≥ 50 ms, as Lighthouse counts
 * them for TBT) and, for each, the functions the V8 sampling profiler saw most often in it, named
 * by the build's source maps (file and line of the TypeScript). A benchmark: it prints, asserts
 * nothing. Lighthouse gives the score (bench/lighthouse.ts); this says which code to look at.
 *
 *   DC_SOURCE_MAPS=1 npm run build && next start …   (source maps for the client chunks)
 *   BASE_URL=http://127.0.0.1:3101 MT_PAGES=/test,/attack node --import tsx bench/main-thread.ts
 *   MT_WAIT=8000 (ms watched after the load event), MT_RATE=4 (CPU slowdown), MT_TOP=6, MT_RUNS=3
 *
 * Each page is visited MT_RUNS times, each in a new browser context (cold cache), after one
 * unmeasured visit that warms the browser itself; the sums of all runs and their median are
 * printed, the long tasks and their frames of the run with the median sum.
 *
 * Without source maps it still prints the long tasks and the minified names.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { Cdp, type CdpTab } from "./cdp";
import { pagesFrom } from "./pages";
import { SourceMap } from "./source-map";

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const WAIT = Number(process.env.MT_WAIT) || 6000;
const RATE = Number(process.env.MT_RATE) || 4;
const TOP = Number(process.env.MT_TOP) || 6;
const RUNS = Math.max(1, Number(process.env.MT_RUNS) || 3);
const INTERVAL_US = 250;
const CHUNKS = path.join(process.env.NEXT_DIR ?? ".next", "static", "chunks");

interface Frame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: Frame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

const maps = new Map<string, SourceMap | undefined>();

/** The source map of a served chunk, found through the chunk's own `sourceMappingURL`. */
function mapOf(url: string): SourceMap | undefined {
  const file = /\/_next\/static\/chunks\/([^?#]+\.js)/.exec(url)?.[1];
  if (!file) return undefined;
  if (!maps.has(file)) {
    const js = path.join(CHUNKS, file);
    const ref = existsSync(js) ? /sourceMappingURL=(\S+)\s*$/.exec(readFileSync(js, "utf8"))?.[1] : undefined;
    const mapFile = ref && path.join(CHUNKS, ref);
    maps.set(file, mapFile && existsSync(mapFile) ? new SourceMap(JSON.parse(readFileSync(mapFile, "utf8"))) : undefined);
  }
  return maps.get(file);
}

/** `CatalogTester.tsx:48 (components/tester)`-like label of a frame; minified when unmapped. */
function label(f: Frame): string {
  const o = mapOf(f.url)?.lookup(f.lineNumber, f.columnNumber);
  if (o) {
    const src = o.source.replace(/^turbopack:\/\/\/\[project\]\//, "").replace(/^.*node_modules\/next\/dist\/compiled\//, "");
    return `${f.functionName ? `${f.functionName} ` : ""}${src}:${o.line}`;
  }
  const where = f.url ? f.url.replace(BASE, "").replace(/^.*\/chunks\//, "") : "";
  return `${f.functionName || "(anonymous)"}${where ? ` ${where}:${f.lineNumber}` : ""}`;
}

const APP = /^(?:\S+ )?(components|lib|app)\//;

/** Samples of each long task: the top frames by self samples, and the app's own by inclusive samples. */
function attribute(profile: Profile, tasks: [number, number][], offsetUs: number): string[] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const times: number[] = [];
  let t = profile.startTime;
  for (const d of profile.timeDeltas) times.push((t += d));
  const out: string[] = [];
  for (const [start, duration] of tasks) {
    const from = start * 1000 + offsetUs;
    const to = from + duration * 1000;
    const self = new Map<string, number>();
    const incl = new Map<string, number>();
    let n = 0;
    times.forEach((at, i) => {
      if (at < from || at > to) return;
      n++;
      const leaf = nodes.get(profile.samples[i]!)!;
      const key = label(leaf.callFrame);
      self.set(key, (self.get(key) ?? 0) + 1);
      const seen = new Set<string>();
      for (let id: number | undefined = leaf.id; id !== undefined; id = parent.get(id)) {
        const k = label(nodes.get(id)!.callFrame);
        if (APP.test(k) && !seen.has(k)) incl.set(k, (incl.get(k) ?? 0) + 1), seen.add(k);
      }
    });
    const top = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]).slice(0, TOP).map(([k, c]) => `${Math.round((100 * c) / Math.max(1, n))}% ${k}`);
    out.push(`  task at ${start} ms, ${duration} ms (${n} samples)`);
    for (const s of top(self)) out.push(`      self ${s}`);
    for (const s of top(incl)) out.push(`      in   ${s}`);
  }
  return out;
}

const OBSERVE = `window.__dcLong = []; new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__dcLong.push([Math.round(e.startTime), Math.round(e.duration)]); }).observe({ type: "longtask", buffered: true });`;
const MARK = `(function __dcMark() { const t = performance.now(); while (performance.now() - t < 4); return t; })()`;

interface Run {
  blocking: number;
  lines: string[];
}

async function measure(cdp: Cdp, tab: CdpTab, url: string): Promise<Run> {
  const s = tab.session;
  await tab.addInitScript(OBSERVE);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: RATE }, s);
  await cdp.send("Profiler.enable", {}, s);
  await cdp.send("Profiler.setSamplingInterval", { interval: INTERVAL_US }, s);
  await cdp.send("Profiler.start", {}, s);
  await tab.goto(url);
  await new Promise((r) => setTimeout(r, WAIT));
  const markMs = await tab.eval<number>(MARK);
  const { profile } = (await cdp.send("Profiler.stop", {}, s)) as { profile: Profile };
  const tasks = await tab.eval<[number, number][]>("window.__dcLong");
  // The mark's samples align the profile's clock (µs) with the page's (ms since its time origin).
  const markNode = new Set(profile.nodes.filter((n) => n.callFrame.functionName === "__dcMark").map((n) => n.id));
  let at = profile.startTime;
  let markUs: number | undefined;
  profile.samples.forEach((id, i) => {
    at += profile.timeDeltas[i]!;
    if (markUs === undefined && markNode.has(id)) markUs = at;
  });
  const blocking = tasks.reduce((sum, [, d]) => sum + Math.max(0, d - 50), 0);
  const head = `  median run: ${tasks.length} long tasks`;
  if (markUs === undefined) return { blocking, lines: [head, "  (the profile missed the clock mark: no attribution)"] };
  return { blocking, lines: [head, ...attribute(profile, tasks, markUs - markMs * 1000)] };
}

async function visit(cdp: Cdp, url: string): Promise<Run> {
  const { id, tabs } = await cdp.context(1);
  try {
    return await measure(cdp, tabs[0]!, url);
  } finally {
    await cdp.closeContext(id);
  }
}

async function main(): Promise<void> {
  const pages = pagesFrom(process.env.MT_PAGES);
  if (!existsSync(CHUNKS)) console.log(`main-thread: no ${CHUNKS} here: frames stay minified (run from the checkout that built the server)`);
  const cdp = Cdp.launch();
  try {
    await visit(cdp, `${BASE}${pages[0]![1]}`);
    console.log(`main thread while loading, CPU ${RATE}× slower, ${WAIT} ms after load, ${RUNS} cold runs per page: long tasks' time over 50 ms each (what TBT sums)`);
    for (const [, p] of pages) {
      const runs: Run[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(await visit(cdp, `${BASE}${p}`));
      const sorted = [...runs].sort((a, b) => a.blocking - b.blocking);
      const median = sorted[Math.floor((sorted.length - 1) / 2)]!;
      console.log(`${p}: median ${Math.round(median.blocking)} ms (runs: ${runs.map((r) => Math.round(r.blocking)).join(", ")})`);
      for (const line of median.lines) console.log(line);
    }
  } finally {
    await cdp.close();
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exitCode = 1;
});
