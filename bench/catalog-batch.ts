/**
 * The whole catalog over one batch of mixed events (issue 13): 100,000 events (Sysmon XML of every
 * ID, Windows evtx JSON, CloudTrail, auditd; bench/mixed-events.ts) read with the
 * content's data sources, then judged as the CLI and the API judge a batch: every per-event
 * analytic through the catalog's search set, event after event, and every batch-only analytic
 * with one `run` over all the events. Prints events/s for each part and in all, the verdicts and
 * the rows. `BENCH_EVENTS` sets the batch size. Nothing here asserts on time.
 */
import { performance } from "node:perf_hooks";
import { parseEvents, toEventInput } from "../lib/events/index";
import { contentOf, matchers } from "../lib/engine/index";
import { int, loadFullCatalog } from "./common";
import { mixedInput } from "./mixed-events";

const N = Number(process.env.BENCH_EVENTS ?? 100_000);

async function main(): Promise<void> {
  const catalog = await loadFullCatalog("catalog-batch");
  if (!catalog) return;
  const content = contentOf(catalog);
  const all = catalog.analytics.map((a) => ({ a, m: matchers.matcher(content, a) }));
  const perEvent = all.filter((x) => x.m.support.level === "event");
  const batch = all.filter((x) => x.m.support.level === "batch");
  const t0 = performance.now();
  const read = parseEvents(mixedInput(N), { dataSources: catalog.dataSources, maxEvents: N, maxBytes: 1 << 30 });
  const events = read.events.map(toEventInput);
  const t1 = performance.now();
  const set = matchers.set(content, perEvent.map((x) => x.a));
  let matches = 0;
  for (const e of events) {
    const verdictOf = set.forEvent(e);
    for (let i = 0; i < perEvent.length; i++) if (verdictOf(i).verdict === "match") matches++;
  }
  const t2 = performance.now();
  let rows = 0;
  let firing = 0;
  for (const { m } of batch) {
    const r = m.run(events);
    if (r.ok && r.rows.length > 0) {
      rows += r.rows.length;
      firing++;
    }
  }
  const t3 = performance.now();
  const rate = (n: number, ms: number) => `${int((n * 1000) / ms)} events/s`;
  console.log(`catalog-batch: ${int(events.length)} mixed events (Sysmon XML, evtx JSON, CloudTrail, auditd) × ${int(all.length)} analytics`);
  console.log(`  read and recognised      ${int(t1 - t0)} ms   ${rate(events.length, t1 - t0)}`);
  console.log(`  per event, ${int(perEvent.length)} analytics   ${int(t2 - t1)} ms   ${rate(events.length, t2 - t1)}   ${int(matches)} matches`);
  console.log(`  over the batch, ${int(batch.length)} analytics   ${int(t3 - t2)} ms   ${rate(events.length, t3 - t2)}   ${firing} fire, ${int(rows)} rows`);
  console.log(`  the whole catalog          ${int(t3 - t0)} ms   ${rate(events.length, t3 - t0)}   (peak RSS ${int(process.memoryUsage().rss / 2 ** 20)} MB)`);
}

await main();
