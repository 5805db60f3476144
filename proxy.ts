/**
 * Sets the pages' Content-Security-Policy with a fresh nonce per request (lib/server/csp.ts).
 * Next.js reads the nonce from the request's CSP header and puts it on its scripts. API routes
 * and static files get their headers from next.config.ts instead.
 */
import { NextResponse, type NextRequest } from "next/server";
import { API_CSP, contentSecurityPolicy, makeNonce } from "./lib/server/csp";
import { decodeSegment } from "./lib/catalog/decode-segment";

export function proxy(request: NextRequest) {
  // Malformed percent-encoding (`%ZZ`, `%FF`, `%C0%AF`) makes Next's router throw a URIError (a
  // 500 text/plain without headers): answer a JSON 400 on /api, the 404 page elsewhere.
  const malformed = decodeSegment(request.nextUrl.pathname) === undefined;
  if (request.nextUrl.pathname.startsWith("/api/")) {
    if (!malformed) return NextResponse.next();
    const response = NextResponse.json({ error: "malformed percent-encoding in the URL path" }, { status: 400 });
    response.headers.set("content-security-policy", API_CSP);
    response.headers.set("x-content-type-options", "nosniff");
    return response;
  }
  const nonce = makeNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = malformed ? NextResponse.rewrite(new URL("/_malformed-url", request.url), { request: { headers } }) : NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

/**
 * Every page request, prefetches included: a prefetched page (`Purpose: prefetch`,
 * `Sec-Purpose: prefetch`, Next's `Next-Router-Prefetch`) may be shown later, so it carries the
 * same CSP as a normal request. Not the two POST endpoints `/api/match` and `/api/events` (exactly
 * those paths: nothing in them to decode, and their headers come from next.config.ts): running the
 * proxy costs every API request a middleware pass (bench/api-load.ts).
 */
export const config = {
  matcher: ["/((?!_next/static|_next/image|favicon.ico|openapi.json|api/match$|api/events$).*)"],
};
