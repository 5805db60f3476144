"use client";
import { useMemo, useState } from "react";
import Link from "next/link";
import { createColumnHelper, createSortedRowModel, rowSortingFeature, tableFeatures, useTable, type SortingState } from "@tanstack/react-table";
import { DataTableView } from "@/components/table/DataTableView";

export interface StoryRow {
  slug: string;
  name: string;
  category: string[];
  analytics: number;
  date?: string;
  description: string;
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
const helper = createColumnHelper<typeof features, StoryRow>();
type R = { original: StoryRow };

const columns = helper.columns([
  helper.accessor("name", {
    id: "name",
    header: "Story",
    sortFn: (a: R, b: R) => a.original.name.localeCompare(b.original.name, "en"),
    cell: ({ row }) => (
      <div>
        <Link href={`/stories/${row.original.slug}`} className="font-medium text-indigo-800 hover:underline dark:text-indigo-300">
          {row.original.name}
        </Link>
        <p className="mt-0.5 line-clamp-2 max-w-prose text-xs text-slate-600 dark:text-slate-400">{row.original.description}</p>
      </div>
    ),
  }),
  helper.accessor((r) => r.category.join(", "), {
    id: "category",
    header: "Category",
    sortFn: (a: R, b: R) => a.original.category.join(", ").localeCompare(b.original.category.join(", "), "en") || a.original.name.localeCompare(b.original.name, "en"),
    cell: ({ row }) => row.original.category.join(", ") || <span className="text-slate-400">—</span>,
  }),
  helper.accessor("analytics", {
    id: "analytics",
    header: "Analytics",
    sortDescFirst: true,
    sortFn: (a: R, b: R) => a.original.analytics - b.original.analytics || b.original.name.localeCompare(a.original.name, "en"),
    cell: ({ row }) => <span className="tabular-nums">{row.original.analytics}</span>,
  }),
  helper.accessor((r) => r.date ?? "", {
    id: "date",
    header: "Date",
    sortDescFirst: true,
    sortFn: (a: R, b: R) => (a.original.date ?? "").localeCompare(b.original.date ?? "") || b.original.name.localeCompare(a.original.name, "en"),
    cell: ({ row }) => <time dateTime={row.original.date}>{row.original.date ?? "—"}</time>,
  }),
]);

const CELL: Record<string, string> = {
  name: "min-w-[14rem]",
  category: "hidden sm:table-cell",
  analytics: "text-right",
  date: "hidden md:table-cell whitespace-nowrap",
};

/** Every analytic story: sortable by name, category, analytics count and date; filterable by text. */
export function StoriesTable({ rows }: { rows: StoryRow[] }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
  const [text, setText] = useState("");
  const needle = text.trim().toLowerCase();
  const data = useMemo(
    () => (needle ? rows.filter((r) => `${r.name}\n${r.description}\n${r.category.join(" ")}`.toLowerCase().includes(needle)) : rows),
    [rows, needle],
  );
  const table = useTable({ features, columns, data, getRowId: (r) => r.slug, state: { sorting }, onSortingChange: setSorting, enableMultiSort: false });
  return (
    <div className="space-y-2">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <label className="flex items-center gap-2 text-sm">
          <span className="text-slate-600 dark:text-slate-400">Filter</span>
          <input
            type="search"
            value={text}
            onChange={(e) => setText(e.target.value)}
            placeholder="Name, description or category"
            className="w-64 max-w-[60vw] rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
          />
        </label>
        <p id="stories-count" className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
          {data.length === rows.length ? `${rows.length} stories` : `${data.length} of ${rows.length} stories`}
        </p>
      </div>
      <DataTableView table={table} caption="Analytic stories. Column headers sort." describedBy="stories-count" columnClass={CELL} emptyMessage="No story matches." />
    </div>
  );
}
