import { getCatalog } from "@/lib/content/server";
import { tactics } from "@/lib/attack";
import { catalogIndexFor, parseCatalogQuery, queryCatalog } from "@/lib/catalog";
import { CatalogView } from "@/components/catalog/CatalogView";

export const dynamic = "force-dynamic";

export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [catalog, params] = await Promise.all([getCatalog(), searchParams]);
  const index = catalogIndexFor(catalog.analytics, tactics());
  const result = queryCatalog(index, parseCatalogQuery(params));
  return <CatalogView result={result} />;
}
