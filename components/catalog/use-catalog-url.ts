"use client";
/**
 * The catalog's state lives in the URL. Filters and search go through the router (the server
 * filters and counts); sort and page change the URL in place (the table sorts in the browser),
 * via history.pushState, which Next's router picks up for useSearchParams and the back button.
 */
import { useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useOptimistic, useTransition } from "react";
import { catalogHref, parseCatalogQuery } from "@/lib/catalog/query";
import type { CatalogQuery } from "@/lib/catalog/types";

export function useCatalogUrl() {
  const params = useSearchParams();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const urlQuery = useMemo(() => parseCatalogQuery(new URLSearchParams(params.toString())), [params]);
  // While the server answers, controls show the state the user asked for (a ticked box stays ticked).
  const [query, setOptimistic] = useOptimistic(urlQuery);

  /** Filters or search changed: ask the server for the new rows and counts. */
  const navigate = useCallback(
    (next: CatalogQuery, opts: { replace?: boolean } = {}) => {
      const href = catalogHref(next);
      startTransition(() => {
        setOptimistic(next);
        if (opts.replace) router.replace(href, { scroll: false });
        else router.push(href, { scroll: false });
      });
    },
    [router, setOptimistic],
  );

  /** Sort or page changed: the rows are already here; just record the state in the URL. */
  const setLocal = useCallback((next: CatalogQuery) => {
    window.history.pushState(null, "", catalogHref(next));
  }, []);

  return { query, navigate, setLocal, pending };
}
