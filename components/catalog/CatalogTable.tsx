"use client";
import { useMemo } from "react";
import { useTable, type SortingState, type Updater } from "@tanstack/react-table";
import type { SortColumn } from "@/lib/catalog/types";
import { PAGE_SIZE, type CatalogPageView } from "@/lib/catalog/page";
import { SORT_COLUMNS, withPage, withSort } from "@/lib/catalog/query";
import { COLUMN_CLASS, columns, features } from "./columns";
import { DataTableView } from "@/components/table/DataTableView";
import { Pager } from "./Pager";
import { useCatalogUrl } from "./use-catalog-url";

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
 * The catalog table: one page of rows, already filtered, sorted and cut (lib/catalog/page.ts, on
 * the server or from the index here); headers and the pager change the sort and page in the URL.
 */
export function CatalogTable({ view }: { view: CatalogPageView }) {
  const { query, navigate } = useCatalogUrl();
  const setLocal = navigate;
  const sorting: SortingState = useMemo(() => (query.sort ? [{ id: query.sort.column, desc: query.sort.desc }] : []), [query.sort]);
  const { rows, page, pageCount, matched } = view;

  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => r.slug,
    state: { sorting },
    onSortingChange: (updater) => {
      const next = apply(updater, sorting)[0];
      const column = next && SORT_COLUMNS.includes(next.id as SortColumn) ? (next.id as SortColumn) : undefined;
      setLocal(withSort(query, column ? { column, desc: next!.desc } : undefined));
    },
    manualSorting: true,
    enableMultiSort: false,
  });

  const first = matched === 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
  const last = Math.min(matched, page * PAGE_SIZE);

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
          <option value="">Default (production first, A–Z)</option>
          {SORT_OPTIONS.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </label>
      <DataTableView
        table={table}
        caption={`Analytics, ${table.state.sorting.length ? "sorted" : "production first, deprecated last, then by name"}. Column headers sort.`}
        describedBy="catalog-count"
        columnClass={COLUMN_CLASS}
        emptyMessage="No analytic matches these filters."
      />
      <Pager
        first={first}
        last={last}
        total={matched}
        page={page}
        pageCount={pageCount}
        onPage={(p) => setLocal(withPage(query, p))}
      />
    </div>
  );
}
