"use client";
import { useId, useState } from "react";
import { tacticNames } from "@/lib/attack";
import type { GapReport, LayerTechniqueStatus } from "@/lib/attack/gaps";
import { parseLayerText, type ImportedLayer } from "@/lib/attack/layer-import";
import { formatCount } from "@/lib/detection/numbers";

function StatusList({ items, onSelect }: { items: LayerTechniqueStatus[]; onSelect: (id: string) => void }) {
  return (
    <ul className="divide-y divide-slate-100 text-sm dark:divide-slate-800">
      {items.map((s) => (
        <li key={s.id} className="py-1">
          <button type="button" onClick={() => onSelect(s.id)} className="text-left hover:underline focus-visible:outline-2 focus-visible:outline-amber-500">
            <span className="font-mono text-xs">{s.id}</span> {s.name}
          </button>
          <span className="text-xs text-slate-600 dark:text-slate-400">
            {" "}
            · {tacticNames(s.tactics).join(", ")}
            {s.total > 0 && ` · ${formatCount(s.total)} ${s.total === 1 ? "analytic" : "analytics"}`}
          </span>
          {s.note && <p className="text-xs text-slate-600 dark:text-slate-400">{s.note}</p>}
        </li>
      ))}
    </ul>
  );
}

/** Load a Navigator layer (file or paste), then list which of its techniques have no analytic in this view. */
export function LayerImport({
  layer,
  report,
  onImport,
  onClear,
  onSelect,
}: {
  layer?: ImportedLayer;
  report?: GapReport;
  onImport: (layer: ImportedLayer) => void;
  onClear: () => void;
  onSelect: (id: string) => void;
}) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string>();
  const ids = useId();

  const read = (input: string) => {
    const r = parseLayerText(input);
    if (!r.ok) {
      setError(r.error);
      return;
    }
    setError(undefined);
    onImport(r.layer);
  };

  return (
    <div className="space-y-3">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Load an ATT&amp;CK Navigator layer (a threat group&apos;s techniques, say, from attack.mitre.org) to see which of its techniques no analytic in
        this view covers. Any 4.x layer works; a plain list of technique ids can be pasted too.
      </p>
      <div className="flex flex-wrap items-end gap-3">
        <label className="text-sm">
          <span className="mb-1 block font-semibold">Layer file</span>
          <input
            type="file"
            accept=".json,application/json"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) read(await file.text());
              e.target.value = "";
            }}
            className="block text-sm file:mr-2 file:rounded file:border-0 file:bg-slate-200 file:px-2 file:py-1 file:text-sm dark:file:bg-slate-700 dark:file:text-slate-100"
          />
        </label>
      </div>
      <div>
        <label htmlFor={`${ids}-paste`} className="mb-1 block text-sm font-semibold">
          Or paste the layer JSON
        </label>
        <textarea
          id={`${ids}-paste`}
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={3}
          spellCheck={false}
          placeholder='{"name": "…", "domain": "enterprise-attack", "techniques": [{"techniqueID": "T1021.002"}]}'
          className="w-full rounded border border-slate-300 bg-white p-2 font-mono text-xs dark:border-slate-700 dark:bg-slate-950"
        />
        <div className="mt-1 flex gap-2">
          <button
            type="button"
            onClick={() => read(text)}
            className="rounded-md bg-indigo-700 px-3 py-1.5 text-sm text-white hover:bg-indigo-800 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500"
          >
            Compare with the matrix
          </button>
          {layer && (
            <button
              type="button"
              onClick={() => {
                setText("");
                setError(undefined);
                onClear();
              }}
              className="rounded-md border border-slate-300 px-3 py-1.5 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800"
            >
              Clear the layer
            </button>
          )}
        </div>
      </div>
      {error && (
        <p role="alert" className="rounded bg-red-50 px-2 py-1 text-sm text-red-900 dark:bg-red-950 dark:text-red-100">
          {error}
        </p>
      )}
      {layer && report && (
        <div className="space-y-2" aria-live="polite">
          <p className="text-sm" data-testid="gap-summary">
            <strong>{layer.name}</strong>
            {layer.format && <span className="text-slate-600 dark:text-slate-400"> (layer format {layer.format})</span>}: {formatCount(report.total)}{" "}
            {report.total === 1 ? "technique" : "techniques"}, <strong className="text-emerald-800 dark:text-emerald-300">{formatCount(report.covered.length)} covered</strong>,{" "}
            <strong className="text-red-800 dark:text-red-300">
              {formatCount(report.gaps.length)} {report.gaps.length === 1 ? "gap" : "gaps"}
            </strong>
            .
          </p>
          {layer.warnings.length > 0 && (
            <ul className="list-disc space-y-0.5 pl-5 text-xs text-amber-900 dark:text-amber-200">
              {layer.warnings.map((w) => (
                <li key={w}>{w}</li>
              ))}
            </ul>
          )}
          <section aria-labelledby={`${ids}-gaps`}>
            <h3 id={`${ids}-gaps`} className="text-sm font-semibold">
              Gaps: techniques of the layer with no analytic ({formatCount(report.gaps.length)})
            </h3>
            {report.gaps.length === 0 ? <p className="text-sm italic text-slate-500">None: every technique of the layer has an analytic.</p> : <StatusList items={report.gaps} onSelect={onSelect} />}
          </section>
          {report.covered.length > 0 && (
            <details>
              <summary className="cursor-pointer text-sm font-semibold">Covered ({formatCount(report.covered.length)})</summary>
              <StatusList items={report.covered} onSelect={onSelect} />
            </details>
          )}
        </div>
      )}
    </div>
  );
}
