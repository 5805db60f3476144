/** JSON responses for the API: bodies, errors as `{"error": "…"}`, and 405 with `Allow`. */

const JSON_TYPE = "application/json; charset=utf-8";

export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { "content-type": JSON_TYPE, "cache-control": "no-store", ...headers } });
}

export function error(status: number, message: string, headers: Record<string, string> = {}): Response {
  return json(status, { error: message }, headers);
}

export function methodNotAllowed(request: Request, allowed: readonly string[]): Response {
  return error(405, `method ${request.method} is not allowed here; use ${allowed.join(" or ")}`, { allow: allowed.join(", ") });
}
