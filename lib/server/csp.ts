/**
 * The Content-Security-Policy of the console's pages (set per request by proxy.ts with a fresh
 * nonce). No 'unsafe-inline' for scripts: Next.js puts the nonce on its own inline and external
 * scripts when it finds one in the request's CSP header (pages are dynamically rendered).
 * - no inline style attributes (no `style-src-attr 'unsafe-inline'`): components use classes
 *   (the global error page too); e2e/security.spec.ts watches for violations.
 * - worker-src 'self' blob:: the live tester's Web Worker.
 * - 'unsafe-eval' and ws: only in development (React's dev tools and hot reload).
 */
export function contentSecurityPolicy(nonce: string, dev: boolean): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    `style-src 'self' 'nonce-${nonce}'`,
    "img-src 'self' data: blob:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws: wss:" : ""}`,
    "worker-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** For JSON and files (no scripts at all). */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";

/** 128 random bits, base64. */
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  let s = "";
  for (const b of bytes) s += String.fromCharCode(b);
  return btoa(s);
}
