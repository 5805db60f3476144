"use client";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { isCatalogPayload, type CatalogPayload } from "@/lib/tester/catalog-payload";
import { groupResults } from "@/lib/tester/group";
import { encodeState } from "@/lib/tester/permalink";
import { CatalogMatrix } from "./CatalogMatrix";
import { CatalogResults } from "./CatalogResults";
import { InputPanel } from "./InputPanel";
import { Toolbar } from "./Toolbar";
import { useRunState } from "./useRunState";
import { useEngine, useLeadingDebounce } from "./useEngine";
import { usePermalink } from "./usePermalink";
import { PRESENTATION_CLASS, usePresentation, useShortcuts, type Shortcut } from "./useTrainer";

/** `/test`: paste once, run against every analytic of the catalog (in the worker). */
export function CatalogTester() {
  const client = useEngine();
  const [payload, setPayload] = useState<CatalogPayload>();
  const [loadError, setLoadError] = useState<string>();
  const [input, setInput] = useState("");
  const { run, start, listener } = useRunState();
  const [showHelp, setShowHelp] = useState(false);
  const [presentation, togglePresentation] = usePresentation();
  const textRef = useRef<HTMLTextAreaElement>(null);

  useEffect(() => {
    let live = true;
    fetch("/test/catalog")
      .then((r) => r.json())
      .then((v: unknown) => {
        if (!live) return;
        if (isCatalogPayload(v)) setPayload(v);
        else setLoadError("the catalog could not be loaded");
      })
      .catch((e: unknown) => live && setLoadError(`the catalog could not be loaded: ${String(e)}`));
    return () => {
      live = false;
    };
  }, []);

  useEffect(() => {
    if (client && payload) client.setLoad({ type: "load", analytics: payload.analytics.map((a) => ({ id: a.id, search: a.search })), macros: payload.macros });
  }, [client, payload]);

  const evaluate = useLeadingDebounce((text: string) => {
    if (!client || !payload) return;
    const req = client.evaluate({ mode: "catalog", input: text, edits: {}, explainLimit: 0 }, listener);
    start(req, text.length);
  }, 150);
  useEffect(() => {
    evaluate(input);
  }, [input, client, payload, evaluate]);

  const { copy, status } = usePermalink((s) => setInput(s.input));
  const openAnalytic = (slug: string) => {
    void encodeState({ input }).then((hash) => {
      window.location.href = `/analytics/${encodeURIComponent(slug)}${input ? `#${hash}` : ""}`;
    });
  };

  const shortcuts: Shortcut[] = [
    { key: "/", label: "focus the Events box", run: () => textRef.current?.focus() },
    { key: "l", label: "copy a link to this test", run: () => void copy({ input }) },
    { key: "t", label: "presentation mode on / off", run: togglePresentation },
    { key: "?", label: "show these shortcuts", run: () => setShowHelp((v) => !v) },
  ];
  useShortcuts(shortcuts);

  const outcomes = useDeferredValue(run.outcomes);
  const grouped = useMemo(() => groupResults(payload?.analytics ?? [], outcomes, payload?.tacticNames ?? {}), [payload, outcomes]);
  const firingFlat = useMemo(() => grouped.firing.flatMap((t) => t.techniques.flatMap((x) => x.items)), [grouped]);
  const eventCount = run.parsed?.eventCount ?? 0;
  const total = payload?.analytics.length ?? 0;
  const state = run.running ? "running" : run.req > 0 ? "done" : "idle";

  return (
    <div data-presentation={presentation ? "on" : "off"} className={`space-y-4 ${presentation ? `${PRESENTATION_CLASS} rounded-lg p-3` : ""}`}>
      <Toolbar
        onCopy={() => void copy({ input })}
        linkStatus={status}
        presentation={presentation}
        onPresentation={togglePresentation}
        shortcuts={shortcuts}
        showHelp={showHelp}
        onHelp={() => setShowHelp((v) => !v)}
      />
      <InputPanel ref={textRef} id="catalog-events" value={input} onChange={setInput} parsed={run.parsed} />
      <div
        data-testid="run-status"
        data-state={state}
        data-req={run.req}
        data-input-length={run.inputLength}
        data-evaluated={run.outcomes.size}
        role="status"
        aria-live="polite"
        className="text-xs text-slate-600 dark:text-slate-400"
      >
        {loadError && <span className="text-red-700 dark:text-red-300">{loadError}</span>}
        {!payload && !loadError && "Loading the catalog…"}
        {payload && `${total.toLocaleString("en")} analytics loaded. `}
        {run.error && <span className="text-red-700 dark:text-red-300">The engine stopped: {run.error}</span>}
        {run.running && eventCount > 0 && `Evaluating… ${run.outcomes.size.toLocaleString("en")} of ${total.toLocaleString("en")} analytics`}
        {!run.running && run.ms !== undefined && eventCount > 0 && `Evaluated ${eventCount.toLocaleString("en")} event${eventCount === 1 ? "" : "s"} against ${total.toLocaleString("en")} analytics in ${Math.round(run.ms)} ms.`}
        {client?.restarts ? ` The engine was restarted ${client.restarts} time${client.restarts === 1 ? "" : "s"} after a time-out.` : ""}
      </div>
      {input.trim() === "" ? (
        <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Paste a command line (or many events, or upload a file) to see which analytics of the catalog fire on it, grouped by ATT&amp;CK tactic and technique. Everything runs in your browser.
        </p>
      ) : (
        eventCount > 0 && (
          <>
            <CatalogResults grouped={grouped} eventCount={eventCount} batches={run.batches} onOpen={openAnalytic} />
            {eventCount > 1 && !run.running && <CatalogMatrix events={run.events} firing={firingFlat} />}
            {eventCount > 1 && run.running && <p className="text-sm text-slate-600 dark:text-slate-400">The events × analytics table appears when all analytics are evaluated.</p>}
          </>
        )
      )}
    </div>
  );
}
