/**
 * What a page's first layout costs the renderer, and how much of it is finding fonts. Lighthouse
 * scales each main-thread task of the load by 4 on its mobile preset, and the task that lays the
 * page out first is the longest of most pages; on Linux, every font family looked up, every size
 * and weight of a face (a "strike") and every glyph no listed font has is a blocking round trip
 * from the renderer to the browser process inside that task. A benchmark: it prints, asserts nothing.
 *
 *   BASE_URL=http://127.0.0.1:3101 node --import tsx bench/first-layout.ts
 *   FL_PAGES=/attack,/test (default: bench/pages.ts), FL_RUNS=5
 *
 * Each page is loaded FL_RUNS times, each in a new browser context at Lighthouse's mobile size
 * (412 × 823, DPR 1.75), scripts off so only the server's HTML is laid out. Printed, medians:
 * the longest Layout, style and layout summed, the elements styled and objects laid out (counts:
 * what `content-visibility` skips shows here), and the font lookups (count and ms) by kind.
 */
import { Cdp } from "./cdp";
import { pagesFrom } from "./pages";
import { median } from "./stats";

const BASE = process.env.BASE_URL ?? "http://127.0.0.1:3000";
const RUNS = Math.max(1, Number(process.env.FL_RUNS) || 5);
const CATEGORIES = ["devtools.timeline", "disabled-by-default-devtools.timeline", "blink", "fonts"];

/** The renderer's synchronous font requests to the browser process, by the trace event that times each. */
const LOOKUPS: [string, RegExp][] = [
  ["family", /^FontDataManager::onMatchFamilyStyle$/],
  ["strike", /^WebSandboxSupportLinux::GetWebFontRenderStyleForStrike$/],
  ["fallback", /^WebSandboxSupportLinux::GetFallbackFontForCharacter$/],
];

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  args?: { elementCount?: number; beginData?: { dirtyObjects?: number } };
}

interface Figures {
  longestLayout: number;
  styleLayout: number;
  styled: number;
  laidOut: number;
  lookups: Record<string, { n: number; ms: number }>;
}

async function traceLoad(cdp: Cdp, url: string): Promise<TraceEvent[]> {
  const ctx = await cdp.context(1);
  const tab = ctx.tabs[0]!;
  await cdp.send("Emulation.setDeviceMetricsOverride", { width: 412, height: 823, deviceScaleFactor: 1.75, mobile: true }, tab.session);
  await cdp.send("Emulation.setScriptExecutionDisabled", { value: true }, tab.session);
  const events: TraceEvent[] = [];
  const stop = cdp.onEvent((method, params) => method === "Tracing.dataCollected" && events.push(...(params.value as TraceEvent[])));
  await cdp.send("Tracing.start", { traceConfig: { includedCategories: CATEGORIES }, transferMode: "ReportEvents" });
  await tab.goto(url);
  await new Promise((r) => setTimeout(r, 300));
  const done = cdp.once("Tracing.tracingComplete");
  await cdp.send("Tracing.end");
  await done;
  stop();
  await cdp.closeContext(ctx.id);
  return events;
}

function figures(events: TraceEvent[]): Figures {
  const ms = (e: TraceEvent) => (e.dur ?? 0) / 1000;
  const complete = events.filter((e) => e.ph === "X");
  const layouts = complete.filter((e) => e.name === "Layout").map(ms);
  const styleLayout = complete.filter((e) => e.name === "Layout" || e.name === "UpdateLayoutTree").reduce((a, e) => a + ms(e), 0);
  const lookups: Figures["lookups"] = {};
  for (const [kind, re] of LOOKUPS) {
    const hits = complete.filter((e) => re.test(e.name));
    lookups[kind] = { n: hits.length, ms: hits.reduce((a, e) => a + ms(e), 0) };
  }
  const styled = complete.filter((e) => e.name === "UpdateLayoutTree").reduce((a, e) => a + (e.args?.elementCount ?? 0), 0);
  const laidOut = complete.filter((e) => e.name === "Layout").reduce((a, e) => a + (e.args?.beginData?.dirtyObjects ?? 0), 0);
  return { longestLayout: Math.max(0, ...layouts), styleLayout, styled, laidOut, lookups };
}

async function main() {
  const pages = pagesFrom(process.env.FL_PAGES);
  const cdp = Cdp.launch();
  try {
    await traceLoad(cdp, `${BASE}/about`); // warms the browser itself, not measured
    console.log(`first layout at 412 × 823, scripts off, median of ${RUNS}; font lookups: count / ms`);
    console.log(["page".padEnd(24), "longest layout", "style+layout", "styled", "laid out", ...LOOKUPS.map(([k]) => k.padStart(12))].join("  "));
    for (const [label, route] of pages) {
      const runs: Figures[] = [];
      for (let i = 0; i < RUNS; i++) runs.push(figures(await traceLoad(cdp, BASE + route)));
      const cells = LOOKUPS.map(([k]) => `${median(runs.map((r) => r.lookups[k]!.n))} / ${median(runs.map((r) => r.lookups[k]!.ms)).toFixed(0)}`.padStart(12));
      console.log([label.padEnd(24), `${median(runs.map((r) => r.longestLayout)).toFixed(0)} ms`.padStart(14), `${median(runs.map((r) => r.styleLayout)).toFixed(0)} ms`.padStart(12), String(median(runs.map((r) => r.styled))).padStart(6), String(median(runs.map((r) => r.laidOut))).padStart(8), ...cells].join("  "));
    }
  } finally {
    await cdp.close();
  }
}

await main();
