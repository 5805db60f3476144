import type { Analytic } from "@/lib/content/types";
import { macrosUsedBy } from "@/lib/tester/macros-used";
import { getCatalog } from "@/lib/content/server";
import { samplesFor } from "@/lib/content/samples";
import { dataSourceSpec, readsTables, testerVersion } from "@/lib/server/tester-payloads";
import { AnalyticTester } from "./AnalyticTester";

/**
 * Server side of the per-analytic tester: only the macros this search uses, its samples, its own
 * data sources (their example events), and where the worker fetches every data source.
 */
export async function AnalyticTesterSlot({ analytic, initial }: { analytic: Analytic; initial?: { key: string; input: string } }) {
  const catalog = await getCatalog();
  const samples = await samplesFor(analytic.id);
  const version = encodeURIComponent(testerVersion(catalog));
  return (
    <AnalyticTester
      key={analytic.id}
      analytic={{ id: analytic.id, slug: analytic.slug, name: analytic.name, techniques: analytic.attack.map((t) => t.id), search: analytic.search, rba: analytic.rba }}
      macros={macrosUsedBy(analytic.search, catalog.macros)}
      dataSources={catalog.dataSources.filter((d) => analytic.dataSources.includes(d.name)).map(dataSourceSpec)}
      dataSourcesUrl={`/test/data-sources/${version}`}
      {...(readsTables(catalog, analytic.id) ? { lookupsUrl: `/test/lookups/${version}/${encodeURIComponent(analytic.id)}` } : {})}
      samples={samples}
      {...(initial ? { initial } : {})}
    />
  );
}
