import type { Metadata } from "next";
import Link from "@/components/ui/Link";
import { notFound, redirect } from "next/navigation";
import { decodeSegment } from "@/lib/catalog/decode-segment";
import { getCatalog, getStory } from "@/lib/content/server";
import { tactics } from "@/lib/attack";
import { computeCoverage } from "@/lib/attack/coverage";
import { indexContent } from "@/lib/content/find";
import { toCatalogEntry } from "@/lib/catalog/build";
import { pageOf, pageParam } from "@/lib/catalog/paged";
import { parseSort } from "@/lib/catalog/query";
import { sortRows } from "@/lib/catalog/sort";
import { Section } from "@/components/ui/Section";
import { Prose } from "@/components/analytic/Prose";
import { ReferencesSection } from "@/components/analytic/ListSections";
import { StoryAnalyticsTable } from "@/components/stories/StoryAnalyticsTable";
import { AttackFootprint } from "@/components/stories/AttackFootprint";
import { formatCount } from "@/lib/detection/numbers";
import { MetaList } from "@/components/ui/MetaList";
import { StoryActions } from "@/components/stories/StoryActions";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** A story's analytics table shows this many rows a page (the sort and page are in the URL). */
const STORY_PAGE_SIZE = 25;

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const key = decodeSegment((await params).slug);
  const story = key === undefined ? undefined : await getStory(key);
  return { title: story ? story.name : "Story not found" };
}

/** `/stories/<slug>` (the story file's name without .yml); an id or exact name redirects to the slug. */
export default async function StoryRoute({ params, searchParams }: Props & { searchParams: SearchParams }) {
  const key = decodeSegment((await params).slug);
  const story = key === undefined ? undefined : await getStory(key);
  if (!story) notFound();
  if (story.slug !== key) redirect(`/stories/${encodeURIComponent(story.slug)}`);
  const catalog = await getCatalog();
  const order = tactics();
  const rows = indexContent(catalog).analyticsInStory(story.name).map((a) => toCatalogEntry(a, order).row);
  const coverage = computeCoverage(rows);
  const query = await searchParams;
  const sort = parseSort(typeof query.sort === "string" ? query.sort : undefined) ?? { column: "name" as const, desc: false };
  const view = pageOf(sortRows(rows, sort.column, sort.desc), pageParam(query.page), STORY_PAGE_SIZE);
  const meta: [string, React.ReactNode][] = [
    ["Category", story.category.join(", ") || "—"],
    ["Use case", story.usecase ?? "—"],
    ["Products", story.products.join(", ") || "—"],
    ["Date", story.date ? <time dateTime={story.date}>{story.date}</time> : "—"],
    ["Author", story.author ?? "—"],
    ["File", <code key="f" className="break-all text-xs">{story.file}</code>],
  ];
  return (
    <main className="mx-auto max-w-screen-xl space-y-6 px-4 py-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/stories" className="text-indigo-800 hover:underline dark:text-indigo-300">
          Analytic stories
        </Link>
      </nav>
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight break-words">{story.name}</h1>
        <section aria-labelledby="description">
          <h2 id="description" className="sr-only">
            Description
          </h2>
          <Prose text={story.description} />
        </section>
        <MetaList items={meta} />
      </header>
      <Section id="narrative" title="Narrative">
        <Prose text={story.narrative} />
      </Section>
      <Section id="analytics" title={`Analytics (${formatCount(rows.length)})`}>
        <StoryActions slug={story.slug} count={rows.length} />
        <StoryAnalyticsTable view={view} sort={sort} />
      </Section>
      <Section id="attack" title="ATT&CK footprint">
        <AttackFootprint coverage={coverage} storyName={story.name} />
      </Section>
      <ReferencesSection references={story.references} />
    </main>
  );
}
