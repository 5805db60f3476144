"use client";
/**
 * The /attack filters live in the URL with the catalog's params; changing them asks the server
 * again. While it answers, the controls show the state asked for (a ticked box stays ticked).
 */
import { useRouter } from "next/navigation";
import { useCallback, useOptimistic, useTransition } from "react";
import { catalogHref } from "@/lib/catalog/query";
import type { CatalogQuery } from "@/lib/catalog/types";

export function useAttackUrl(serverQuery: CatalogQuery) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [query, setOptimistic] = useOptimistic(serverQuery);
  const navigate = useCallback(
    (next: CatalogQuery) => {
      const href = catalogHref({ ...next, sort: undefined, page: 1 }, "/attack") + window.location.hash;
      startTransition(() => {
        setOptimistic(next);
        router.push(href, { scroll: false });
      });
    },
    [router, setOptimistic],
  );
  return { query, navigate, pending };
}
