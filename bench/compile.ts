/**
 * Compile every search of the full security_content catalog: load time, total compile time,
 * per-search median / p95, and the share that parses and that is testable live.
 */
import { performance } from "node:perf_hooks";
import { compileSearch, indexMacros } from "../lib/spl/index";
import { int, loadFullCatalog, ms, pct, summary } from "./common";

const t0 = performance.now();
const catalog = await loadFullCatalog("compile");
if (catalog) {
  const loadMs = performance.now() - t0;
  const macros = indexMacros(catalog.macros);
  // Warm-up: one pass so the JIT has seen the compiler (reported separately: it is the cold cost).
  const c0 = performance.now();
  for (const a of catalog.analytics) compileSearch(a.search, { macros });
  const coldMs = performance.now() - c0;

  const per: number[] = [];
  let parsed = 0;
  let live = 0;
  let batch = 0;
  const c1 = performance.now();
  for (const a of catalog.analytics) {
    const s = performance.now();
    const c = compileSearch(a.search, { macros });
    per.push(performance.now() - s);
    if (!c.parseError) parsed++;
    if (c.support.level === "event") live++;
    else if (c.support.level === "batch") batch++;
  }
  const warmMs = performance.now() - c1;
  const n = catalog.analytics.length;
  const st = summary(per);
  console.log(`compile: ${int(n)} searches, ${int(catalog.macros.length)} macros (load + YAML parse: ${ms(loadMs, 0)})`);
  console.log(`  total compile, first pass (cold JIT): ${ms(coldMs, 1)}`);
  console.log(`  total compile, second pass (warm):    ${ms(warmMs, 1)}`);
  console.log(`  per search (warm): median ${ms(st.median)}, p95 ${ms(st.p95)}, max ${ms(st.max)}`);
  console.log(`  parsed: ${int(parsed)} / ${int(n)} (${pct(parsed, n)})   target 100 %`);
  console.log(`  testable live (per event): ${int(live)} (${pct(live, n)}); batch only: ${int(batch)} (${pct(batch, n)})`);
}
