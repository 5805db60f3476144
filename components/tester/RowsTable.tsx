"use client";
import { useMemo } from "react";
import type { ColumnDef } from "@tanstack/react-table";
import type { Row } from "@/lib/detection/types";
import { PagedTable, cellText, type PagedFeatures } from "./PagedTable";
import { formatCount } from "@/lib/detection/numbers";

/** The rows a search returns over a batch (aggregating searches), columns from the rows' fields. */
export function RowsTable({ rows, totalRows, caption }: { rows: Row[]; totalRows: number; caption: string }) {
  const columns = useMemo<ColumnDef<PagedFeatures, Row>[]>(() => {
    const names: string[] = [];
    for (const r of rows.slice(0, 200)) for (const k of Object.keys(r)) if (!names.includes(k)) names.push(k);
    return names.slice(0, 20).map((name) => ({
      id: name,
      header: name,
      accessorFn: (r: Row) => r[name],
      cell: (info: { getValue: () => unknown }) => <span className="block max-w-[24rem] whitespace-pre-wrap font-mono text-xs">{cellText(info.getValue())}</span>,
    }));
  }, [rows]);
  return (
    <div className="space-y-1">
      <PagedTable data={rows} columns={columns} caption={caption} pageSize={25} testId="batch-rows" wide />
      {totalRows > rows.length && <p className="text-xs text-slate-600 dark:text-slate-400">Showing the first {formatCount(rows.length)} of {formatCount(totalRows)} rows.</p>}
    </div>
  );
}
