/**
 * The one decoder for a URL path segment taken from a route (`/analytics/<slug>`,
 * `/stories/<slug>`, `/api/analytics/<id>`). `decodeURIComponent` throws a URIError on malformed
 * percent-encoding (`%ZZ`, a lone `%`, `%FF`, the overlong `%C0%AF`); that once made those URLs
 * answer 500 text/plain. Here a malformed segment is `undefined`: pages answer their 404 page,
 * the API a JSON 400. Pure; browser-safe.
 */
export function decodeSegment(raw: string): string | undefined {
  try {
    return decodeURIComponent(raw);
  } catch {
    return undefined;
  }
}
