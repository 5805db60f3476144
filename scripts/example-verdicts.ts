/**
 * Issue 13's check on real events: each data source's own `example_log`, read as `cli events`
 * reads it, asked of every analytic that lists that data source. Every pair must get a verdict or
 * a named reason (a reason code), never an error. Prints the counts match / no_match / batch (the
 * search is judged over a batch) / not_testable, the reason codes, and any pair without a code.
 * Usage: npx tsx scripts/example-verdicts.ts [CONTENT_DIR] [--json]
 */
import { loadCatalog } from "../lib/content/load";
import { parseEvents, toEventInput } from "../lib/events/index";
import { contentOf, matchers } from "../lib/engine/index";

const dir = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "../shared/security_content";
const asJson = process.argv.includes("--json");

const catalog = await loadCatalog(dir);
const content = contentOf(catalog);
const counts = { match: 0, no_match: 0, batch: 0, not_testable: 0 };
const codes = new Map<string, number>();
const errors: string[] = [];
let examples = 0;

for (const ds of catalog.dataSources) {
  if (ds.exampleLog === undefined) continue;
  const read = parseEvents(ds.exampleLog, { dataSources: catalog.dataSources });
  const first = read.events[0];
  if (!first) continue;
  examples++;
  const event = toEventInput(first);
  for (const a of catalog.analytics.filter((x) => x.dataSources.includes(ds.name))) {
    const v = matchers.matcher(content, a).evaluate(event);
    if (v.verdict === "not_testable") {
      const code = v.code ?? "";
      if (!code || code === "internal_error") errors.push(`${ds.name} × ${a.name}: ${v.reason}`);
      if (code === "batch_aggregate" || code === "batch_order" || code === "batch_subsearch") counts.batch++;
      else counts.not_testable++;
      codes.set(code || "(none)", (codes.get(code || "(none)") ?? 0) + 1);
    } else counts[v.verdict]++;
  }
}

const pairs = counts.match + counts.no_match + counts.batch + counts.not_testable;
if (asJson) console.log(JSON.stringify({ examples, pairs, ...counts, codes: Object.fromEntries(codes), errors }));
else {
  console.log(`${examples} data source examples × the analytics that list each: ${pairs} pairs`);
  console.log(`  match ${counts.match}, no_match ${counts.no_match}, batch ${counts.batch}, not_testable ${counts.not_testable}`);
  for (const [code, n] of [...codes].sort((a, b) => b[1] - a[1])) console.log(`    ${String(n).padStart(5)}  ${code}`);
  console.log(errors.length ? `✘ ${errors.length} pairs without a named reason:\n  ${errors.join("\n  ")}` : "✔ every pair has a verdict or a named reason");
}
process.exitCode = errors.length ? 1 : 0;
