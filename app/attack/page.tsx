import type { Metadata } from "next";
import { getCatalog } from "@/lib/content/server";
import { ATTACK_VERSION, tactics } from "@/lib/attack";
import { ATTACK_FACETS, MENU_PREVIEW, attackView, matrixSources } from "@/lib/catalog/attack-view";
import { previewFacets } from "@/lib/catalog/page";
import { servedCatalogIndex } from "@/lib/catalog/served";
import { CatalogDataProvider } from "@/components/catalog/catalog-data";
import { AttackPage } from "@/components/attack/AttackPage";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "ATT&CK coverage" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * `/attack`: the Enterprise matrix shaded by analytic count, under the catalog's filters. The
 * server sends what the matrix counts need; the browser fetches the catalog index for the names
 * and for the next filters.
 */
export default async function AttackRoute({ searchParams }: Props) {
  const [catalog, params] = await Promise.all([getCatalog(), searchParams]);
  const { version } = servedCatalogIndex(catalog.analytics, tactics());
  const { result, coverage } = attackView(catalog.analytics, params);
  const initial = { sources: matrixSources(result.rows, coverage), facets: previewFacets(result.facets, MENU_PREVIEW, ATTACK_FACETS), total: result.total };
  return (
    <CatalogDataProvider version={version}>
      <AttackPage initial={initial} attackVersion={catalog.attackVersion || ATTACK_VERSION} />
    </CatalogDataProvider>
  );
}
