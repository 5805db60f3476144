"use client";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MacroDefinition } from "@/lib/content/types";
import type { Sample } from "@/lib/content/samples-parse";
import type { Rba } from "@/lib/rba/types";
import { LIMITS, type Edits } from "@/lib/tester/protocol";
import { EventCard } from "./EventCard";
import { SaveAsTestCase } from "@/components/testcases/SaveAsTestCase";
import { InputPanel } from "./InputPanel";
import { RowsTable } from "./RowsTable";
import { Toolbar } from "./Toolbar";
import { useRunState } from "./useRunState";
import { useEngine, useLeadingDebounce } from "./useEngine";
import { usePermalink } from "./usePermalink";
import { PRESENTATION_CLASS, usePresentation, useShortcuts, type Shortcut } from "./useTrainer";
import { VerdictBadge } from "./Verdict";
import { VerdictTable } from "./VerdictTable";

export interface TesterAnalytic {
  id: string;
  name: string;
  slug?: string;
  search: string;
  rba: Rba;
}

/** The live tester on an analytic's page: paste events, see per-event verdicts and why. */
export function AnalyticTester({ analytic, macros, samples }: { analytic: TesterAnalytic; macros: MacroDefinition[]; samples: Sample[] }) {
  const client = useEngine();
  const [input, setInput] = useState("");
  const [edits, setEdits] = useState<Edits>({});
  const { run, start, listener } = useRunState();
  const [sample, setSample] = useState<string>();
  const [showHelp, setShowHelp] = useState(false);
  const [presentation, togglePresentation] = usePresentation();
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    client?.setLoad({ type: "load", analytics: [{ id: analytic.id, search: analytic.search }], macros });
  }, [client, analytic.id, analytic.search, macros]);

  const evaluate = useLeadingDebounce((text: string, ed: Edits) => {
    if (!client) return;
    const req = client.evaluate({ mode: "analytic", analyticId: analytic.id, input: text, edits: ed, explainLimit: LIMITS.explain }, listener);
    start(req, text.length);
  }, 150);
  useEffect(() => {
    evaluate(input, edits);
  }, [input, edits, client, evaluate]);

  const onEdit = useCallback((index: number, field: string, value: string) => {
    setEdits((old) => ({ ...old, [String(index)]: { ...(old[String(index)] ?? {}), [field]: value } }));
  }, []);

  const { copy, status } = usePermalink((s) => {
    setInput(s.input);
    setEdits(s.edits ?? {});
    setSample(undefined);
  });

  const loadSample = (s: Sample) => {
    setInput(s.input);
    setEdits({});
    setSample(s.key);
  };
  const shortcuts: Shortcut[] = [
    { key: "/", label: "focus the Events box", run: () => textRef.current?.focus() },
    {
      key: "n",
      label: "next sample",
      run: () => {
        if (samples.length === 0) return;
        const at = samples.findIndex((s) => s.key === sample);
        loadSample(samples[(at + 1) % samples.length]!);
      },
    },
    {
      key: "p",
      label: "previous sample",
      run: () => {
        if (samples.length === 0) return;
        const at = samples.findIndex((s) => s.key === sample);
        loadSample(samples[(at - 1 + samples.length) % samples.length]!);
      },
    },
    { key: "l", label: "copy a link to this test", run: () => void copy({ input, analytic: analytic.id, edits }) },
    { key: "t", label: "presentation mode on / off", run: togglePresentation },
    { key: "?", label: "show these shortcuts", run: () => setShowHelp((v) => !v) },
  ];
  useShortcuts(shortcuts);

  const explainedIdx = useMemo(() => new Set(run.explained.map((e) => e.index)), [run.explained]);
  const timedOut = run.rows.filter((r) => r.index < LIMITS.explain && !explainedIdx.has(r.index));
  const fieldsRead = run.compiled?.fieldsRead ?? [];
  const eventCount = run.parsed?.eventCount ?? 0;
  const batch = run.batches.get(analytic.id);
  // Many events, or a search judged only over a batch: cards start folded (verdict and text only).
  const compact = eventCount > 3 || (run.compiled !== undefined && run.compiled.support.level !== "event");
  const state = run.running ? "running" : run.req > 0 ? "done" : "idle";

  return (
    <div data-presentation={presentation ? "on" : "off"} className={`space-y-4 rounded-lg ${presentation ? `${PRESENTATION_CLASS} p-3` : ""}`} data-testid="analytic-tester">
      <Toolbar
        onCopy={() => void copy({ input, analytic: analytic.id, edits })}
        linkStatus={status}
        presentation={presentation}
        onPresentation={togglePresentation}
        shortcuts={shortcuts}
        showHelp={showHelp}
        onHelp={() => setShowHelp((v) => !v)}
      >
        {Object.keys(edits).length > 0 && (
          <button type="button" className="rounded border border-slate-300 px-2 py-1 text-sm dark:border-slate-700" onClick={() => setEdits({})}>
            Clear field edits
          </button>
        )}
      </Toolbar>
      <InputPanel
        ref={textRef}
        id={`events-${analytic.id}`}
        value={input}
        onChange={(v) => {
          setInput(v);
          setSample(undefined);
        }}
        samples={samples}
        activeSample={sample}
        onSample={loadSample}
        parsed={run.parsed}
      />
      <div data-testid="run-status" data-state={state} data-req={run.req} data-input-length={run.inputLength} role="status" aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
        {!client && "Starting the engine…"}
        {run.error && <span className="text-red-700 dark:text-red-300">The engine stopped: {run.error}</span>}
        {run.running && eventCount > 0 && `Evaluating… ${run.rows.length.toLocaleString("en")} of ${eventCount.toLocaleString("en")} events`}
        {!run.running && run.ms !== undefined && eventCount > 0 && `Evaluated ${eventCount.toLocaleString("en")} event${eventCount === 1 ? "" : "s"} in ${Math.round(run.ms)} ms.`}
        {client?.restarts ? ` The engine was restarted ${client.restarts} time${client.restarts === 1 ? "" : "s"} after a time-out.` : ""}
      </div>
      {input.trim() === "" && (
        <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Paste an event above, or pick a sample, to see whether this search fires, which clause decides, and what the alert would say. Everything runs in your browser; nothing is sent anywhere.
        </p>
      )}
      {batch && (
        <section aria-label="Rows over the whole batch" className="space-y-1">
          <h4 className="text-sm font-semibold">What the search returns over all {eventCount.toLocaleString("en")} events</h4>
          {batch.result.ok ? (
            batch.result.rows.length ? <RowsTable rows={batch.result.rows} totalRows={batch.totalRows} caption="Rows the search returns over the batch" /> : <p className="text-sm">No rows: the search does not fire over this batch.</p>
          ) : (
            <p className="text-sm">Not testable over the batch: {batch.result.reason}</p>
          )}
        </section>
      )}
      {eventCount > LIMITS.explain && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The first {LIMITS.explain} events are shown with their trace (folded: open a section to see it); the table below has the verdict of all {eventCount.toLocaleString("en")}.
        </p>
      )}
      <div className="space-y-3" aria-label="Results per event" role="region">
        {run.explained.map((item) => (
          <EventCard key={item.index} item={item} search={analytic.search} fieldsRead={fieldsRead} rba={analytic.rba} edits={edits[String(item.index)] ?? {}} onEdit={onEdit} compact={compact} />
        ))}
        {timedOut.map((r) => (
          <article key={`t${r.index}`} aria-label={`Event ${r.index + 1}`} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-300 p-3 dark:border-slate-700">
            <h4 className="text-sm font-semibold">Event {r.index + 1}</h4>
            <VerdictBadge verdict={r.verdict} reason={r.reason} />
          </article>
        ))}
      </div>
      {eventCount > 1 && run.rows.length > 0 && <VerdictTable rows={run.rows} />}
      {run.explained.length > 0 && (
        <SaveAsTestCase
          analytic={{ id: analytic.id, name: analytic.name, slug: analytic.slug }}
          events={run.explained.map((x) => ({ fields: x.event.fields, format: x.event.format, provenance: x.event.provenance, verdict: x.explanation.verdict }))}
        />
      )}
    </div>
  );
}
