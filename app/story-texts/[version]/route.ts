/**
 * `/story-texts/<version>`: every story's full description by slug. The /stories page lists each
 * story with the start of its description and fetches this when someone first types in its
 * filter. Immutable: the version is a hash of the texts; another version is a 404.
 */
import { getCatalog } from "@/lib/content/server";
import { servedStoryTexts } from "@/lib/catalog/served";
import { immutableJson } from "@/lib/server/immutable";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, { params }: { params: Promise<{ version: string }> }): Promise<Response> {
  const [{ version }, catalog] = await Promise.all([params, getCatalog()]);
  const served = servedStoryTexts(catalog.stories);
  if (version !== served.version) return Response.json({ error: "these stories are no longer served; reload the page" }, { status: 404 });
  return immutableJson(served.json, served.version);
}
