import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { decodeSegment } from "@/lib/catalog/decode-segment";
import { getAnalytic, getCatalog } from "@/lib/content/server";
import { tacticNames, techniqueUrl } from "@/lib/attack";
import { buildAnalyticView } from "@/lib/catalog/analytic-view";
import { dataSourceSlugOf } from "@/lib/catalog/data-sources";
import { AnalyticPage } from "@/components/analytic/AnalyticPage";
import { AnalyticTesterSlot } from "@/components/tester/AnalyticTesterSlot";
import { SplunkProvider } from "@/components/exports/SplunkSettings";
import { splunkUrlFromEnv } from "@/lib/export/splunk-url";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const key = decodeSegment((await params).slug);
  const analytic = key === undefined ? undefined : await getAnalytic(key);
  return { title: analytic ? analytic.name : "Analytic not found" };
}

/** `/analytics/<slug>`; `/analytics/<id>` redirects to the slug; anything else is a 404. */
export default async function AnalyticRoute({ params }: Props) {
  const key = decodeSegment((await params).slug);
  const analytic = key === undefined ? undefined : await getAnalytic(key);
  if (!analytic) notFound();
  if (analytic.slug !== key) redirect(`/analytics/${encodeURIComponent(analytic.slug)}`);
  const catalog = await getCatalog();
  const view = buildAnalyticView(analytic, { content: catalog, stories: catalog.stories, tacticNames, techniqueUrl, dataSourceSlug: (n) => dataSourceSlugOf(catalog, n) });
  const splunk = splunkUrlFromEnv(process.env.SPLUNK_URL);
  return (
    <SplunkProvider serverUrl={splunk.url} serverProblem={splunk.problem}>
      <AnalyticPage analytic={analytic} view={view} tester={<AnalyticTesterSlot analytic={analytic} />} />
    </SplunkProvider>
  );
}
