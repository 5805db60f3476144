/** `/engine-worker/<hash>.js`: the tester's browser worker as one script (lib/server/engine-worker.ts). */
import { engineWorkerResponse } from "@/lib/server/engine-worker";

export const dynamic = "force-dynamic";

export async function GET(_req: Request, ctx: { params: Promise<{ file: string }> }): Promise<Response> {
  const { file } = await ctx.params;
  return engineWorkerResponse(file);
}
