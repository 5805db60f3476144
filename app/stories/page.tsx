import type { Metadata } from "next";
import { getCatalog } from "@/lib/content/server";
import { indexCatalog } from "@/lib/content/lookup";
import { StoriesTable, type StoryRow } from "@/components/stories/StoriesTable";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Analytic stories" };

/** `/stories`: every analytic story with its category, number of analytics and date. */
export default async function StoriesRoute() {
  const catalog = await getCatalog();
  const index = indexCatalog(catalog);
  const rows: StoryRow[] = catalog.stories.map((s) => ({
    slug: s.slug,
    name: s.name,
    category: s.category,
    analytics: index.analyticsInStory(s.name).length,
    ...(s.date ? { date: s.date } : {}),
    description: s.description,
  }));
  return (
    <main className="mx-auto max-w-screen-2xl space-y-3 px-4 py-4">
      <h1 className="text-xl font-semibold tracking-tight">Analytic stories</h1>
      <p className="max-w-prose text-sm text-slate-600 dark:text-slate-400">
        Stories group analytics around a threat, a campaign or a technique family. An analytic belongs to a story when its{" "}
        <code className="text-xs">analytic_story</code> tag names it.
      </p>
      <StoriesTable rows={rows} />
    </main>
  );
}
