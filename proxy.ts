/**
 * Sets the pages' Content-Security-Policy with a fresh nonce per request (lib/server/csp.ts).
 * Next.js reads the nonce from the request's CSP header and puts it on its scripts. API routes
 * and static files get their headers from next.config.ts instead.
 */
import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, makeNonce } from "./lib/server/csp";

export function proxy(request: NextRequest) {
  const nonce = makeNonce();
  const csp = contentSecurityPolicy(nonce, process.env.NODE_ENV === "development");
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico|openapi.json).*)",
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
      ],
    },
  ],
};
