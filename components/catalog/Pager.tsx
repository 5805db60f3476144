import { formatCount } from "@/lib/detection/numbers";
/** Previous / next page controls with a position readout. */
export function Pager({
  first,
  last,
  total,
  page,
  pageCount,
  onPage,
}: {
  first: number;
  last: number;
  total: number;
  page: number;
  pageCount: number;
  onPage: (page: number) => void;
}) {
  if (pageCount <= 1) return null;
  const btn =
    "rounded border border-slate-300 px-2.5 py-1 hover:bg-slate-100 disabled:cursor-not-allowed disabled:opacity-40 dark:border-slate-700 dark:hover:bg-slate-800";
  return (
    <nav aria-label="Table pages" className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="tabular-nums text-slate-600 dark:text-slate-400">
        Rows {formatCount(first)}–{formatCount(last)} of {formatCount(total)} · page {formatCount(page)} of {formatCount(pageCount)}
      </span>
      <span className="flex gap-1">
        <button type="button" className={btn} disabled={page <= 1} onClick={() => onPage(1)} aria-label="First page">
          «
        </button>
        <button type="button" className={btn} disabled={page <= 1} onClick={() => onPage(page - 1)}>
          Previous
        </button>
        <button type="button" className={btn} disabled={page >= pageCount} onClick={() => onPage(page + 1)}>
          Next
        </button>
        <button type="button" className={btn} disabled={page >= pageCount} onClick={() => onPage(pageCount)} aria-label="Last page">
          »
        </button>
      </span>
    </nav>
  );
}
