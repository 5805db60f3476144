import { getCatalog } from "@/lib/content/server";
import { tactics } from "@/lib/attack";
import { parseCatalogQuery } from "@/lib/catalog";
import { catalogPage, previewFacets } from "@/lib/catalog/page";
import { servedCatalogIndex } from "@/lib/catalog/served";
import { CatalogDataProvider } from "@/components/catalog/catalog-data";
import { CatalogView } from "@/components/catalog/CatalogView";

export const dynamic = "force-dynamic";

/** `/`: the server renders the page the URL asks for; the browser fetches the index for the next ones. */
export default async function CatalogPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [catalog, params] = await Promise.all([getCatalog(), searchParams]);
  const { index, version } = servedCatalogIndex(catalog.analytics, tactics());
  const view = catalogPage(index, parseCatalogQuery(params));
  return (
    <CatalogDataProvider version={version}>
      <CatalogView initial={{ ...view, facets: previewFacets(view.facets) }} />
    </CatalogDataProvider>
  );
}
