import type { Metadata } from "next";
import { notFound, redirect } from "next/navigation";
import { getAnalytic, getCatalog } from "@/lib/content/server";
import { tacticNames, techniqueUrl } from "@/lib/attack";
import { buildAnalyticView } from "@/lib/catalog/analytic-view";
import { AnalyticPage } from "@/components/analytic/AnalyticPage";
import { AnalyticTesterSlot } from "@/components/tester/AnalyticTesterSlot";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const analytic = await getAnalytic(decodeURIComponent(slug));
  return { title: analytic ? analytic.name : "Analytic not found" };
}

/** `/analytics/<slug>`; `/analytics/<id>` redirects to the slug; anything else is a 404. */
export default async function AnalyticRoute({ params }: Props) {
  const { slug } = await params;
  const key = decodeURIComponent(slug);
  const analytic = await getAnalytic(key);
  if (!analytic) notFound();
  if (analytic.slug !== key) redirect(`/analytics/${encodeURIComponent(analytic.slug)}`);
  const catalog = await getCatalog();
  const view = buildAnalyticView(analytic, { macros: catalog.macros, stories: catalog.stories, tacticNames, techniqueUrl });
  return <AnalyticPage analytic={analytic} view={view} tester={<AnalyticTesterSlot analytic={analytic} />} />;
}
