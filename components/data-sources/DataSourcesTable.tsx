"use client";
import { useMemo, useState } from "react";
import Link from "@/components/ui/Link";
import { createColumnHelper, createSortedRowModel, rowSortingFeature, tableFeatures, useTable, type SortingState } from "@tanstack/react-table";
import type { DataSourceRow } from "@/lib/catalog/data-sources";
import { catalogHref, emptyFilters, emptyQuery } from "@/lib/catalog/query";
import { DataTableView } from "@/components/table/DataTableView";
import { TableFilter } from "@/components/ui/TableFilter";
import { formatCount } from "@/lib/detection/numbers";
import { compareText } from "@/lib/detection/collate";

const features = tableFeatures({ rowSortingFeature, sortedRowModel: createSortedRowModel() });
const helper = createColumnHelper<typeof features, DataSourceRow>();
type R = { original: DataSourceRow };
const byName = (a: R, b: R) => compareText(a.original.name, b.original.name);
const byText = (f: (r: DataSourceRow) => string) => (a: R, b: R) => compareText(f(a.original), f(b.original)) || byName(a, b);
const dash = <span className="text-slate-400">—</span>;

const columns = helper.columns([
  helper.accessor("name", {
    id: "name",
    header: "Data source",
    sortFn: byName,
    cell: ({ row }) => (
      <Link href={`/data-sources/${encodeURIComponent(row.original.slug)}`} className="dc-link">
        {row.original.name}
      </Link>
    ),
  }),
  helper.accessor((r) => r.source ?? "", {
    id: "source",
    header: "Source",
    sortFn: byText((r) => r.source ?? ""),
    cell: ({ row }) => row.original.source ?? dash,
  }),
  helper.accessor((r) => r.sourcetype ?? "", {
    id: "sourcetype",
    header: "Sourcetype",
    sortFn: byText((r) => r.sourcetype ?? ""),
    cell: ({ row }) => row.original.sourcetype ?? dash,
  }),
  helper.accessor((r) => r.addOn.join(", "), {
    id: "addon",
    header: "Add-on",
    sortFn: byText((r) => r.addOn.join(", ")),
    cell: ({ row }) => row.original.addOn.join(", ") || dash,
  }),
  helper.accessor("analytics", {
    id: "analytics",
    header: "Analytics",
    sortDescFirst: true,
    sortFn: (a: R, b: R) => a.original.analytics - b.original.analytics || byName(b, a),
    cell: ({ row }) =>
      row.original.analytics > 0 ? (
        <a href={catalogHref({ ...emptyQuery(), filters: { ...emptyFilters(), source: [row.original.name] } })} className="dc-link tabular-nums" title="Open them in the catalog">
          {formatCount(row.original.analytics)}
        </a>
      ) : (
        <span className="tabular-nums">0</span>
      ),
  }),
]);

const CELL: Record<string, string> = {
  name: "min-w-[12rem]",
  source: "hidden md:table-cell break-all font-mono text-xs",
  sourcetype: "hidden sm:table-cell break-all font-mono text-xs",
  addon: "hidden lg:table-cell",
  analytics: "text-right",
};

/** Every data source of the content: sortable columns, filterable by text. */
export function DataSourcesTable({ rows }: { rows: DataSourceRow[] }) {
  const [sorting, setSorting] = useState<SortingState>([{ id: "name", desc: false }]);
  const [text, setText] = useState("");
  const needle = text.trim().toLowerCase();
  const data = useMemo(
    () => (needle ? rows.filter((r) => [r.name, r.source, r.sourcetype, ...r.addOn].join("\n").toLowerCase().includes(needle)) : rows),
    [rows, needle],
  );
  const table = useTable({ features, columns, data, getRowId: (r) => r.slug, state: { sorting }, onSortingChange: setSorting, enableMultiSort: false });
  return (
    <div className="space-y-2">
      <TableFilter value={text} onChange={setText} placeholder="Name, source, sourcetype or add-on" shown={data.length} total={rows.length} noun="data sources" countId="data-sources-count" />
      <DataTableView table={table} caption="Data sources. Column headers sort." describedBy="data-sources-count" columnClass={CELL} emptyMessage="No data source matches." />
    </div>
  );
}
