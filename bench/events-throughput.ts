/**
 * Recognising and extracting 100,000 mixed events in one process: Sysmon event XML (every ID in
 * turn), Windows events as evtx-dump JSON, CloudTrail records and auditd lines, a quarter each, in
 * one input, read by parseEvents with the content's data sources (recognition on). Prints events/s
 * (median of 3 runs after a warm-up) and the process's peak RSS. Figures depend on the machine's
 * load: nothing here asserts on time.
 */
import { existsSync } from "node:fs";
import { loadCatalog } from "../lib/content/load";
import { parseEvents } from "../lib/events/index";
import { SECURITY_CONTENT } from "./common";
import { mixedInput } from "./mixed-events";

const N = Number(process.env.BENCH_EVENTS ?? 100_000);

async function main(): Promise<void> {
  const specs = existsSync(SECURITY_CONTENT) ? (await loadCatalog(SECURITY_CONTENT)).dataSources : [];
  const input = mixedInput(N);
  const opts = { dataSources: specs, maxEvents: N, maxBytes: input.length * 4 };
  parseEvents(mixedInput(2000), opts); // warm-up, and the data sources' examples read once
  const times: number[] = [];
  let events = 0;
  let recognised = 0;
  for (let run = 0; run < 3; run++) {
    const t0 = performance.now();
    const r = parseEvents(input, opts);
    times.push(performance.now() - t0);
    events = r.events.length;
    recognised = r.events.filter((e) => e.dataSource !== null).length;
  }
  times.sort((a, b) => a - b);
  const ms = times[1]!;
  console.log(`events-throughput: ${events.toLocaleString("en")} mixed events (${(input.length / 1048576).toFixed(0)} MB; Sysmon XML, evtx JSON, CloudTrail, auditd) with ${specs.length} data sources`);
  console.log(`  median of 3: ${ms.toFixed(0)} ms = ${Math.round(events / (ms / 1000)).toLocaleString("en")} events/s; ${recognised.toLocaleString("en")} recognised as a data source`);
  console.log(`  peak RSS: ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB`);
}

await main();
