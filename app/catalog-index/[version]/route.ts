/**
 * `/catalog-index/<version>`: the compact catalog index (lib/catalog/compact.ts) the catalog and
 * ATT&CK pages fetch after load, so that filters, facets, sorting and paging answer in the
 * browser. Immutable: the version is a hash of the content; another version is a 404.
 */
import { getCatalog } from "@/lib/content/server";
import { tactics } from "@/lib/attack";
import { servedCatalogIndex } from "@/lib/catalog/served";
import { immutableJson } from "@/lib/server/immutable";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ version: string }> }): Promise<Response> {
  const [{ version }, catalog] = await Promise.all([params, getCatalog()]);
  const served = servedCatalogIndex(catalog.analytics, tactics());
  if (version !== served.version) return Response.json({ error: "this catalog version is no longer served; reload the page" }, { status: 404 });
  return immutableJson(served.json, served.version);
}
