import type { Metadata } from "next";
import { getCatalog } from "@/lib/content/server";
import { ATTACK_VERSION } from "@/lib/attack";
import { attackView, filterSearch } from "@/lib/attack/view";
import { AttackPage } from "@/components/attack/AttackPage";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "ATT&CK coverage" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** `/attack`: the Enterprise matrix shaded by analytic count, under the catalog's filters. */
export default async function AttackRoute({ searchParams }: Props) {
  const [catalog, params] = await Promise.all([getCatalog(), searchParams]);
  const { query, result, coverage } = attackView(catalog.analytics, params);
  return (
    <AttackPage
      coverage={coverage}
      facets={result.facets}
      query={query}
      total={result.total}
      layerHref={`/api/attack/layer${filterSearch(query)}`}
      attackVersion={catalog.attackVersion || ATTACK_VERSION}
    />
  );
}
