"use client";
import { useMemo, useState } from "react";
import { useTable, type PaginationState, type SortingState } from "@tanstack/react-table";
import type { CatalogRow } from "@/lib/catalog/types";
import { COLUMN_CLASS, columns, features } from "@/components/catalog/columns";
import { DataTableView } from "@/components/table/DataTableView";

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
    <DataTableView table={table} caption="The story's analytics. Column headers sort." describedBy={captionId} columnClass={COLUMN_CLASS} />
  );
}
