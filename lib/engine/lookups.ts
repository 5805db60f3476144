/**
 * Lookup tables in the content version, and tables a user supplies (CLI `--lookup`, API
 * `lookups`, the tester's upload) laid over a content's: the user's table replaces the content's
 * table of that name and keeps its definition's matching rules; a name the content does not define
 * gets Splunk's defaults (exact, case-sensitive). The version changes with the tables, so compiled
 * matchers never mix one table with another.
 */
import { tableOf, type LookupSource, type LookupTable } from "../detection/lookups";
import { contentVersion } from "../detection/version";
import { versionOf, type ContentSource } from "./index";

/** What enters the content version for one lookup. */
export function* lookupParts(l: LookupSource): Iterable<string> {
  yield l.name;
  yield JSON.stringify([l.filename ?? "", l.collection ?? "", l.matchTypes ?? [], l.caseSensitiveMatch ?? null, l.minMatches ?? null, l.maxMatches ?? null, l.defaultMatch ?? null]);
  yield l.stamp ?? (l.table ? tableStamp(l.table) : l.load ? "load" : "none");
}

/** A hash of a table's cells. */
export function tableStamp(t: LookupTable): string {
  return contentVersion((function* () {
    yield t.fields.join("\u0001");
    for (const r of t.rows) yield r.join("\u0001");
  })());
}

/** A definition's plain options (no table, no loader). */
export function definitionOf(l: LookupSource): LookupSource {
  const { name, filename, collection, matchTypes, caseSensitiveMatch, minMatches, maxMatches, defaultMatch } = l;
  return { name, ...(filename ? { filename } : {}), ...(collection ? { collection } : {}), ...(matchTypes ? { matchTypes } : {}), ...(caseSensitiveMatch !== undefined ? { caseSensitiveMatch } : {}), ...(minMatches !== undefined ? { minMatches } : {}), ...(maxMatches !== undefined ? { maxMatches } : {}), ...(defaultMatch !== undefined ? { defaultMatch } : {}) };
}

/** The lookups as plain data for another thread: definitions with their tables inline (loaded here). */
export function lookupsForThread(lookups: readonly LookupSource[]): LookupSource[] {
  return lookups.map((l) => ({ ...definitionOf(l), table: tableOf(l), ...(l.origin ? { origin: l.origin } : {}), ...(l.stamp ? { stamp: l.stamp } : {}) }));
}

/**
 * The content with the user's tables by lookup name (as a search names it: a definition's name or
 * its file name). Without tables, the content itself.
 */
export function withLookups<C extends ContentSource>(content: C, tables: Readonly<Record<string, LookupTable>>): C {
  const names = Object.keys(tables);
  if (names.length === 0) return content;
  const existing = content.lookups ?? [];
  const supplied: LookupSource[] = names.sort().map((name) => {
    const def = existing.find((l) => l.name === name) ?? existing.find((l) => l.filename === name);
    const table = tables[name]!;
    return { ...(def ? definitionOf(def) : { name }), table, origin: "user", stamp: tableStamp(table) };
  });
  // A user's table under a file name also answers to the definition's name, and vice versa.
  const replaced = new Set(supplied.map((s) => s.name));
  const lookups = [...existing.filter((l) => !replaced.has(l.name)), ...supplied];
  const base = content.version ?? versionOf(content);
  const version = contentVersion([base, ...supplied.flatMap((s) => [s.name, s.stamp ?? ""])]);
  return { ...content, lookups, version };
}
