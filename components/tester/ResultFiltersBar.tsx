"use client";
import { HIDEABLE, HIDE_LABELS, HIDE_TITLES, type Hideable, type ResultFilters, type SortKey } from "@/lib/tester/result-filters";

/** The /test result toggles: hide kinds of analytic, sort by risk or name (state in the URL, see CatalogTester). */
export function ResultFiltersBar({ filters, onChange }: { filters: ResultFilters; onChange: (f: ResultFilters) => void }) {
  const toggle = (k: Hideable, on: boolean) => {
    const hide = new Set(filters.hide);
    if (on) hide.add(k);
    else hide.delete(k);
    onChange({ ...filters, hide });
  };
  return (
    <fieldset className="flex flex-wrap items-center gap-x-4 gap-y-1 text-sm" data-testid="result-filters">
      <legend className="sr-only">Which firing analytics to show</legend>
      {HIDEABLE.map((k) => (
        <label key={k} className="inline-flex items-center gap-1.5" title={HIDE_TITLES[k]}>
          <input type="checkbox" data-hide={k} checked={filters.hide.has(k)} onChange={(e) => toggle(k, e.target.checked)} />
          {HIDE_LABELS[k]}
        </label>
      ))}
      <label className="inline-flex items-center gap-1.5">
        Sort by
        <select
          value={filters.sort}
          onChange={(e) => onChange({ ...filters, sort: e.target.value as SortKey })}
          className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900"
        >
          <option value="risk">risk score</option>
          <option value="name">name (kill chain)</option>
        </select>
      </label>
    </fieldset>
  );
}
