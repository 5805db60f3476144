import { handleAnalyticsList } from "@/lib/api/analytics";
import { methodNotAllowed } from "@/lib/api/respond";
import { serverDeps } from "@/lib/api/server-deps";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function GET(): Promise<Response> {
  return handleAnalyticsList(serverDeps);
}

const notAllowed = (request: Request) => methodNotAllowed(request, ["GET"]);
export { notAllowed as POST, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
