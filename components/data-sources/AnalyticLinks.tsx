"use client";
import { useState } from "react";
import { formatCount } from "@/lib/detection/numbers";

/** Links drawn before "Show all": a data source read by hundreds of analytics keeps its page small. */
const FIRST = 60;

/** The analytics that read a data source, as links (compact pairs in; the rest drawn on demand). */
export function AnalyticLinks({ items, label }: { items: [slug: string, name: string][]; label: string }) {
  const [all, setAll] = useState(false);
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <div className="space-y-2">
      <ul className="columns-1 gap-6 text-sm md:columns-2" aria-label={label}>
        {shown.map(([slug, name]) => (
          <li key={slug} className="break-inside-avoid py-0.5">
            <a href={`/analytics/${encodeURIComponent(slug)}`} className="dc-link font-normal">
              {name}
            </a>
          </li>
        ))}
      </ul>
      {items.length > shown.length && (
        <button type="button" onClick={() => setAll(true)} className="rounded border border-slate-300 px-2 py-0.5 text-sm hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
          Show all {formatCount(items.length)} analytics
        </button>
      )}
    </div>
  );
}
