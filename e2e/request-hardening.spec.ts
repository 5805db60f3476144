import { expect, test } from "@playwright/test";

/**
 * Issue 14, items 9 and 12 (built-in content): malformed percent-encoding answers a 4xx with the
 * security headers (JSON on /api, the HTML 404 page elsewhere), never a 500 text/plain; prefetch
 * requests get the same CSP as normal ones, and the CSP allows no inline style attributes.
 */
const MALFORMED = ["%ZZ", "%", "%FF", "%C0%AF"];

test("malformed percent-encoding: /api answers a JSON 4xx with the security headers", async ({ request }) => {
  for (const bad of MALFORMED) {
    const response = await request.get(`/api/analytics/${bad}`);
    expect([400, 404], bad).toContain(response.status());
    const h = response.headers();
    expect(h["content-type"], bad).toMatch(/^application\/json/);
    expect(h["x-content-type-options"], bad).toBe("nosniff");
    expect(h["content-security-policy"], bad).toContain("default-src 'none'");
    expect(typeof (await response.json()).error, bad).toBe("string");
  }
});

test("malformed percent-encoding: pages answer the HTML not-found page with the CSP", async ({ request }) => {
  for (const base of ["/analytics/", "/stories/"]) {
    for (const bad of MALFORMED) {
      const response = await request.get(`${base}${bad}`);
      const what = `${base}${bad}`;
      expect([400, 404], what).toContain(response.status());
      const h = response.headers();
      expect(h["content-type"], what).toMatch(/^text\/html/);
      expect(h["x-content-type-options"], what).toBe("nosniff");
      expect(h["content-security-policy"], what).toMatch(/script-src 'self' 'nonce-/);
    }
  }
});

test("prefetch requests get the same CSP as normal ones; no inline style attributes allowed", async ({ request }) => {
  const normal = (await request.get("/")).headers()["content-security-policy"] ?? "";
  expect(normal).toMatch(/script-src 'self' 'nonce-/);
  expect(normal).not.toContain("unsafe-inline");
  const strip = (csp: string) => csp.replace(/'nonce-[^']+'/g, "'nonce'");
  const variants: Array<Record<string, string>> = [{ Purpose: "prefetch" }, { "Sec-Purpose": "prefetch" }, { "Sec-Purpose": "prefetch;prerender" }, { "Next-Router-Prefetch": "1" }];
  for (const headers of variants) {
    const response = await request.get("/", { headers });
    const csp = response.headers()["content-security-policy"] ?? "";
    expect(strip(csp), JSON.stringify(headers)).toBe(strip(normal));
  }
});
