import type { NextConfig } from "next";

/**
 * Headers for every response; the pages' Content-Security-Policy (with a nonce) is set by proxy.ts.
 *
 * No Cross-Origin-Opener-Policy: `same-origin` (or any value but the default) makes the browser
 * open the console in a new browsing context group, so a navigation from another page or a new tab
 * starts a fresh renderer process instead of reusing the current one. Measured with Lighthouse's
 * mobile preset on `/about` served with and without it: 0.82–0.85 against 0.98, TBT ~500 against
 * ~30 ms (bench/README.md, issue 16). The console keeps no sign-in, cookie or per-user state for
 * an opener to probe, and framing stays refused (X-Frame-Options, CSP frame-ancestors).
 */
const SECURITY_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "no-referrer" },
  { key: "X-Frame-Options", value: "DENY" },
];

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // For profiling a production build (bench/main-thread.ts maps its samples back to the sources).
  productionBrowserSourceMaps: process.env.DC_SOURCE_MAPS === "1",
  reactStrictMode: true,
  async headers() {
    return [
      { source: "/:path*", headers: SECURITY_HEADERS },
      // JSON and files: no scripts at all (pages get theirs from proxy.ts).
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
      { source: "/openapi.json", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};

export default nextConfig;
