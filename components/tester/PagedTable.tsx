"use client";
import { useState } from "react";
import {
  createPaginatedRowModel,
  rowPaginationFeature,
  tableFeatures,
  useTable,
  type ColumnDef,
  type PaginationState,
} from "@tanstack/react-table";
import { DataTableView } from "@/components/table/DataTableView";
import { formatCount } from "@/lib/detection/numbers";

export const pagedFeatures = tableFeatures({ rowPaginationFeature, paginatedRowModel: createPaginatedRowModel() });
export type PagedFeatures = typeof pagedFeatures;

/**
 * A paginated TanStack table (v9) for large results: only one page of rows is in the DOM.
 * `columns` and `data` must be stable (memoised) across renders.
 */
export function PagedTable<T extends object>({
  data,
  columns,
  caption,
  pageSize = 50,
  getRowId,
  testId,
  wide = false,
}: {
  data: T[];
  columns: ColumnDef<PagedFeatures, T>[];
  caption: string;
  pageSize?: number;
  getRowId?: (row: T, index: number) => string;
  testId?: string;
  /** Many columns: keep their natural width and scroll sideways instead of squeezing them. */
  wide?: boolean;
}) {
  const [pagination, setPagination] = useState<PaginationState>({ pageIndex: 0, pageSize });
  const pageCount = Math.max(1, Math.ceil(data.length / pagination.pageSize));
  const pageIndex = Math.min(pagination.pageIndex, pageCount - 1);
  const table = useTable({
    features: pagedFeatures,
    columns,
    data,
    ...(getRowId ? { getRowId: (r: T, i: number) => getRowId(r, i) } : {}),
    state: { pagination: { pageIndex, pageSize: pagination.pageSize } },
    onPaginationChange: setPagination,
    autoResetPageIndex: false,
  });
  const first = data.length === 0 ? 0 : pageIndex * pagination.pageSize + 1;
  const last = Math.min(data.length, (pageIndex + 1) * pagination.pageSize);
  return (
    <div data-testid={testId}>
      <DataTableView table={table} caption={caption} wide={wide} compact />
      <nav aria-label={`Pages of ${caption}`} className="mt-1 flex flex-wrap items-center gap-2 text-sm">
        <span className="text-slate-600 dark:text-slate-400">
          Rows {formatCount(first)}–{formatCount(last)} of {formatCount(data.length)}
        </span>
        <button type="button" className="rounded border border-slate-300 px-2 py-0.5 disabled:opacity-40 dark:border-slate-700" onClick={() => table.previousPage()} disabled={pageIndex === 0}>
          Previous page
        </button>
        <button type="button" className="rounded border border-slate-300 px-2 py-0.5 disabled:opacity-40 dark:border-slate-700" onClick={() => table.nextPage()} disabled={pageIndex >= pageCount - 1}>
          Next page
        </button>
      </nav>
    </div>
  );
}

/** A result row's cell value as text. */
export function cellText(v: unknown, max = 300): string {
  const s = v === undefined || v === null ? "" : Array.isArray(v) ? v.join("\n") : String(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
