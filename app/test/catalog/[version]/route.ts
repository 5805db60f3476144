/**
 * `/test/catalog/<version>`: what the catalog tester's page shows of each analytic (names, slugs, ATT&CK) in catalog order, and tactic names. Immutable under its
 * content version; a stale version answers 404. Built once per version (lib/server/tester-payloads).
 */
import { getCatalog } from "@/lib/content/server";
import { payloadResponse } from "@/lib/server/tester-payloads";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ version: string }> }): Promise<Response> {
  const { version } = await ctx.params;
  try {
    return await payloadResponse(await getCatalog(), version, "names");
  } catch (e) {
    return Response.json({ error: `cannot load the catalog: ${e instanceof Error ? e.message : String(e)}` }, { status: 500 });
  }
}
