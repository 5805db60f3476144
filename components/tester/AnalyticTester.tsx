"use client";
import type { DataSourceSpec } from "@/lib/events/types";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import type { MacroDefinition } from "@/lib/content/types";
import type { Sample } from "@/lib/content/samples-parse";
import type { Rba } from "@/lib/rba/types";
import { LIMITS, type Edits, type LoadMessage } from "@/lib/tester/protocol";
import { EvasionLab } from "./EvasionLab";
import { InputPanel } from "./InputPanel";
import { Toolbar } from "./Toolbar";
import { useRunState } from "./useRunState";
import { useEngine, useLeadingDebounce } from "./useEngine";
import { usePermalink } from "./usePermalink";
import { PRESENTATION_CLASS, usePresentation } from "./usePresentation";
import { useShortcuts, type Shortcut } from "./useShortcuts";
import { useKeepInView } from "./useKeepInView";
import { VerdictBadge } from "./Verdict";
import { formatCount } from "@/lib/detection/numbers";
import { thresholdWords } from "@/lib/tester/result-filters";
import { useLazy } from "@/components/ui/use-lazy";

/**
 * The results' views (event cards with their trace and fields, tables, exports), loaded once the
 * box holds something: the page's first load and hydration do without them.
 */
const loadViews = () =>
  Promise.all([import("./EventCard"), import("./RowsTable"), import("./VerdictTable"), import("@/components/testcases/SaveAsTestCase"), import("@/components/exports/TesterExports")]).then(
    ([card, rows, verdicts, save, exports]) => ({ EventCard: card.EventCard, RowsTable: rows.RowsTable, VerdictTable: verdicts.VerdictTable, SaveAsTestCase: save.SaveAsTestCase, TesterExports: exports.TesterExports }),
  );

export interface TesterAnalytic {
  id: string;
  name: string;
  slug?: string;
  /** ATT&CK technique ids, for the attack_data export's folder and mitre_technique. */
  techniques?: string[];
  search: string;
  rba: Rba;
}

/**
 * The live tester on an analytic's page: paste events, see per-event verdicts and why. `initial`:
 * an input loaded at first (the walk-through's firing sample), with its picker key.
 */
