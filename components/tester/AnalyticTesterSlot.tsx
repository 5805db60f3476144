import type { Analytic } from "@/lib/content/types";
import { macrosUsedBy } from "@/lib/tester/macros-used";
import { getCatalog } from "@/lib/content/server";
import { samplesFor } from "@/lib/content/samples";
import { AnalyticTester } from "./AnalyticTester";

/** Server side of the per-analytic tester: only the macros this search uses, and its samples. */
export async function AnalyticTesterSlot({ analytic }: { analytic: Analytic }) {
  const catalog = await getCatalog();
  const samples = await samplesFor(analytic.id);
  return (
    <AnalyticTester
      analytic={{ id: analytic.id, slug: analytic.slug, name: analytic.name, search: analytic.search, rba: analytic.rba }}
      macros={macrosUsedBy(analytic.search, catalog.macros)}
      samples={samples}
    />
  );
}
