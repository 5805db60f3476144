/**
 * Lookup tables as a rule language reads them: a definition (a security_content `lookups/*.yml`,
 * Splunk's transforms.conf stanza) and its table as plain data. The engine never reads files: the
 * content loader (Node) or a surface (a user's CSV) hands tables in through the ContentContext.
 * A table is loaded on first use (`load`), or given inline (`table`) when it crosses a thread.
 */

/** A CSV lookup table: its header and its rows (cells as text, "" for an empty cell). */
export interface LookupTable {
  fields: readonly string[];
  rows: readonly (readonly string[])[];
}

export interface LookupMatchType {
  type: "WILDCARD" | "CIDR";
  field: string;
}

/** A lookup definition; every option is Splunk's default when absent. */
export interface LookupDefinition {
  name: string;
  /** The CSV file it reads (`filename`); absent for a KV store collection. */
  filename?: string;
  /** A KV store collection (ES, baselines): never shipped as a table. */
  collection?: string;
  matchTypes?: readonly LookupMatchType[];
  /** Default true. */
  caseSensitiveMatch?: boolean;
  /** Default 0. */
  minMatches?: number;
  /** Default 100. */
  maxMatches?: number;
  /** Default "" (used only when min_matches > 0). */
  defaultMatch?: string;
}

/** A definition with its table: inline, or loaded on first use. Neither: the table is not available. */
export interface LookupSource extends LookupDefinition {
  table?: LookupTable | null;
  load?: () => LookupTable | null;
  /** Who provides the table: the content folder, or the user (CLI, API, tester). */
  origin?: "content" | "user";
  /** Changes when the table does (size and time, or a hash): part of the content version. */
  stamp?: string;
}

const loaded = new WeakMap<LookupSource, LookupTable | null>();

/** The source's table (loaded once), or null when neither the content nor the user provides it. */
export function tableOf(s: LookupSource): LookupTable | null {
  if (s.table !== undefined) return s.table;
  if (!s.load) return null;
  let t = loaded.get(s);
  if (t === undefined) {
    t = s.load();
    loaded.set(s, t);
  }
  return t;
}

/** Could the source give a table (without loading it)? */
export function hasTable(s: LookupSource): boolean {
  return s.table !== undefined ? s.table !== null : !!s.load;
}

/**
 * Lookups by the name a search uses: the definition's name, or its file name (`inputlookup
 * x.csv`). A later source of the same name replaces an earlier one (a user's table over the
 * content's).
 */
export function indexLookups(sources: readonly LookupSource[]): ReadonlyMap<string, LookupSource> {
  const byName = new Map<string, LookupSource>();
  const byFile = new Map<string, LookupSource>();
  for (const s of sources) {
    byName.set(s.name, s);
    if (s.filename) byFile.set(s.filename, s);
  }
  for (const [f, s] of byFile) if (!byName.has(f)) byName.set(f, s);
  return byName;
}
