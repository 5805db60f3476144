"use client";
import { useMemo, useState } from "react";
import { useTable, type PaginationState, type SortingState } from "@tanstack/react-table";
import type { CatalogRow, SortColumn } from "@/lib/catalog/types";
import { COLUMN_CLASS, columns, features } from "@/components/catalog/columns";
import { ariaSort, SortButton } from "./SortButton";

/** A story's analytics with the catalog's own columns; sorting is local (one page, no URL state). */
export function StoryAnalyticsTable({ rows, captionId }: { rows: CatalogRow[]; captionId?: string }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
  const pagination: PaginationState = useMemo(() => ({ pageIndex: 0, pageSize: Math.max(1, rows.length) }), [rows.length]);
  const table = useTable({
    features,
    columns,
    data: rows,
    getRowId: (r) => r.slug,
    state: { sorting, pagination },
    onSortingChange: setSorting,
    enableMultiSort: false,
  });
  if (rows.length === 0) return <p className="text-sm italic text-slate-500">No analytic in this content names the story.</p>;
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table className="w-full border-collapse text-sm" aria-describedby={captionId}>
        <caption className="sr-only">The story&apos;s analytics. Column headers sort.</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id}>
              {group.headers.map((header) => {
                const sorted = header.column.getIsSorted();
                return (
                  <th
                    key={header.id}
                    scope="col"
                    aria-sort={ariaSort(sorted)}
                    className={`border-b border-slate-200 px-2 py-1.5 font-semibold dark:border-slate-800 ${COLUMN_CLASS[header.column.id as SortColumn] ?? ""}`}
                  >
                    <SortButton sorted={sorted} onClick={header.column.getToggleSortingHandler()}>
                      <table.FlexRender header={header} />
                    </SortButton>
                  </th>
                );
              })}
            </tr>
          ))}
        </thead>
        <tbody>
          {table.getRowModel().rows.map((row) => (
            <tr key={row.id} className="border-b border-slate-100 align-top last:border-0 hover:bg-slate-50 dark:border-slate-800/60 dark:hover:bg-slate-900/60">
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={`px-2 py-1.5 ${COLUMN_CLASS[cell.column.id as SortColumn] ?? ""}`}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
