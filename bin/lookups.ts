/**
 * `--lookup name=file.csv` (match, run, explain): tables the user supplies, read with the
 * project's CSV reader under the user limits, laid over the content's tables of the same name
 * (lib/engine withLookups: the definition's matching rules stay). Errors are one-line values.
 */
import type { LookupTable } from "../lib/detection/lookups";
import type { ContentSource } from "../lib/engine/index";
import { withLookups } from "../lib/engine/index";
import { readLookupCsv, USER_TABLE_LIMITS } from "../lib/events/lookup-csv";
import type { CliIO } from "./io";

export const LOOKUP_HELP = `  --lookup NAME=FILE  a CSV lookup table for NAME (a lookup definition's name or file name),
                    e.g. --lookup identity_lookup_expanded=ids.csv; repeatable. It replaces
                    the content's table of that name and keeps its matching rules`;

export type WithLookups = { ok: true; content: ContentSource } | { ok: false; error: string };

export async function withUserLookups(content: ContentSource, values: readonly string[], io: CliIO): Promise<WithLookups> {
  const tables: Record<string, LookupTable> = {};
  for (const v of values) {
    const eq = v.indexOf("=");
    const name = eq > 0 ? v.slice(0, eq).trim() : "";
    const file = eq > 0 ? v.slice(eq + 1).trim() : "";
    if (!name || !file) return { ok: false, error: `--lookup expects NAME=FILE, not "${v}"` };
    let text: string;
    try {
      text = await io.readFile(file);
    } catch (e) {
      return { ok: false, error: `--lookup ${name}: cannot read ${file}: ${(e as { code?: string }).code ?? String(e)}` };
    }
    const r = readLookupCsv(text, USER_TABLE_LIMITS);
    if (!r.ok) return { ok: false, error: `--lookup ${name}: ${file} line ${r.line}: ${r.error}` };
    tables[name] = r.table;
  }
  return { ok: true, content: withLookups(content, tables) };
}
