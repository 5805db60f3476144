/**
 * `/catalog-index/<version>/search?q=…`: which entries of that index (by position) match a text
 * search, decided on the server where the names, descriptions and SPL are (lib/catalog/facets.ts).
 */
import { getCatalog } from "@/lib/content/server";
import { tactics } from "@/lib/attack";
import { textMatches } from "@/lib/catalog/facets";
import { parseCatalogQuery } from "@/lib/catalog/query";
import { servedCatalogIndex } from "@/lib/catalog/served";
import { IMMUTABLE } from "@/lib/server/immutable";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ version: string }> }): Promise<Response> {
  const [{ version }, catalog] = await Promise.all([params, getCatalog()]);
  const served = servedCatalogIndex(catalog.analytics, tactics());
  if (version !== served.version) return Response.json({ error: "this catalog version is no longer served; reload the page" }, { status: 404 });
  // The same trimming as the page's own `q`.
  const q = parseCatalogQuery(new URL(req.url).searchParams).q;
  return Response.json({ q, matches: textMatches(served.index, q) }, { headers: { "cache-control": IMMUTABLE } });
}
