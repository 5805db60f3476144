/**
 * Builds lib/spl/fixtures/escu-searches.json from a splunk/security_content checkout: a stratified
 * sample of real ESCU searches (every data model, every source macro family, every command the
 * catalog uses, every type and status), the macros they expand, and every regular-expression
 * literal of the catalog. The engine's catalog-wide drift guards read it, so they run on a clean
 * clone. Copied data (Apache-2.0, splunk/security_content): see lib/spl/fixtures/README.md.
 *
 *   npx tsx scripts/build-spl-fixture.ts [../shared/security_content]
 */
import { writeFileSync } from "node:fs";
import path from "node:path";
import { loadCatalog } from "../lib/content/load";
import { expandMacros, indexMacros } from "../lib/spl/macros";
import { regexLiterals } from "../lib/spl/fixtures/regex-literals";

const dir = path.resolve(process.argv[2] ?? path.join(import.meta.dirname, "../../shared/security_content"));
const OUT = path.join(import.meta.dirname, "../lib/spl/fixtures/escu-searches.json");
const PER_KEY = 6;

const catalog = await loadCatalog(dir);
const index = indexMacros(catalog.macros);

/** The features a search shows: its data model or source macro, its commands, type and status. */
function keysOf(search: string, expanded: string, type: string, status: string): string[] {
  const keys = [`type:${type}`, `status:${status}`];
  const dm = /datamodel\s*[=:]\s*"?([\w.]+)/i.exec(expanded)?.[1];
  keys.push(dm ? `dm:${dm}` : `macro:${/^\s*\(?\s*`(\w+)`/.exec(search)?.[1] ?? "none"}`);
  for (const m of expanded.matchAll(/\|\s*([a-z]+)/g)) keys.push(`cmd:${m[1]}`);
  if (/\[\s*\|?\s*\w/.test(expanded)) keys.push("subsearch");
  return keys;
}

const chosen = new Set<string>();
const count = new Map<string, number>();
for (const a of catalog.analytics) {
  const expanded = expandMacros(a.search, index).text;
  const keys = keysOf(a.search, expanded, a.type, a.status);
  if (!keys.some((k) => (count.get(k) ?? 0) < PER_KEY)) continue;
  chosen.add(a.id);
  for (const k of keys) count.set(k, (count.get(k) ?? 0) + 1);
}

const analytics = catalog.analytics.filter((a) => chosen.has(a.id)).map((a) => ({ id: a.id, name: a.name, slug: a.slug, search: a.search }));
/** Macro names a text invokes (`name` or `name(args)` between backticks). */
const invoked = (text: string) => [...text.matchAll(/`([A-Za-z0-9_\-.:]+)\s*(?:\(|`)/g)].map((m) => m[1]!);
const used = new Set<string>();
const queue = analytics.flatMap((a) => invoked(a.search));
while (queue.length) {
  const name = queue.pop()!;
  if (used.has(name)) continue;
  used.add(name);
  for (const m of catalog.macros) if (m.name.replace(/\(\d+\)$/, "") === name) queue.push(...invoked(m.definition));
}
const macros = catalog.macros.filter((m) => used.has(m.name.replace(/\(\d+\)$/, ""))).map((m) => ({ name: m.name, args: m.args, definition: m.definition }));
const regexes = [...new Set(catalog.analytics.flatMap((a) => regexLiterals(a.search)))].sort();

writeFileSync(OUT, JSON.stringify({ source: "splunk/security_content (ESCU 4.42), Apache-2.0", analytics, macros, regexes }, null, 1) + "\n");
console.log(`${analytics.length} searches, ${macros.length} macros, ${regexes.length} regex literals → ${path.relative(process.cwd(), OUT)}`);
