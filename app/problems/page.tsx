import type { Metadata } from "next";
import { getCatalog } from "@/lib/content/server";
import { getContentProblems } from "@/lib/content/problems";
import { ProblemsTable } from "@/components/problems/ProblemsTable";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Content problems" };

export default async function ProblemsPage() {
  const [catalog, problems] = await Promise.all([getCatalog(), getContentProblems()]);
  return (
    <main className="mx-auto max-w-screen-xl px-4 py-4">
      <h1 className="mb-3 text-xl font-semibold tracking-tight">Content problems</h1>
      <ProblemsTable problems={problems} dir={catalog.dir} />
    </main>
  );
}
