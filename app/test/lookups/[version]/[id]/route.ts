/**
 * `/test/lookups/<version>/<id>`: the lookup tables one analytic reads, for its page's worker
 * (lib/server/tester-payloads lookupsResponse). Immutable under its content version.
 */
import { getCatalog } from "@/lib/content/server";
import { lookupsResponse } from "@/lib/server/tester-payloads";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ version: string; id: string }> }): Promise<Response> {
  const { version, id } = await ctx.params;
  try {
    return lookupsResponse(await getCatalog(), version, id);
  } catch (e) {
    return Response.json({ error: `cannot load the catalog: ${e instanceof Error ? e.message : String(e)}` }, { status: 500 });
  }
}
