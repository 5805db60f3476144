"use client";
import { useEffect, useMemo, useState } from "react";
import Link from "@/components/ui/Link";
import { createColumnHelper, createSortedRowModel, rowSortingFeature, tableFeatures, useTable, type SortingState } from "@tanstack/react-table";
import { DataTableView } from "@/components/table/DataTableView";
import { formatCount } from "@/lib/detection/numbers";
import { compareText } from "@/lib/detection/collate";
import { TableFilter } from "@/components/ui/TableFilter";
import { filterStories, fromStoryTuple, type StoryRow, type StoryTuple } from "@/lib/catalog/story-list";

/** Every story's full description by slug, fetched once per version when the filter is first used. */
const texts = new Map<string, Promise<Record<string, string> | undefined>>();
function loadTexts(url: string): Promise<Record<string, string> | undefined> {
  let p = texts.get(url);
  if (!p) {
    p = fetch(url)
      .then((r) => (r.ok ? (r.json() as Promise<Record<string, string>>) : undefined))
      .catch(() => undefined);
    texts.set(url, p);
  }
  return p;
}

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
const helper = createColumnHelper<typeof features, StoryRow>();
type R = { original: StoryRow };

const columns = helper.columns([
  helper.accessor("name", {
    id: "name",
    header: "Story",
    sortFn: (a: R, b: R) => compareText(a.original.name, b.original.name),
    cell: ({ row }) => (
      <>
        <Link href={`/stories/${row.original.slug}`} className="dc-link">
          {row.original.name}
        </Link>
        <p className="dc-story-desc">{row.original.preview}</p>
      </>
    ),
  }),
  helper.accessor((r) => r.category.join(", "), {
    id: "category",
    header: "Category",
    sortFn: (a: R, b: R) => compareText(a.original.category.join(", "), b.original.category.join(", ")) || compareText(a.original.name, b.original.name),
    cell: ({ row }) => row.original.category.join(", ") || <span className="text-slate-400">—</span>,
  }),
  helper.accessor("analytics", {
    id: "analytics",
    header: "Analytics",
    sortDescFirst: true,
    sortFn: (a: R, b: R) => a.original.analytics - b.original.analytics || compareText(b.original.name, a.original.name),
    cell: ({ row }) => formatCount(row.original.analytics),
  }),
  helper.accessor((r) => r.date ?? "", {
    id: "date",
    header: "Date",
    sortDescFirst: true,
    sortFn: (a: R, b: R) => compareText(a.original.date ?? "", b.original.date ?? "") || compareText(b.original.name, a.original.name),
    cell: ({ row }) => <time dateTime={row.original.date}>{row.original.date ?? "—"}</time>,
  }),
]);

/** Short classes (app/globals.css): every story is a row, so each byte is paid 250 times. */
const CELL: Record<string, string> = { name: "dc-st-name", category: "dc-st-cat", analytics: "dc-st-n", date: "dc-st-date" };

/**
 * Every analytic story: sortable by name, category, analytics count and date; filterable by text
 * (name, category and the full description, fetched from `textsUrl` when the filter is first used).
 */
export function StoriesTable({ stories, textsUrl }: { stories: StoryTuple[]; textsUrl: string }) {
  const rows = useMemo(() => stories.map(fromStoryTuple), [stories]);
  const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
  const [text, setText] = useState("");
  const [full, setFull] = useState<Record<string, string>>();
  const needle = text.trim().toLowerCase();
  useEffect(() => {
    if (needle && !full) void loadTexts(textsUrl).then((t) => t && setFull(t));
  }, [needle, full, textsUrl]);
  const data = useMemo(() => (needle ? filterStories(rows, needle, full) : rows), [rows, needle, full]);
  const table = useTable({ features, columns, data, getRowId: (r) => r.slug, state: { sorting }, onSortingChange: setSorting, enableMultiSort: false });
  return (
    <div className="space-y-2">
      <TableFilter
        value={text}
        onChange={setText}
        onFocus={() => void loadTexts(textsUrl).then((t) => t && setFull(t))}
        placeholder="Name, description or category"
        shown={data.length}
        total={rows.length}
        noun="stories"
        countId="stories-count"
      />
      <DataTableView table={table} caption="Analytic stories. Column headers sort." describedBy="stories-count" columnClass={CELL} rowGrid="dc-st-grid" emptyMessage="No story matches." />
    </div>
  );
}
