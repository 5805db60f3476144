import type { Metadata } from "next";
import { getCatalog } from "@/lib/content/server";
import { getContentProblems } from "@/lib/content/problems";
import { pageOf, pageParam } from "@/lib/catalog/paged";
import { PROBLEMS_PAGE_SIZE, ProblemsTable } from "@/components/problems/ProblemsTable";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Content problems" };

/** `/problems`: every file the loader refused or read with a warning, a page at a time (`?page=`). */
export default async function ProblemsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [catalog, problems, query] = await Promise.all([getCatalog(), getContentProblems(), searchParams]);
  const view = pageOf(problems, pageParam(query.page), PROBLEMS_PAGE_SIZE);
  return (
    <main className="mx-auto max-w-screen-xl px-4 py-4">
      <h1 className="mb-3 text-xl font-semibold tracking-tight">Content problems</h1>
      <ProblemsTable problems={problems} view={view} dir={catalog.name} />
    </main>
  );
}