export function AnalyticTester({ analytic, macros, samples, dataSources = [], dataSourcesUrl, lookupsUrl, initial }: { analytic: TesterAnalytic; macros: MacroDefinition[]; samples: Sample[]; dataSources?: DataSourceSpec[]; dataSourcesUrl?: string; lookupsUrl?: string; initial?: { key: string; input: string } }) {
  const client = useEngine();
  const [input, setText] = useState(initial?.input ?? "");
  const [edits, setEdits] = useState<Edits>({});
  const [picks, setPicks] = useState<Record<string, string>>({});
  // A data-source pick belongs to the event it was made for: new input, no picks.
  const setInput = useCallback((v: string) => {
    setText(v);
    setPicks({});
  }, []);
  const { run, start, listener } = useRunState();
  const [sample, setSample] = useState<string | undefined>(initial?.key);
  const [showHelp, setShowHelp] = useState(false);
  const [presentation, togglePresentation] = usePresentation();
  const textRef = useRef<HTMLTextAreaElement>(null);

  // Pasted events are recognised among every data source of the content (fetched by the worker), not only this analytic's.
  // One load message for the tester's worker and the evasion lab's: both judge with the same content.
  const load = useMemo<LoadMessage>(
    () => ({ type: "load", analytics: [{ id: analytic.id, search: analytic.search }], macros, ...(dataSourcesUrl ? { dataSourcesUrl } : { dataSources }), ...(lookupsUrl ? { lookupsUrl } : {}) }),
    [analytic.id, analytic.search, macros, dataSources, dataSourcesUrl, lookupsUrl],
  );
  const names = useMemo(() => new Map([[analytic.id, analytic.name]]), [analytic.id, analytic.name]);
  useEffect(() => {
    client?.setLoad(load, names);
  }, [client, load, names]);

  const evaluate = useLeadingDebounce((text: string, ed: Edits, pk: Record<string, string>) => {
    if (!client) return;
    const req = client.evaluate({ mode: "analytic", analyticId: analytic.id, input: text, edits: ed, picks: pk, explainLimit: LIMITS.explain }, listener);
    start(req, text.length);
  }, 150);
  useEffect(() => {
    evaluate(input, edits, picks);
  }, [input, edits, picks, client, evaluate]);
  const onPick = useCallback((index: number, name: string) => setPicks((old) => ({ ...old, [String(index)]: name })), []);
  // The example event of each data source this analytic reads: real events to start from.
  const examples = useMemo(() => dataSources.filter((d) => d.exampleLog).map((d) => ({ name: d.name, text: d.exampleLog! })), [dataSources]);

  const onEdit = useCallback((index: number, field: string, value: string) => {
    setEdits((old) => ({ ...old, [String(index)]: { ...(old[String(index)] ?? {}), [field]: value } }));
  }, []);

  const [restored, setRestored] = useState(false);
  const { copy, status } = usePermalink((s) => {
    setInput(s.input);
    setEdits(s.edits ?? {});
    // After setInput (which clears the picks of the previous input): the link's own picks.
    setPicks(s.picks ?? {});
    setSample(undefined);
    setRestored(true);
  });
  // A permalink (or a link from /test) opens at the live tester with the first verdict in view,
  // and keeps it there while the page settles (the results region may be taller than the view:
  // the target is the first verdict, not the region).
  const results = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (restored) document.getElementById("live-test")?.scrollIntoView({ block: "start" });
  }, [restored]);
  const firstVerdict = useCallback(() => results.current?.querySelector<HTMLElement>("[data-verdict]"), []);
  const settled = useCallback(() => setRestored(false), []);
  useKeepInView(restored, firstVerdict, settled);

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
    { key: "l", label: "copy a link to this test", run: () => void copy({ input, analytic: analytic.id, edits, picks }) },
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
  const exportAnalytic = useMemo(() => ({ id: analytic.id, name: analytic.name, slug: analytic.slug ?? analytic.id, techniques: analytic.techniques ?? [] }), [analytic.id, analytic.name, analytic.slug, analytic.techniques]);
  const views = useLazy(input.trim() !== "", loadViews);
  const V = views.module;
  const state = run.running || (run.req > 0 && eventCount > 0 && !views.settled) ? "running" : run.req > 0 ? "done" : "idle";
  // A small-batch threshold (lib/spl/threshold.ts): said in words, as on /test.
  const support = run.compiled?.support;
  const threshold = support && support.level !== "event" ? support.threshold : undefined;

  return (
    <>
    <div data-presentation={presentation ? "on" : "off"} className={`space-y-4 rounded-lg ${presentation ? `${PRESENTATION_CLASS} p-3` : ""}`} data-testid="analytic-tester">
      <Toolbar
        onCopy={() => void copy({ input, analytic: analytic.id, edits, picks })}
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
        examples={examples}
        onExample={(ex) => {
          setInput(ex.text);
          setEdits({});
          setSample(`example:${ex.name}`);
        }}
        parsed={run.parsed}
      />
      <div data-testid="run-status" data-state={state} data-req={run.req} data-input-length={run.inputLength} role="status" aria-live="polite" className="text-xs text-slate-600 dark:text-slate-400">
        {!client && "Starting the engine…"}
        {run.error && <span className="text-red-700 dark:text-red-300">The engine stopped: {run.error}</span>}
        {views.error && <span className="text-red-700 dark:text-red-300">The results could not be shown: {views.error}</span>}
        {run.running && eventCount > 0 && `Evaluating… ${formatCount(run.rows.length)} of ${formatCount(eventCount)} events`}
        {!run.running && run.ms !== undefined && eventCount > 0 && `Evaluated ${formatCount(eventCount)} event${eventCount === 1 ? "" : "s"} in ${formatCount(run.ms)} ms.`}
        {client?.restarts ? ` The engine was restarted ${formatCount(client.restarts)} time${client.restarts === 1 ? "" : "s"}.` : ""}
      </div>
      {threshold && (
        <p data-testid="threshold" className="text-sm text-slate-700 dark:text-slate-300">
          Threshold: {thresholdWords(threshold)}.
        </p>
      )}
      {input.trim() === "" && (
        <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Paste an event above, or pick a sample, to see whether this search fires, which clause decides, and what the alert would say. Everything runs in your browser; nothing is sent anywhere.
        </p>
      )}
      {batch && V && (
        <section aria-label="Rows over the whole batch" className="space-y-1">
          <h3 className="text-sm font-semibold">What the search returns over {eventCount === 1 ? "the one event" : `all ${formatCount(eventCount)} events`}</h3>
          {batch.result.ok ? (
            batch.result.rows.length ? <V.RowsTable rows={batch.result.rows} totalRows={batch.totalRows} caption="Rows the search returns over the batch" /> : <p className="text-sm">No rows: the search does not fire over this batch.</p>
          ) : (
            <p className="text-sm">Not testable over the batch: {batch.result.reason}</p>
          )}
        </section>
      )}
      {eventCount > LIMITS.explain && (
        <p className="text-sm text-slate-700 dark:text-slate-300">
          The first {formatCount(LIMITS.explain)} events are shown with their trace (folded: open a section to see it); the table below has the verdict of all {formatCount(eventCount)}.
        </p>
      )}
      <div ref={results} className="space-y-3" aria-label="Results per event" role="region">
        {V && run.explained.map((item) => (
          <V.EventCard key={item.index} item={item} search={analytic.search} fieldsRead={fieldsRead} rba={analytic.rba} edits={edits[String(item.index)] ?? {}} onEdit={onEdit} onPick={onPick} compact={compact} />
        ))}
        {V && timedOut.map((r) => (
          <article key={`t${r.index}`} aria-label={`Event ${r.index + 1}`} className="flex flex-wrap items-center justify-between gap-2 rounded-lg border border-slate-300 p-3 dark:border-slate-700">
            <h3 className="text-sm font-semibold">Event {r.index + 1}</h3>
            <VerdictBadge verdict={r.verdict} reason={r.reason} />
          </article>
        ))}
      </div>
      {V && eventCount > 1 && run.rows.length > 0 && <V.VerdictTable rows={run.rows} />}
      {V && run.explained.length > 0 && (
        <V.SaveAsTestCase
          analytic={{ id: analytic.id, name: analytic.name, slug: analytic.slug }}
          events={run.explained.map((x) => ({ fields: x.event.fields, format: x.event.format, provenance: x.event.provenance, verdict: x.explanation.verdict }))}
        />
      )}
      {V && run.explained.length > 0 && <V.TesterExports analytic={exportAnalytic} items={run.explained} />}
    </div>
    <EvasionLab analyticId={analytic.id} load={load} names={names} samples={samples} input={input} ready={state === "done" || !!run.error} />
    </>
  );
}
