/**
 * `/test/engine/<version>`: the catalog as the tester's worker loads it (every search and its plan, the macros: lib/engine EnginePayload). Immutable under its
 * content version; a stale version answers 404. Built once per version (lib/server/tester-payloads).
 */
import { getCatalog } from "@/lib/content/server";
import { payloadResponse } from "@/lib/server/tester-payloads";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ version: string }> }): Promise<Response> {
  const { version } = await ctx.params;
  try {
    return await payloadResponse(await getCatalog(), version, "engine");
  } catch (e) {
    return Response.json({ error: `cannot load the catalog: ${e instanceof Error ? e.message : String(e)}` }, { status: 500 });
  }
}
