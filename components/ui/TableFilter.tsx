"use client";
import { formatCount } from "@/lib/detection/numbers";

/**
 * A list table's text filter and its live count ("12 of 261 stories"); the count's `countId` is
 * what the table's `aria-describedby` names.
 */
export function TableFilter({ value, onChange, onFocus, placeholder, shown, total, noun, countId }: {
  value: string;
  onChange(value: string): void;
  onFocus?(): void;
  placeholder: string;
  shown: number;
  total: number;
  /** Plural noun for the count: "stories", "data sources". */
  noun: string;
  countId: string;
}) {
  return (
    <div className="flex flex-wrap items-center justify-between gap-2">
      <label className="flex items-center gap-2 text-sm">
        <span className="text-slate-600 dark:text-slate-400">Filter</span>
        <input
          type="search"
          value={value}
          onChange={(e) => onChange(e.target.value)}
          {...(onFocus ? { onFocus } : {})}
          placeholder={placeholder}
          className="w-64 max-w-[60vw] rounded border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900"
        />
      </label>
      <p id={countId} className="text-sm text-slate-600 dark:text-slate-400" aria-live="polite">
        {shown === total ? `${formatCount(total)} ${noun}` : `${formatCount(shown)} of ${formatCount(total)} ${noun}`}
      </p>
    </div>
  );
}
