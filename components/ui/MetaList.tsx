import type { ReactNode } from "react";

/** A page header's facts: label → value rows in a box (a story's, a data source's). */
export function MetaList({ items }: { items: readonly (readonly [string, ReactNode])[] }) {
  return (
    <dl className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-800 dark:bg-slate-900">
      {items.map(([label, value]) => (
        <div key={label} className="grid grid-cols-[7rem_minmax(0,1fr)] gap-2 py-0.5 sm:grid-cols-[9rem_minmax(0,1fr)]">
          <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
          <dd className="min-w-0 break-words">{value}</dd>
        </div>
      ))}
    </dl>
  );
}
