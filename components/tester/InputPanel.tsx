"use client";
import { forwardRef, useState } from "react";
import type { Sample } from "@/lib/content/samples-parse";
import type { ParsedInfo } from "@/lib/tester/protocol";
import { formatCount } from "@/lib/detection/numbers";
import { Icon } from "@/components/ui/Icon";
import { VerdictIcon } from "./Verdict";

/**
 * Inputs longer than this stay out of the text box: a browser lays out and re-lays out every
 * character of a textarea, which makes a 10 MB one unusable. The engine still reads all of it.
 */
export const LARGE_INPUT = 500_000;

/** Files above this are read only up to it (lib/events reads 10 MB anyway). */
const MAX_FILE_BYTES = 10 * 1024 * 1024 + 1;

export interface InputPanelProps {
  id: string;
  value: string;
  onChange: (v: string) => void;
  samples?: Sample[];
  activeSample?: string;
  onSample?: (s: Sample) => void;
  parsed?: ParsedInfo;
  rows?: number;
  /** Example events of the data sources the analytic reads (`example_log`), loaded into the box to edit. */
  examples?: DataSourceExample[];
  onExample?: (e: DataSourceExample) => void;
}

export interface DataSourceExample {
  name: string;
  text: string;
}

/** The "Events" text box, file upload, one-click samples, and what was read or rejected. */
export const InputPanel = forwardRef<HTMLTextAreaElement, InputPanelProps>(function InputPanel({ id, value, onChange, samples, activeSample, onSample, parsed, examples, onExample }, ref) {
  const [forceBox, setForceBox] = useState(false);
  const large = value.length > LARGE_INPUT && !forceBox;
  const onFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      onChange(await file.slice(0, MAX_FILE_BYTES).text());
    } catch {
      onChange("");
    }
  };
  return (
    <div className="space-y-2">
      {samples && samples.length > 0 && (
        <div role="group" aria-label="Samples" className="flex flex-wrap items-center gap-1.5 text-sm">
          <span className="text-slate-600 dark:text-slate-400">Samples:</span>
          {samples.map((s) => (
            <button
              key={s.key}
              type="button"
              data-sample={s.key}
              aria-pressed={activeSample === s.key}
              title={[s.note, s.source ? `Source: ${s.source}` : ""].filter(Boolean).join("\n")}
              onClick={() => onSample?.(s)}
              className={`rounded-full border px-2.5 py-0.5 focus-visible:outline-2 focus-visible:outline-indigo-500 ${
                activeSample === s.key ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300 bg-white hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
              }`}
            >
              <VerdictIcon verdict={s.expect} className="mr-1" />
              {s.label}
              <span className="sr-only"> (expected: {s.expect === "match" ? "fires" : s.expect === "no_match" ? "near miss, does not fire" : "not testable"})</span>
            </button>
          ))}
        </div>
      )}
      {examples && examples.length > 0 && (
        <div role="group" aria-label="Example events of its data sources" className="flex flex-wrap items-center gap-1.5 text-sm">
          <span className="text-slate-600 dark:text-slate-400">Real events:</span>
          {examples.map((ex) => (
            <button
              key={ex.name}
              type="button"
              data-example={ex.name}
              aria-pressed={activeSample === `example:${ex.name}`}
              title={`The example event of the data source ${ex.name} (its example_log): load it, then edit it`}
              onClick={() => onExample?.(ex)}
              className={`rounded-full border px-2.5 py-0.5 focus-visible:outline-2 focus-visible:outline-indigo-500 ${
                activeSample === `example:${ex.name}` ? "border-indigo-600 bg-indigo-600 text-white" : "border-slate-300 bg-white hover:bg-slate-50 dark:border-slate-700 dark:bg-slate-900 dark:hover:bg-slate-800"
              }`}
            >
              <span aria-hidden="true">≡ </span>
              {ex.name}
              <span className="sr-only"> (example event)</span>
            </button>
          ))}
        </div>
      )}
      {samples && activeSample && (
        <p className="text-sm text-slate-700 dark:text-slate-300">{samples.find((s) => s.key === activeSample)?.note}</p>
      )}
      {large ? (
        <p className="block text-sm font-semibold">Events</p>
      ) : (
        <label htmlFor={id} className="block text-sm font-semibold">
          Events
        </label>
      )}
      {large ? (
        <div id={id} data-testid="large-input" className="space-y-2 rounded-md border border-slate-300 p-2 text-sm dark:border-slate-700">
          <p>
            <span aria-hidden="true">≡ </span>A large input is loaded: {formatCount(value.length)} characters, {formatCount(lineCount(value))} lines. It is kept out of the
            text box so the page stays responsive; the engine reads all of it (up to 10,000 events or 10 MB).
          </p>
          <pre className="max-h-24 overflow-hidden whitespace-pre-wrap font-mono text-xs text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400" aria-label="Beginning of the input">
            {value.slice(0, 600)}…
          </pre>
          <div className="flex flex-wrap gap-2">
            <button type="button" className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-700" onClick={() => onChange("")}>
              Clear the input
            </button>
            <button type="button" className="rounded border border-slate-300 px-2 py-0.5 dark:border-slate-700" onClick={() => setForceBox(true)}>
              Show it in the text box anyway (slow)
            </button>
          </div>
        </div>
      ) : (
      <textarea
        ref={ref}
        id={id}
        value={value}
        onChange={(e) => onChange(e.target.value)}
        onPaste={(e) => {
          // A very large paste goes straight to the engine, never through the text box.
          const pasted = e.clipboardData.getData("text");
          if (pasted.length + value.length > LARGE_INPUT) {
            e.preventDefault();
            const el = e.currentTarget;
            onChange(value.slice(0, el.selectionStart) + pasted + value.slice(el.selectionEnd));
          }
        }}
        rows={5}
        spellCheck={false}
        autoComplete="off"
        aria-describedby={`${id}-help`}
        placeholder={"C:\\Windows\\system32\\cmd.exe /Q /c echo cd ^> \\\\127.0.0.1\\C$\\__output …"}
        className="block w-full resize-y rounded-md border border-slate-300 bg-white p-2 font-mono text-sm focus-visible:outline-2 focus-visible:outline-indigo-500 dark:border-slate-700 dark:bg-slate-950"
      />
      )}
      <div className="flex flex-wrap items-center justify-between gap-2 text-xs text-slate-600 dark:text-slate-400">
        <p id={`${id}-help`}>
          Raw events of any data source (Windows XML or JSON, cloud JSON, text lines), command lines (one per line), JSON of CIM fields, or CSV with a header. Up to 10,000 events or 10 MB.
        </p>
        <label className="cursor-pointer rounded border border-slate-300 px-2 py-0.5 hover:bg-slate-50 dark:border-slate-700 dark:hover:bg-slate-800">
          Upload a file…
          <input type="file" className="sr-only" onChange={(e) => void onFile(e.target.files?.[0])} />
        </label>
      </div>
      {parsed && <ParseNotes parsed={parsed} />}
    </div>
  );
});

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i !== -1 && n < 1_000_000; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

