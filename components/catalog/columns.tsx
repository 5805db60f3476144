/** Column definitions of the catalog table (TanStack Table v9), with the shared comparators. */
import Link from "@/components/ui/Link";
import { createColumnHelper, rowSortingFeature, tableFeatures } from "@tanstack/react-table";
import type { CatalogRow, SortColumn } from "@/lib/catalog/types";
import { ROW_COMPARATORS } from "@/lib/catalog/sort";
import { Badge, SeverityBadge } from "@/components/ui/badges";
import { TechniqueList } from "./TechniqueList";

/** Sorting state only (headers, aria-sort): the rows arrive sorted and cut to the page (lib/catalog/page.ts). */
export const features = tableFeatures({ rowSortingFeature });

const helper = createColumnHelper<typeof features, CatalogRow>();

const by = (col: SortColumn) => (a: { original: CatalogRow }, b: { original: CatalogRow }) => ROW_COMPARATORS[col](a.original, b.original);

/** Which columns hide on narrow screens (their content moves under the name): `dc-col-*` in app/globals.css. */
export const COLUMN_CLASS: Record<SortColumn, string> = {
  name: "dc-col-name",
  type: "dc-col-type",
  status: "dc-col-status",
  source: "dc-col-source",
  techniques: "dc-col-techniques",
  tactics: "dc-col-tactics",
  risk: "dc-col-risk",
  severity: "dc-col-severity",
  date: "dc-col-date",
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
          <Link href={`/analytics/${r.slug}`} className="dc-link">
            {r.name}
          </Link>
          {/* Status beside the name at every width (the Status column hides below 1536 px). */}
          {r.status !== "production" && (
            <>
              {" "}
              <span data-status={r.status}>
                <Badge tone={r.status === "deprecated" ? "warn" : "neutral"}>{r.status}</Badge>
              </span>
            </>
          )}
          {/* On narrow screens, the hidden columns' essentials. */}
          <div className="dc-row-sub">
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
    // Every tactic (at most a handful): "+2" once hid Lateral Movement for smbexec.
    cell: ({ row }) => <List items={row.original.tactics} max={Infinity} />,
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
