/**
 * JSON served under a URL that changes with its content (a content version or a hash in the path):
 * cached forever by the browser, revalidated by its ETag.
 */
export const IMMUTABLE = "public, max-age=31536000, immutable";

export function immutableJson(body: string, etag: string): Response {
  return new Response(body, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": IMMUTABLE, etag: `"${etag}"` } });
}
