/** Unknown API paths answer JSON 404, like the rest of the API (not the HTML not-found page). */
import { error } from "@/lib/api/respond";

export const dynamic = "force-dynamic";

function notFound(request: Request): Response {
  return error(404, `no API endpoint at ${new URL(request.url).pathname}; see /openapi.json`);
}

export { notFound as GET, notFound as POST, notFound as PUT, notFound as PATCH, notFound as DELETE };
