"use client";
/**
 * The compact catalog index in the browser (lib/catalog/compact.ts): fetched once per content
 * version from its immutable URL when the page has loaded and the browser is idle (or at once when
 * the user needs it), then shared by every component of the page. With it, filters, facets,
 * sorting and paging are computed here; a text search asks the server which entries match.
 * Until it arrives (or if it cannot), the page asks the server as before.
 *
 * Fetched is not yet used, nor even parsed: the page parses and decodes the index, and switches
 * to it, only when the user first asks for something (`ensure`, `take`). Switching re-renders the
 * table and facets from the index, a long task on a phone; done at load it blocked the main thread
 * for nothing, since the server already rendered the same rows (and parsing the 77 KB of JSON at
 * idle was itself a long task on a phone, counted in Lighthouse's TBT).
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from "react";
import { useSearchParams } from "next/navigation";
import type { CatalogIndex } from "@/lib/catalog/build";
import type { CatalogQuery } from "@/lib/catalog/types";
import { decodeCatalogIndex, isCompactCatalog } from "@/lib/catalog/compact";
import { whenIdleAfterLoad } from "@/components/ui/when-idle";

/** The index's body per version, as fetched (undefined when it could not be). */
const bodies = new Map<string, Promise<string | undefined>>();
/** The body once it has arrived, for a synchronous switch at the user's first request. */
const arrived = new Map<string, string>();
/** Parsed and decoded at first use (undefined: the body was not a catalog index). */
const decoded = new Map<string, CatalogIndex | undefined>();
const searches = new Map<string, Promise<ReadonlySet<number> | undefined>>();

function fetchIndex(version: string): Promise<string | undefined> {
  let p = bodies.get(version);
  if (!p) {
    p = fetch(`/catalog-index/${encodeURIComponent(version)}`)
      .then((r) => (r.ok ? r.text() : undefined))
      .catch(() => undefined);
    p.then((text) => text !== undefined && arrived.set(version, text));
    bodies.set(version, p);
  }
  return p;
}

/** The index if its body has arrived, parsed and decoded once. */
function arrivedIndex(version: string): CatalogIndex | undefined {
  if (decoded.has(version)) return decoded.get(version);
  const text = arrived.get(version);
  if (text === undefined) return undefined;
  let index: CatalogIndex | undefined;
  try {
    const v: unknown = JSON.parse(text);
    index = isCompactCatalog(v) ? decodeCatalogIndex(v) : undefined;
  } catch {
    index = undefined;
  }
  decoded.set(version, index);
  arrived.delete(version);
  return index;
}

function loadIndex(version: string): Promise<CatalogIndex | undefined> {
  return fetchIndex(version).then(() => arrivedIndex(version));
}

function loadMatches(version: string, q: string): Promise<ReadonlySet<number> | undefined> {
  const key = `${version}\n${q}`;
  let p = searches.get(key);
  if (!p) {
    p = fetch(`/catalog-index/${encodeURIComponent(version)}/search?q=${encodeURIComponent(q)}`)
      .then((r) => (r.ok ? r.json() : undefined))
      .then((v: { q?: unknown; matches?: unknown } | undefined) =>
        v && v.q === q && Array.isArray(v.matches) ? new Set(v.matches.filter((n): n is number => Number.isInteger(n))) : undefined,
      )
      .catch(() => undefined);
    p.then((m) => m ?? searches.delete(key));
    searches.set(key, p);
  }
  return p;
}

export interface CatalogData {
  version: string;
  index?: CatalogIndex;
  /** Text → entries matching it, for the texts asked so far. */
  matches: ReadonlyMap<string, ReadonlySet<number>>;
  /** Starts loading the index now and uses it once it is here (no-op once in use). */
  ensure(): void;
  /** The index, if it has arrived (and uses it from now on); undefined while it has not. */
  take(): CatalogIndex | undefined;
  /** Resolves true once the matches of `q` are known here (false when the server could not say). */
  fetchMatches(q: string): Promise<boolean>;
  /**
   * The query just recorded in the URL in place, shown at once: Next's router applies a
   * pushState to useSearchParams in a transition, a moment later. Valid while the URL is still
   * the one it replaced.
   */
  shown?: CatalogQuery;
  show(query: CatalogQuery): void;
}

const Context = createContext<CatalogData | undefined>(undefined);

export function CatalogDataProvider({ version, children }: { version: string; children: ReactNode }) {
  const [index, setIndex] = useState<CatalogIndex>();
  const [matches, setMatches] = useState<ReadonlyMap<string, ReadonlySet<number>>>(() => new Map());
  const params = useSearchParams().toString();
  const [asked, setAsked] = useState<{ query: CatalogQuery; from: string }>();
  const shown = asked && asked.from === params ? asked.query : undefined;
  const show = useCallback((query: CatalogQuery) => setAsked({ query, from: params }), [params]);
  const ensure = useCallback(() => {
    void loadIndex(version).then((i) => i && setIndex(i));
  }, [version]);
  const take = useCallback(() => {
    const i = arrivedIndex(version);
    if (i) setIndex(i);
    return i;
  }, [version]);
  useEffect(() => whenIdleAfterLoad(() => void fetchIndex(version)), [version]);
  // The server rendered the first URL's rows; any other URL (back, forward, a pushState) is
  // computed here, so it needs the index.
  const [first] = useState(params);
  useEffect(() => {
    if (params !== first) ensure();
  }, [params, first, ensure]);
  const fetchMatches = useCallback(
    async (q: string) => {
      const m = await loadMatches(version, q);
      if (m) setMatches((old) => (old.get(q) === m ? old : new Map(old).set(q, m)));
      return !!m;
    },
    [version],
  );
  const value = useMemo(
    () => ({ version, index, matches, ensure, take, fetchMatches, shown, show }),
    [version, index, matches, ensure, take, fetchMatches, shown, show],
  );
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useCatalogData(): CatalogData {
  const data = useContext(Context);
  if (!data) throw new Error("useCatalogData outside CatalogDataProvider");
  return data;
}

/** The text matches of `q` (undefined while unknown: they are fetched; an empty query needs none). */
export function useTextMatches(data: CatalogData, q: string): ReadonlySet<number> | undefined | null {
  const known = q ? data.matches.get(q) : null;
  const { index, fetchMatches } = data;
  useEffect(() => {
    if (index && q && known === undefined) void fetchMatches(q);
  }, [index, q, known, fetchMatches]);
  return known;
}
