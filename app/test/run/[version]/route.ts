/**
 * `POST /test/run/<version>`: the /test page's first answers while its worker loads the catalog
 * (lib/server/tester-run.ts). JSON `{ input, only? }` → `{ messages }`, the worker's own messages.
 */
import { getCatalog } from "@/lib/content/server";
import { methodNotAllowed } from "@/lib/api/respond";
import { serverRunResponse } from "@/lib/api/tester-run";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export async function POST(req: Request, ctx: { params: Promise<{ version: string }> }): Promise<Response> {
  const { version } = await ctx.params;
  return serverRunResponse(await getCatalog(), version, req);
}

const notAllowed = (request: Request) => methodNotAllowed(request, ["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
