"use client";
/**
 * The /attack filters live in the URL with the catalog's params (no sort, no page; the selected
 * technique's hash is kept): see use-query-navigation.ts.
 */
import { useMemo } from "react";
import { catalogHref } from "@/lib/catalog/query";
import type { CatalogQuery } from "@/lib/catalog/types";
import { useQueryNavigation } from "@/components/catalog/use-query-navigation";

const href = (next: CatalogQuery) => catalogHref({ ...next, sort: undefined, page: 1 }, "/attack") + window.location.hash;

const filtersOnly = (q: CatalogQuery): CatalogQuery => ({ ...q, sort: undefined, page: 1 });

export function useAttackUrl() {
  const { query, urlQuery, navigate, pending } = useQueryNavigation(href);
  return { query: useMemo(() => filtersOnly(query), [query]), urlQuery: useMemo(() => filtersOnly(urlQuery), [urlQuery]), navigate, pending };
}
