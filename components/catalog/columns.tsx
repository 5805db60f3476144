/** Column definitions of the catalog table (TanStack Table v9), with the shared comparators. */
import Link from "next/link";
import {
  createColumnHelper,
  createPaginatedRowModel,
  createSortedRowModel,
  rowPaginationFeature,
  rowSortingFeature,
  tableFeatures,
} from "@tanstack/react-table";
import type { CatalogRow, SortColumn } from "@/lib/catalog/types";
import { ROW_COMPARATORS } from "@/lib/catalog/sort";
import { SeverityBadge } from "@/components/ui/badges";
import { TechniqueList } from "./TechniqueList";

export const features = tableFeatures({
  rowSortingFeature,
  sortedRowModel: createSortedRowModel(),
  rowPaginationFeature,
  paginatedRowModel: createPaginatedRowModel(),
});

const helper = createColumnHelper<typeof features, CatalogRow>();

const by = (col: SortColumn) => (a: { original: CatalogRow }, b: { original: CatalogRow }) => ROW_COMPARATORS[col](a.original, b.original);

/** Which columns hide on narrow screens (their content moves under the name). */
export const COLUMN_CLASS: Record<SortColumn, string> = {
  name: "min-w-[12rem]",
  type: "hidden sm:table-cell",
  status: "hidden 2xl:table-cell",
  source: "hidden xl:table-cell max-w-[11rem] [overflow-wrap:anywhere]",
  techniques: "hidden md:table-cell",
  tactics: "hidden lg:table-cell",
  risk: "text-right",
  severity: "hidden sm:table-cell",
  date: "hidden lg:table-cell whitespace-nowrap",
};

function List({ items, max = 2 }: { items: string[]; max?: number }) {
  if (items.length === 0) return <span className="text-slate-400">—</span>;
  const shown = items.slice(0, max);
  const more = items.length - shown.length;
  return (
    <span title={items.join("\n")}>
      {shown.join(", ")}
      {more > 0 && <span className="text-slate-500"> +{more}</span>}
    </span>
  );
}

export const columns = helper.columns([
  helper.accessor("name", {
    id: "name",
    header: "Name",
    sortFn: by("name"),
    cell: ({ row }) => {
      const r = row.original;
      return (
        <div>
          <Link href={`/analytics/${r.slug}`} className="font-medium text-indigo-800 hover:underline dark:text-indigo-300">
            {r.name}
          </Link>
          {/* On narrow screens, the hidden columns' essentials. */}
          <div className="mt-0.5 text-xs text-slate-600 md:hidden dark:text-slate-400">
            <span className="sm:hidden">{r.type} · {r.severity} · </span>
            {r.techniques.map((t) => t.resolvedId ?? t.id).join(", ") || "no technique"}
          </div>
        </div>
      );
    },
  }),
  helper.accessor("type", { id: "type", header: "Type", sortFn: by("type") }),
  helper.accessor("status", { id: "status", header: "Status", sortFn: by("status") }),
  helper.accessor("dataSources", {
    id: "source",
    header: "Data source",
    sortFn: by("source"),
    cell: ({ row }) => <List items={row.original.dataSources} max={1} />,
  }),
  helper.accessor("techniques", {
    id: "techniques",
    header: "Techniques",
    sortFn: by("techniques"),
    cell: ({ row }) => <TechniqueList techniques={row.original.techniques} max={2} />,
  }),
  helper.accessor("tactics", {
    id: "tactics",
    header: "Tactics",
    sortFn: by("tactics"),
    cell: ({ row }) => <List items={row.original.tactics} max={2} />,
  }),
  helper.accessor("riskScore", {
    id: "risk",
    header: "Risk",
    sortFn: by("risk"),
    sortDescFirst: true,
    cell: ({ row }) => <span className="tabular-nums">{row.original.riskScore}</span>,
  }),
  helper.accessor("severity", {
    id: "severity",
    header: "Severity",
    sortFn: by("severity"),
    sortDescFirst: true,
    cell: ({ row }) => <SeverityBadge severity={row.original.severity} />,
  }),
  helper.accessor((r) => r.date ?? "", {
    id: "date",
    header: "Date",
    sortFn: by("date"),
    sortDescFirst: true,
    cell: ({ row }) => <time dateTime={row.original.date}>{row.original.date ?? "—"}</time>,
  }),
]);