function ParseNotes({ parsed }: { parsed: ParsedInfo }) {
  return (
    <div className="space-y-1 text-sm" data-testid="parse-notes">
      {parsed.format !== "empty" && (
        <p className="text-slate-700 dark:text-slate-300">
          Read {formatCount(parsed.eventCount)} event{parsed.eventCount === 1 ? "" : "s"} ({parsed.formatLabel})
          {parsed.problemCount > 0 ? `; ${formatCount(parsed.problemCount)} line${parsed.problemCount === 1 ? "" : "s"} rejected` : ""}.
        </p>
      )}
      {parsed.truncated && (
        <p className="rounded border-l-4 border-amber-500 bg-amber-50 px-2 py-1 dark:bg-amber-950/50">
          <Icon name="cut" className="mr-1" />Cut short: {parsed.truncated}.
        </p>
      )}
      {parsed.problemCount > 0 && (
        <details className="rounded border border-amber-300 p-2 dark:border-amber-800" open={parsed.eventCount === 0}>
          <summary className="cursor-pointer">Rejected input ({formatCount(parsed.problemCount)})</summary>
          <ul tabIndex={0} className="mt-1 max-h-48 overflow-auto font-mono text-xs" aria-label="Rejected input">
            {parsed.problems.map((p, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                line {p.line}: {p.message}
              </li>
            ))}
          </ul>
          {parsed.problemCount > parsed.problems.length && <p className="text-xs">… and {formatCount(parsed.problemCount - parsed.problems.length)} more.</p>}
        </details>
      )}
    </div>
  );
}
