/**
 * One command line against every testable analytic of the full catalog: per-event latency over
 * all analytics (median, p95 over ≥ 200 repetitions after warm-up), on one core; the same event
 * through the bare-RegExp floor (floor.ts) and the ratio engine / floor.
 * The engine is asked the way the CLI, the API and the tester ask it: one SearchSet over the
 * analytics (lib/spl/search-set.ts). The last column is the same work as one `evaluate` call per
 * analytic, for comparison.
 * Targets: ≤ 2 ms median per event over all testable analytics; ≤ 1.5× the floor.
 */
import { performance } from "node:perf_hooks";
import { indexMacros, searchSet } from "../lib/spl/index";
import type { EventInput } from "../lib/detection/types";
import { compileCatalog, int, lineEvent, loadFullCatalog, ms, OTHER_EVENTS, SMBEXEC_LINE, summary } from "./common";
import { floorMatcher, type FloorStats } from "./floor";

const WARMUP = 100;
const REPS = Number(process.env.BENCH_REPS ?? 300);

const catalog = await loadFullCatalog("match-one");
if (catalog) {
  const testable = compileCatalog(catalog).filter((c) => c.compiled.support.level === "event");
  const macros = indexMacros(catalog.macros);
  const stats: FloorStats = { regexes: 0, untranslated: 0 };
  const floors = testable.map((c) => floorMatcher(c.analytic.search, macros, stats));
  const set = searchSet(testable.map((c) => c.compiled));

  const events: { name: string; event: EventInput }[] = [{ name: "smbexec", event: lineEvent(SMBEXEC_LINE) }, ...OTHER_EVENTS.map((e) => ({ name: e.name, event: e.event() }))];
  console.log(`match-one: ${int(testable.length)} testable analytics; floor: ${int(stats.regexes)} RegExp checks (${stats.untranslated} untranslatable regexes counted as true)`);
  console.log(`  ${REPS} timed repetitions per event after ${WARMUP} warm-up rounds over all events; one event against ALL testable analytics per repetition`);
  console.log(`  ${"event".padEnd(20)} ${"engine median".padStart(14)} ${"p95".padStart(10)} ${"floor median".padStart(13)} ${"p95".padStart(10)} ${"ratio".padStart(7)}  ${"matches".padEnd(8)} ${"each-evaluate median".padStart(21)} ${"ratio".padStart(7)}`);
  const medians: number[] = [];
  const ratios: number[] = [];
  const engineOn = (event: EventInput) => {
    let hits = 0;
    for (const v of set.evaluate(event)) if (v.verdict === "match") hits++;
    return hits;
  };
  const eachOn = (event: EventInput) => {
    let hits = 0;
    for (const c of testable) if (c.compiled.evaluate(event).verdict === "match") hits++;
    return hits;
  };
  const floorOn = (event: EventInput) => {
    let hits = 0;
    for (const f of floors) if (f(event)) hits++;
    return hits;
  };
  // Warm both sides up on every event before timing any (JIT tiers, inline caches).
  for (let i = 0; i < WARMUP; i++) {
    for (const { event } of events) {
      engineOn(event);
      eachOn(event);
      floorOn(event);
    }
  }
  for (const { name, event } of events) {
    const runEngine = () => engineOn(event);
    const runFloor = () => floorOn(event);
    const engineHits = runEngine();
    const floorHits = runFloor();
    if (eachOn(event) !== engineHits) console.log(`  ${name}: the set and each evaluate disagree on the number of matches (a bug)`);
    const eng: number[] = [];
    const flo: number[] = [];
    const each: number[] = [];
    for (let i = 0; i < REPS; i++) {
      // Interleave so drift (GC, frequency) hits every side alike.
      let t = performance.now();
      runEngine();
      eng.push(performance.now() - t);
      t = performance.now();
      runFloor();
      flo.push(performance.now() - t);
      t = performance.now();
      eachOn(event);
      each.push(performance.now() - t);
    }
    const e = summary(eng);
    const f = summary(flo);
    const x = summary(each);
    medians.push(e.median);
    ratios.push(e.median / f.median);
    console.log(`  ${name.padEnd(20)} ${ms(e.median).padStart(14)} ${ms(e.p95).padStart(10)} ${ms(f.median).padStart(13)} ${ms(f.p95).padStart(10)} ${(e.median / f.median).toFixed(2).padStart(6)}×  ${`${engineHits}/${floorHits}`.padEnd(8)} ${ms(x.median).padStart(21)} ${(x.median / f.median).toFixed(2).padStart(6)}×`);
  }
  const worst = Math.max(...medians);
  const worstRatio = Math.max(...ratios);
  console.log(`  worst median ${ms(worst)}   target ≤ 2 ms  → ${worst <= 2 ? "met" : "NOT met"}`);
  console.log(`  worst ratio engine/floor ${worstRatio.toFixed(2)}×   target ≤ 1.5×  → ${worstRatio <= 1.5 ? "met" : "NOT met"}`);
  console.log("  (the floor keeps only the RegExp tests and their AND/OR/NOT, one analytic after another; the engine's set");
  console.log("   skips the analytics whose literal screen the event misses; see bench/README.md)");
}
