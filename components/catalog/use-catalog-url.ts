"use client";
/** The catalog's state (search, filters, sort, page) lives in the URL: see use-query-navigation.ts. */
import { catalogHref } from "@/lib/catalog/query";
import { useQueryNavigation } from "./use-query-navigation";

const href = (q: Parameters<typeof catalogHref>[0]) => catalogHref(q);

export function useCatalogUrl() {
  const { query, navigate, pending } = useQueryNavigation(href);
  return { query, navigate, pending };
}
