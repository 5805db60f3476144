/**
 * `/test/catalog`: what the catalog tester's worker needs, as JSON: every analytic's id, name,
 * slug, search and ATT&CK mapping, the macros, and tactic names. Built once per process.
 */
import { getCatalog } from "@/lib/content/server";
import { tactics } from "@/lib/attack";
import type { CatalogPayload } from "@/lib/tester/catalog-payload";

export const dynamic = "force-dynamic";

let cached: Promise<string> | undefined;

async function build(): Promise<string> {
  const catalog = await getCatalog();
  const payload: CatalogPayload = {
    analytics: catalog.analytics.map((a) => ({
      id: a.id,
      name: a.name,
      slug: a.slug,
      search: a.search,
      attack: a.attack.map((t) => ({ id: t.resolvedId ?? t.id, ...(t.name ? { name: t.name } : {}), tactics: t.tactics })),
    })),
    macros: catalog.macros,
    tacticNames: Object.fromEntries(tactics().map((t) => [t.shortname, t.name])),
  };
  return JSON.stringify(payload);
}

export async function GET(): Promise<Response> {
  cached ??= build();
  try {
    return new Response(await cached, { headers: { "content-type": "application/json; charset=utf-8", "cache-control": "private, max-age=60" } });
  } catch (e) {
    cached = undefined;
    return Response.json({ error: `cannot load the catalog: ${e instanceof Error ? e.message : String(e)}` }, { status: 500 });
  }
}
