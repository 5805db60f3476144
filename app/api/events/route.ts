import { handleEvents } from "@/lib/api/events";
import { methodNotAllowed } from "@/lib/api/respond";
import { serverDeps } from "@/lib/api/server-deps";

export const runtime = "nodejs";
export const dynamic = "force-dynamic";

export function POST(request: Request): Promise<Response> {
  return handleEvents(request, serverDeps);
}

const notAllowed = (request: Request) => methodNotAllowed(request, ["POST"]);
export { notAllowed as GET, notAllowed as PUT, notAllowed as PATCH, notAllowed as DELETE };
