"use client";
import { useMemo } from "react";
import { useSearchParams } from "next/navigation";
import { catalogPage, type CatalogPageView } from "@/lib/catalog/page";
import { parseCatalogQuery } from "@/lib/catalog/query";
import { useCatalogData, useTextMatches } from "./catalog-data";

/**
 * What the catalog shows for the URL's query: computed here from the index once it is loaded
 * (and, for a search text, once the server said which entries match), else the server's page.
 */
export function useCatalogView(initial: CatalogPageView): { view: CatalogPageView; fromIndex: boolean } {
  const params = useSearchParams();
  const data = useCatalogData();
  const urlQuery = useMemo(() => parseCatalogQuery(new URLSearchParams(params.toString())), [params]);
  const query = data.shown ?? urlQuery;
  const matches = useTextMatches(data, query.q);
  const { index } = data;
  return useMemo(() => {
    if (!index || matches === undefined) return { view: initial, fromIndex: false };
    return { view: catalogPage(index, query, matches ? (i) => matches.has(i) : undefined), fromIndex: true };
  }, [index, matches, query, initial]);
}
