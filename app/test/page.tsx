import type { Metadata } from "next";
import { getCatalog } from "@/lib/content/server";
import { CatalogTester } from "@/components/tester/CatalogTester";
import { warmTesterPayloads } from "@/lib/server/tester-payloads";
import { serverRunUrl } from "@/lib/tester/server-run";
import { formatCount } from "@/lib/detection/numbers";
import { testScope } from "@/lib/catalog/test-scope";
import { SplunkProvider } from "@/components/exports/SplunkSettings";
import { splunkUrlFromEnv } from "@/lib/export/splunk-url";
import { EngineBoot } from "@/components/tester/EngineBoot";
import { enginePayloadUrl, namesPayloadUrl } from "@/lib/tester/catalog-payload";
import { preload } from "react-dom";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Test against the catalog" };

/** `/test`: paste events once, see which analytics of the whole catalog fire. */
export default async function TestPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const catalog = await getCatalog();
  // `?data_source=`, `?story=`, `?technique=`, `?tactic=`: show the results of those analytics only.
  const query = await searchParams;
  const scope = testScope(catalog, query);
  // The result filters (`?show=…&sort=…`) as the URL has them: the first render shows what the link shows.
  const filters = new URLSearchParams(Object.entries(query).flatMap(([k, v]) => (typeof v === "string" && (k === "show" || k === "sort") ? [[k, v]] : []))).toString();
  const splunk = splunkUrlFromEnv(process.env.SPLUNK_URL);
  const version = warmTesterPayloads(catalog);
  // The names the results show: fetched by the page (CatalogTester), asked for from the HTML's head.
  preload(namesPayloadUrl(version), { as: "fetch", crossOrigin: "anonymous" });
  return (
    <main className="mx-auto max-w-screen-xl space-y-4 px-4 py-4">
      <EngineBoot load={{ type: "load", url: enginePayloadUrl(version) }} warmUrl={serverRunUrl(version)} />
      <header>
        <h1 className="text-2xl font-semibold tracking-tight">Test against the catalog</h1>
        <p className="text-sm text-slate-600 dark:text-slate-400">
          Each of the {formatCount(catalog.analytics.length)} analytics runs its own SPL on what you paste, in your browser (the server answers small pastes with the same engine while your browser loads the catalog). Those the engine cannot run faithfully say why instead of guessing.
        </p>
      </header>
      <SplunkProvider serverUrl={splunk.url} serverProblem={splunk.problem}>
        <CatalogTester version={version} scope={scope} filters={filters} />
      </SplunkProvider>
    </main>
  );
}
