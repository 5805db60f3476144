/**
 * Reads every data source's own `example_log` the way `cli events` does (parseEvents with the
 * content's data sources) and prints: how many examples name their own data source first (target
 * 100 %, done at ≥ 95 %), the others with why, and per data source the share of its `fields:` that
 * the example's text contains which the extraction gives (and overall).
 * Usage: npx tsx scripts/data-source-examples.ts [CONTENT_DIR] [--json]
 */
import { loadCatalog } from "../lib/content/load";
import { parseEvents } from "../lib/events/index";
import type { DataSource } from "../lib/content/types";

const dir = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "../shared/security_content";
const asJson = process.argv.includes("--json");

/** A `fields:` entry the example's text contains: its last name part appears there as a word. */
export function textContains(text: string, field: string): boolean {
  const last = field.split(/\{\}\.|\.|\{\}/).filter(Boolean).at(-1) ?? field;
  if (last.includes("::")) return false;
  const esc = last.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return new RegExp(`(^|[^A-Za-z0-9_])${esc}([^A-Za-z0-9_]|$)`).test(text);
}

interface Row {
  name: string;
  first: string | null;
  candidates: string[];
  ok: boolean;
  why?: string;
  expected: number;
  got: number;
  missing: string[];
}

function check(ds: DataSource, all: DataSource[]): Row {
  const text = ds.exampleLog ?? "";
  const r = parseEvents(text, { dataSources: all });
  const e = r.events[0];
  const first = e?.dataSource ?? e?.candidates[0] ?? null;
  const expectedFields = ds.fields.filter((f) => textContains(text, f));
  const got = e ? expectedFields.filter((f) => Object.prototype.hasOwnProperty.call(e.fields, f)) : [];
  let why: string | undefined;
  if (!e) why = `no event read: ${r.problems.map((p) => p.message).join("; ") || "empty"}`;
  else if (first !== ds.name) why = e.candidates.length > 1 && e.candidates.includes(ds.name) ? `ambiguous with ${e.candidates.filter((c) => c !== ds.name).join(", ")}` : `read as ${first ?? "unrecognised"} (${e.format})`;
  return { name: ds.name, first, candidates: e?.candidates ?? [], ok: first === ds.name, ...(why ? { why } : {}), expected: expectedFields.length, got: got.length, missing: expectedFields.filter((f) => !got.includes(f)) };
}

const catalog = await loadCatalog(dir);
const withExample = catalog.dataSources.filter((d) => d.exampleLog !== undefined);
const rows = withExample.map((d) => check(d, catalog.dataSources));
const ok = rows.filter((r) => r.ok).length;
const expected = rows.reduce((n, r) => n + r.expected, 0);
const got = rows.reduce((n, r) => n + r.got, 0);
if (asJson) {
  console.log(JSON.stringify({ examples: rows.length, ownFirst: ok, fieldsExpected: expected, fieldsGot: got, rows }));
} else {
  console.log(`data sources: ${catalog.dataSources.length}; with an example_log: ${rows.length}`);
  console.log(`example names its own data source first: ${ok}/${rows.length} (${((100 * ok) / rows.length).toFixed(1)} %)`);
  for (const r of rows.filter((x) => !x.ok)) console.log(`  ✘ ${r.name}: ${r.why}`);
  console.log(`fields: listed fields the example contains that were extracted: ${got}/${expected} (${((100 * got) / Math.max(1, expected)).toFixed(1)} %)`);
  for (const r of rows) {
    const share = r.expected === 0 ? "n/a" : `${((100 * r.got) / r.expected).toFixed(0)} %`;
    console.log(`  ${share.padStart(5)}  ${r.got}/${r.expected}  ${r.name}${r.missing.length ? `  missing: ${r.missing.slice(0, 12).join(", ")}${r.missing.length > 12 ? ", …" : ""}` : ""}`);
  }
}
