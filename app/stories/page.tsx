import type { Metadata } from "next";
import { getCatalog } from "@/lib/content/server";
import { indexContent } from "@/lib/content/find";
import { preview, toStoryTuple } from "@/lib/catalog/story-list";
import { servedStoryTexts, storyTextsPath } from "@/lib/catalog/served";
import { StoriesTable } from "@/components/stories/StoriesTable";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Analytic stories" };

/** `/stories`: every analytic story with its category, number of analytics, date and the start of its description. */
export default async function StoriesRoute() {
  const catalog = await getCatalog();
  const index = indexContent(catalog);
  const rows = catalog.stories.map((s) => ({
    slug: s.slug,
    name: s.name,
    category: s.category,
    analytics: index.analyticsInStory(s.name).length,
    ...(s.date ? { date: s.date } : {}),
    preview: preview(s.description),
  }));
  return (
    <main className="mx-auto max-w-screen-2xl space-y-3 px-4 py-4">
      <h1 className="text-xl font-semibold tracking-tight">Analytic stories</h1>
      <p className="max-w-prose text-sm text-slate-600 dark:text-slate-400">
        Stories group analytics around a threat, a campaign or a technique family. An analytic belongs to a story when its{" "}
        <code className="font-sans text-slate-900 dark:text-slate-100">analytic_story</code> tag names it.
      </p>
      <StoriesTable stories={rows.map(toStoryTuple)} textsUrl={storyTextsPath(servedStoryTexts(catalog.stories).version)} />
    </main>
  );
}
