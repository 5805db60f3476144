/**
 * `/test/data-sources/<version>`: every data source as the tester's worker recognises pasted events
 * with it (lib/server/tester-payloads). Immutable under its content version; a stale version answers 404.
 */
import { getCatalog } from "@/lib/content/server";
import { payloadResponse } from "@/lib/server/tester-payloads";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ version: string }> }): Promise<Response> {
  const { version } = await ctx.params;
  try {
    return await payloadResponse(await getCatalog(), version, "dataSources");
  } catch (e) {
    return Response.json({ error: `cannot load the data sources: ${e instanceof Error ? e.message : String(e)}` }, { status: 500 });
  }
}
