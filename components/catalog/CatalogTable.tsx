"use client";
import { useMemo } from "react";
import { useTable, type PaginationState, type SortingState, type Updater } from "@tanstack/react-table";
import type { CatalogRow, SortColumn } from "@/lib/catalog/types";
import { SORT_COLUMNS, withPage, withSort } from "@/lib/catalog/query";
import { COLUMN_CLASS, columns, features } from "./columns";
import { DataTableView } from "@/components/table/DataTableView";
import { Pager } from "./Pager";
import { useCatalogUrl } from "./use-catalog-url";

export const PAGE_SIZE = 100;

const SORT_OPTIONS: [string, string][] = [
  ["name:asc", "Name (A–Z)"],
  ["risk:desc", "Risk score (highest first)"],
  ["risk:asc", "Risk score (lowest first)"],
  ["date:desc", "Date (newest first)"],
  ["date:asc", "Date (oldest first)"],
  ["type:asc", "Type"],
  ["status:asc", "Status"],
  ["techniques:asc", "Technique"],
  ["tactics:asc", "Tactic"],
  ["source:asc", "Data source"],
];

function apply<T>(updater: Updater<T>, old: T): T {
  return typeof updater === "function" ? (updater as (o: T) => T)(old) : updater;
}

/**
 * The catalog table: rows arrive filtered by the server; sorting and paging happen here, with
 * their state read from and written to the URL.
 */
export function CatalogTable({ rows }: { rows: CatalogRow[] }) {
  const { query, setLocal } = useCatalogUrl();
  const sorting: SortingState = useMemo(() => (query.sort ? [{ id: query.sort.column, desc: query.sort.desc }] : []), [query.sort]);
  const pageCount = Math.max(1, Math.ceil(rows.length / PAGE_SIZE));
  const pageIndex = Math.min(query.page, pageCount) - 1;
  const pagination: PaginationState = useMemo(() => ({ pageIndex, pageSize: PAGE_SIZE }), [pageIndex]);

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => r.slug,
    state: { sorting, pagination },
    onSortingChange: (updater) => {
      const next = apply(updater, sorting)[0];
      const column = next && SORT_COLUMNS.includes(next.id as SortColumn) ? (next.id as SortColumn) : undefined;
      setLocal(withSort(query, column ? { column, desc: next!.desc } : undefined));
    },
    onPaginationChange: (updater) => {
      setLocal(withPage(query, apply(updater, pagination).pageIndex + 1));
    },
    enableMultiSort: false,
    autoResetPageIndex: false,
  });

  const first = rows.length === 0 ? 0 : pageIndex * PAGE_SIZE + 1;
  const last = Math.min(rows.length, (pageIndex + 1) * PAGE_SIZE);

  const sortValue = query.sort ? `${query.sort.column}:${query.sort.desc ? "desc" : "asc"}` : "";
  return (
    <div>
      {/* Narrow screens hide most columns (and their sort buttons): a select sorts instead. */}
      <label className="mb-2 flex items-center gap-2 text-sm md:hidden">
        <span className="text-slate-600 dark:text-slate-400">Sort by</span>
        <select
          value={sortValue}
          onChange={(e) => {
            const [column, dir] = e.target.value.split(":");
            const col = SORT_COLUMNS.find((c) => c === column);
            setLocal(withSort(query, col ? { column: col, desc: dir === "desc" } : undefined));
          }}
          className="rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        >
          <option value="">Catalog order</option>
          {SORT_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <DataTableView
        table={table}
        caption={`Analytics, ${table.state.sorting.length ? "sorted" : "in catalog order"}. Column headers sort.`}
        describedBy="catalog-count"
        columnClass={COLUMN_CLASS}
        emptyMessage="No analytic matches these filters."
      />
      <Pager
        first={first}
        last={last}
        total={rows.length}
        page={pageIndex + 1}
        pageCount={pageCount}
        onPage={(p) => table.setPageIndex(p - 1)}
      />
    </div>
  );
}
