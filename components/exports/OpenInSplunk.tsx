"use client";
/**
 * "Open in Splunk": a link to the user's Splunk search page with this search (as written, macros
 * kept, or with the macros expanded as the page shows them: the engine's expansion) and a time
 * range (last 24 hours unless chosen), and copy buttons for both forms of the search. Without a
 * Splunk address the copy buttons still work and the link's place says how to set one.
 */
import { useState } from "react";
import { DEFAULT_TIME_RANGE, searchForSplunk, splunkSearchUrl, timeRange, TIME_RANGES } from "@/lib/export/splunk-url";
import { btn, copyText } from "@/components/ui/browser-io";
import { SplunkSettings, useSplunk } from "./SplunkSettings";
import { Icon } from "@/components/ui/Icon";

type Form = "written" | "expanded";

export function OpenInSplunk({ search, expanded, idPrefix, compact = false }: { search: string; expanded: string; idPrefix: string; compact?: boolean }) {
  const s = useSplunk();
  const [form, setForm] = useState<Form>("written");
  const [range, setRange] = useState(DEFAULT_TIME_RANGE);
  const [status, setStatus] = useState("");
  const chosen = form === "written" ? search : expanded;
  const href = s.url ? splunkSearchUrl(s.url, chosen, timeRange(range)) : null;
  return (
    <div data-testid="open-in-splunk" data-form={form} className={`space-y-2 text-sm ${compact ? "" : "rounded-md border border-slate-200 p-2.5 dark:border-slate-800"}`}>
      <div className="flex flex-wrap items-center gap-x-4 gap-y-2">
        {href ? (
          <a href={href} target="_blank" rel="noopener noreferrer" className="rounded bg-indigo-700 px-2.5 py-1 text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
            Open in Splunk <Icon name="external" />
            <span className="sr-only"> (opens {s.url} in a new tab)</span>
          </a>
        ) : (
          <span data-testid="open-in-splunk-unset" className="text-slate-700 dark:text-slate-300">
            Open in Splunk: no Splunk address yet. Set <code>SPLUNK_URL</code> on the server, or yours under Splunk settings below.
          </span>
        )}
        <fieldset className="flex flex-wrap items-center gap-x-3 gap-y-1">
          <legend className="sr-only">Search to open</legend>
          {(
            [
              ["written", "as written (macros kept)"],
              ["expanded", "macros expanded"],
            ] as const
          ).map(([value, label]) => (
            <label key={value} className="inline-flex items-center gap-1">
              <input type="radio" name={`${idPrefix}-form`} value={value} checked={form === value} onChange={() => setForm(value)} />
              {label}
            </label>
          ))}
        </fieldset>
        <label className="inline-flex items-center gap-1">
          Time range
          <select value={range} onChange={(e) => setRange(e.target.value)} className="rounded border border-slate-300 bg-white px-1 py-0.5 dark:border-slate-700 dark:bg-slate-900">
            {TIME_RANGES.map((r) => (
              <option key={r.id} value={r.id}>
                {r.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <button type="button" className={btn} onClick={() => void copyText(searchForSplunk(search), "the search as written").then(setStatus)}>
          Copy search as written
        </button>
        <button type="button" className={btn} onClick={() => void copyText(searchForSplunk(expanded), "the search with its macros expanded").then(setStatus)}>
          Copy expanded search
        </button>
        <span role="status" aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
          {status}
        </span>
      </div>
      {!compact && (
        <p className="text-xs text-slate-600 dark:text-slate-400">
          As written, the search needs the content&apos;s macros in your Splunk (ESCU installs them); expanded, it needs only the data it reads.
        </p>
      )}
      <SplunkSettings idPrefix={idPrefix} />
    </div>
  );
}

/** For a /test result: the analytic's searches are fetched from the API when the user opens this. */
export function OpenInSplunkLazy({ id, name }: { id: string; name: string }) {
  const [open, setOpen] = useState(false);
  const [data, setData] = useState<{ search: string; expanded: string } | { error: string }>();
  return (
    <details
      className="mt-1 text-xs"
      data-testid="open-in-splunk-lazy"
      onToggle={(e) => {
        const isOpen = (e.target as HTMLDetailsElement).open;
        setOpen(isOpen);
        if (isOpen && !data)
          fetch(`/api/analytics/${encodeURIComponent(id)}`)
            .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`HTTP ${r.status}`))))
            .then((j: { search: string; expanded: string }) => setData({ search: j.search, expanded: j.expanded }))
            .catch((err: unknown) => setData({ error: err instanceof Error ? err.message : String(err) }));
      }}
    >
      <summary className="cursor-pointer select-none">
        Open in Splunk<span className="sr-only">: {name}</span>
      </summary>
      {open && (
        <div className="mt-1">
          {!data && <p>Loading the search…</p>}
          {data && "error" in data && <p>Could not load the search: {data.error}</p>}
          {data && "search" in data && <OpenInSplunk search={data.search} expanded={data.expanded} idPrefix={`t-${id}`} compact />}
        </div>
      )}
    </details>
  );
}
