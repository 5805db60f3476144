"use client";
import { useMemo, useTransition } from "react";
import { usePathname, useRouter } from "next/navigation";
import { useTable, type SortingState, type Updater } from "@tanstack/react-table";
import type { CatalogRow, CatalogSort, SortColumn } from "@/lib/catalog/types";
import type { Paged } from "@/lib/catalog/paged";
import { SORT_COLUMNS, formatSort } from "@/lib/catalog/query";
import { COLUMN_CLASS, columns, features } from "@/components/catalog/columns";
import { DataTableView } from "@/components/table/DataTableView";
import { Pager } from "@/components/catalog/Pager";

/** `?sort=…&page=…` of a story page (the name order and page 1 are the defaults, left out). */
export function storyQueryHref(path: string, sort: CatalogSort, page: number): string {
  const params = new URLSearchParams();
  if (sort.column !== "name" || sort.desc) params.set("sort", formatSort(sort));
  if (page > 1) params.set("page", String(page));
  const qs = params.toString();
  return qs ? `${path}?${qs}` : path;
}

/**
 * A story's analytics with the catalog's own columns and comparators: the server renders the page
 * of rows the URL asks for (sorted, cut to a page); headers and the pager change the URL.
 */
export function StoryAnalyticsTable({ view, sort, captionId }: { view: Paged<CatalogRow>; sort: CatalogSort; captionId?: string }) {
  const router = useRouter();
  const path = usePathname();
  const [pending, startTransition] = useTransition();
  const sorting: SortingState = useMemo(() => [{ id: sort.column, desc: sort.desc }], [sort]);
  const go = (next: CatalogSort, page: number) => startTransition(() => router.push(storyQueryHref(path, next, page), { scroll: false }));
  const table = useTable({
    features,
    columns,
    data: view.rows,
    getRowId: (r) => r.slug,
    state: { sorting },
    onSortingChange: (updater: Updater<SortingState>) => {
      const s = (typeof updater === "function" ? updater(sorting) : updater)[0];
      const column = s && SORT_COLUMNS.find((c) => c === s.id);
      go(column ? { column: column as SortColumn, desc: s.desc } : { column: "name", desc: false }, 1);
    },
    manualSorting: true,
    enableMultiSort: false,
  });
  if (view.total === 0) return <p className="text-sm italic text-slate-500">No analytic in this content names the story.</p>;
  return (
    <div aria-busy={pending}>
      <DataTableView table={table} caption="The story's analytics. Column headers sort." describedBy={captionId} columnClass={COLUMN_CLASS} />
      <Pager first={view.first} last={view.last} total={view.total} page={view.page} pageCount={view.pageCount} onPage={(p) => go(sort, p)} />
    </div>
  );
}
