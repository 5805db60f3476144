import type { Metadata } from "next";
import { testScopeHref } from "@/lib/catalog/test-scope-href";
import { notFound, redirect } from "next/navigation";
import { getCatalog } from "@/lib/content/server";
import { buildDataSourceView, findDataSource } from "@/lib/catalog/data-sources";
import { dataSourceSlug } from "@/lib/content/data-source";
import { encodeState } from "@/lib/tester/permalink";
import { DataSourcePage } from "@/components/data-sources/DataSourcePage";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const d = findDataSource(await getCatalog(), decodeURIComponent((await params).slug));
  return { title: d ? d.name : "Data source not found" };
}

/** `/data-sources/<slug>` (the file name without .yml); a data source's name redirects to the slug. */
export default async function DataSourceRoute({ params }: Props) {
  const key = decodeURIComponent((await params).slug);
  const catalog = await getCatalog();
  const d = findDataSource(catalog, key);
  if (!d) notFound();
  const slug = dataSourceSlug(d);
  if (slug !== key) redirect(`/data-sources/${encodeURIComponent(slug)}`);
  const view = buildDataSourceView(catalog, d);
  // The example against the analytics that read it: /test scoped to this data source, the example in the link.
  const testHref = d.exampleLog ? `${testScopeHref("data_source", slug)}#${await encodeState({ input: d.exampleLog })}` : undefined;
  return <DataSourcePage view={view} testHref={testHref} />;
}
