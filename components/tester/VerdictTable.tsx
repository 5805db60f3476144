"use client";
import { useMemo } from "react";
import { createColumnHelper } from "@tanstack/react-table";
import type { VerdictRow } from "@/lib/tester/protocol";
import { PagedTable, cellText, type PagedFeatures } from "./PagedTable";
import { VerdictBadge } from "./Verdict";
import { formatCount } from "@/lib/detection/numbers";

const helper = createColumnHelper<PagedFeatures, VerdictRow>();
const columns = helper.columns([
  helper.accessor("index", { id: "event", header: "Event", cell: (i) => formatCount(i.getValue() + 1) }),
  helper.accessor("line", { id: "line", header: "Line", cell: (i) => i.getValue() || "—" }),
  helper.accessor("verdict", { id: "verdict", header: "Verdict", cell: (i) => <VerdictBadge size="sm" verdict={i.getValue()} reason={i.row.original.reason} /> }),
  helper.accessor((r) => r.process ?? "", { id: "process", header: "Command line", cell: (i) => <span className="font-mono text-xs">{cellText(i.getValue(), 200)}</span> }),
  helper.accessor((r) => (r.hingesOn ?? []).join(", "), { id: "hinges", header: "Depends on unknown", cell: (i) => i.getValue() || "—" }),
]);

/** Every event's verdict (many events): a paginated table. */
export function VerdictTable({ rows }: { rows: VerdictRow[] }) {
  const counts = useMemo(() => {
    const c = { match: 0, no_match: 0, not_testable: 0 };
    for (const r of rows) c[r.verdict]++;
    return c;
  }, [rows]);
  return (
    <div className="space-y-1">
      <p className="text-sm" data-testid="verdict-counts">
        {formatCount(counts.match)} fire · {formatCount(counts.no_match)} do not fire · {formatCount(counts.not_testable)} not testable
      </p>
      <PagedTable data={rows} columns={columns} caption="Verdict of every event" getRowId={(r) => String(r.index)} testId="verdict-table" />
    </div>
  );
}
