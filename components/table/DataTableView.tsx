"use client";
import type { ReactNode } from "react";
import type { Header, RowData, TableFeatures } from "@tanstack/react-table";
import type { ReactTable } from "@tanstack/react-table";

type SortDirection = false | "asc" | "desc";

/** The sorting API a column has when the table registers `rowSortingFeature` (absent otherwise). */
interface SortableColumn {
  getCanSort?: () => boolean;
  getIsSorted?: () => SortDirection;
  getToggleSortingHandler?: () => undefined | ((event: unknown) => void);
}

export function ariaSort(sorted: SortDirection): "ascending" | "descending" | "none" {
  return sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : "none";
}

/** A column header's sort button with its visible arrow (the `th` carries aria-sort). */
export function SortButton({ sorted, onClick, children }: { sorted: SortDirection; onClick?: (e: unknown) => void; children: ReactNode }) {
  return (
    <button
      type="button"
      onClick={onClick}
      className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:text-white"
    >
      {children}
      <span aria-hidden="true" className="w-3">
        {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
      </span>
    </button>
  );
}

const cx = (...parts: (string | false | undefined)[]) => parts.filter(Boolean).join(" ");

/**
 * Renders a TanStack Table (v9) instance as a bordered, horizontally scrollable `<table>`: a header
 * row (columns that can sort get a button, `aria-sort` and an arrow) and one body row per row of
 * the current row model. The table owns state and models; this owns only markup.
 */
export function DataTableView<TFeatures extends TableFeatures, TData extends RowData, TSelected>({
  table,
  caption,
  describedBy,
  columnClass = {},
  wide = false,
  compact = false,
  rowGrid,
  emptyMessage,
}: {
  table: ReactTable<TFeatures, TData, TSelected>;
  /** Screen-reader caption of the table. */
  caption: ReactNode;
  /** `aria-describedby` of the table (e.g. a visible row count). */
  describedBy?: string;
  /** Extra classes per column id for both `th` and `td` (responsive hiding, widths, alignment). */
  columnClass?: Record<string, string>;
  /** Many columns: keep their natural width and scroll sideways instead of squeezing them. */
  wide?: boolean;
  /** Tighter cells that break long values anywhere, and no row hover (large result tables). */
  compact?: boolean;
  /**
   * Many rows: each row is a CSS grid, laid out only near the screen (`content-visibility: auto`,
   * which a table row cannot have). The class names the rows' columns (`.name tr`, one track per
   * column shown at each width). The table, its groups and rows keep their roles explicitly.
   */
  rowGrid?: string;
  /** Shown under the header when the row model is empty. */
  emptyMessage?: string;
}) {
  const rows = table.getRowModel().rows;
  const role = (r: string) => (rowGrid ? r : undefined);
  return (
    <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
      <table className={cx("border-collapse text-sm", wide ? "w-max min-w-full" : "w-full", rowGrid && `dc-grid-table ${rowGrid}`)} role={role("table")} aria-describedby={describedBy}>
        <caption className="sr-only">{caption}</caption>
        <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400" role={role("rowgroup")}>
          {table.getHeaderGroups().map((group) => (
            <tr key={group.id} role={role("row")}>
              {group.headers.map((header) => (
                <HeaderCell key={header.id} header={header} table={table} className={columnClass[header.column.id]} role={role("columnheader")} />
              ))}
            </tr>
          ))}
        </thead>
        <tbody role={role("rowgroup")}>
          {rows.map((row) => (
            <tr key={row.id} className={compact ? "dc-tr" : "dc-tr dc-tr-hover"} role={role("row")}>
              {row.getAllCells().map((cell) => (
                <td key={cell.id} className={cx(compact ? "dc-td-compact" : "dc-td", columnClass[cell.column.id])}>
                  <table.FlexRender cell={cell} />
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
      {emptyMessage && rows.length === 0 && <p className="p-6 text-center text-sm text-slate-600 dark:text-slate-400">{emptyMessage}</p>}
    </div>
  );
}

function HeaderCell<TFeatures extends TableFeatures, TData extends RowData, TSelected>({
  header,
  table,
  className,
  role,
}: {
  header: Header<TFeatures, TData>;
  table: ReactTable<TFeatures, TData, TSelected>;
  className?: string;
  role?: string;
}) {
  const th = cx("border-b border-slate-200 px-2 py-1.5 font-semibold dark:border-slate-800", className);
  if (header.isPlaceholder) return <th scope="col" className={th} role={role} />;
  const column = header.column as SortableColumn;
  if (!column.getIsSorted || !column.getCanSort?.()) {
    return (
      <th scope="col" className={th} role={role}>
        <table.FlexRender header={header} />
      </th>
    );
  }
  const sorted = column.getIsSorted();
  return (
    <th scope="col" aria-sort={ariaSort(sorted)} className={th} role={role}>
      <SortButton sorted={sorted} onClick={column.getToggleSortingHandler?.()}>
        <table.FlexRender header={header} />
      </SortButton>
    </th>
  );
}
