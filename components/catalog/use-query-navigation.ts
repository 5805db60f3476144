"use client";
/**
 * Moving to another catalog query, for the catalog and ATT&CK pages. Once the page holds the
 * catalog index (catalog-data.tsx), the new query is recorded in the URL in place
 * (history.pushState, which Next's router picks up for useSearchParams and the back button) and
 * the page computes it; a new search text first asks the server which entries match. Before
 * that, the router asks the server for the new page (the controls show the state asked for
 * meanwhile: a ticked box stays ticked).
 */
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useOptimistic, useRef, useState, useTransition } from "react";
import { parseCatalogQuery } from "@/lib/catalog/query";
import type { CatalogQuery } from "@/lib/catalog/types";
import { useCatalogData } from "./catalog-data";

export function useQueryNavigation(hrefOf: (q: CatalogQuery) => string) {
  const params = useSearchParams();
  const router = useRouter();
  const { index, matches, ensure, take, fetchMatches, shown, show } = useCatalogData();
  const [routing, startTransition] = useTransition();
  const [asking, setAsking] = useState(false);
  const latest = useRef(0);
  const urlQuery = useMemo(() => parseCatalogQuery(new URLSearchParams(params.toString())), [params]);
  const [query, setOptimistic] = useOptimistic(urlQuery);

  const navigate = useCallback(
    (next: CatalogQuery, opts: { replace?: boolean } = {}) => {
      const href = hrefOf(next);
      const seq = ++latest.current;
      const inPlace = () => {
        if (seq !== latest.current) return;
        show(next);
        if (opts.replace) window.history.replaceState(null, "", href);
        else window.history.pushState(null, "", href);
      };
      const viaServer = () => {
        if (seq !== latest.current) return;
        startTransition(() => {
          setOptimistic(next);
          if (opts.replace) router.replace(href, { scroll: false });
          else router.push(href, { scroll: false });
        });
      };
      if (!index && !take()) {
        ensure();
        viaServer();
      } else if (!next.q || matches.has(next.q)) {
        inPlace();
      } else {
        setAsking(true);
        void fetchMatches(next.q).then((ok) => {
          if (seq === latest.current) setAsking(false);
          if (ok) inPlace();
          else viaServer();
        });
      }
    },
    [hrefOf, router, setOptimistic, index, matches, ensure, take, fetchMatches, show],
  );

  return { query: shown ?? query, urlQuery: shown ?? urlQuery, navigate, pending: routing || asking };
}
