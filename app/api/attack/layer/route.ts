/**
 * GET /api/attack/layer?<catalog filters> — the /attack view as an ATT&CK Navigator layer (format
 * 4.5), downloaded as a JSON attachment. The query parameters are the catalog's (type, status,
 * source, story, tactic, technique, product, domain, q); sort and page are ignored.
 */
import type { NextRequest } from "next/server";
import { getCatalog } from "@/lib/content/server";
import { ATTACK_VERSION } from "@/lib/attack";
import { FACET_LABELS } from "@/lib/catalog/facets";
import { buildNavigatorLayer } from "@/lib/attack/layer-export";
import { publicBaseUrl } from "@/lib/api/public-url";
import { attackView, describeFilters, filterSlug } from "@/lib/catalog/attack-view";

export const dynamic = "force-dynamic";

/** Links to the analytic pages: absolute under PUBLIC_URL, else none; never from request headers. */
export async function GET(request: NextRequest): Promise<Response> {
  const catalog = await getCatalog();
  const { query, coverage } = attackView(catalog.analytics, request.nextUrl.searchParams);
  const filters = describeFilters(query, FACET_LABELS);
  const { stats } = coverage;
  const layer = buildNavigatorLayer(coverage, {
    name: filters ? `Detection Console coverage (${filters})` : "Detection Console coverage",
    description:
      `ATT&CK coverage of ${stats.analytics} of ${catalog.analytics.length} analytics` +
      (filters ? ` (${filters})` : "") +
      `: score = analytics mapped to the technique. Revoked ids count under their replacement.`,
    attackVersion: catalog.attackVersion || ATTACK_VERSION,
    baseUrl: publicBaseUrl(process.env.PUBLIC_URL),
    metadata: [
      { name: "Filters", value: filters || "none" },
      { name: "Content", value: catalog.name },
    ],
  });
  const slug = filterSlug(query);
  const filename = `detection-console-layer${slug ? `-${slug}` : ""}.json`;
  return new Response(JSON.stringify(layer, null, 2), {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${filename}"`,
      "cache-control": "no-store",
    },
  });
}
