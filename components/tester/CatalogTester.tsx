"use client";
import Link from "@/components/ui/Link";
import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import { decodeCatalogPayload, enginePayloadUrl, namesPayloadUrl, type CatalogPayload } from "@/lib/tester/catalog-payload";
import { serverRunUrl } from "@/lib/tester/server-run";
import { serverRun } from "./engine-client";
import { groupResults } from "@/lib/tester/group";
import { filtersFromQuery, filtersToQuery, type ResultFilters } from "@/lib/tester/result-filters";
import type { TestScope } from "@/lib/catalog/test-scope";
import { encodeState } from "@/lib/tester/permalink";
import { InputPanel } from "./InputPanel";
import { Toolbar } from "./Toolbar";
import { useRunState } from "./useRunState";
import { useEngine, useLeadingDebounce } from "./useEngine";
import { usePermalink } from "./usePermalink";
import { PRESENT_PARAM, PRESENTATION_CLASS, usePresentation } from "./usePresentation";
import { useShortcuts, type Shortcut } from "./useShortcuts";
import { formatCount } from "@/lib/detection/numbers";
import { useLazy } from "@/components/ui/use-lazy";

/**
 * The results' views (grouped results, the events × analytics table, and the table library under
 * them), loaded once the box holds something: an empty /test never loads or hydrates them.
 */
const loadViews = () =>
  Promise.all([import("./CatalogResults"), import("./CatalogMatrix")]).then(([r, m]) => ({ CatalogResults: r.CatalogResults, CatalogMatrix: m.CatalogMatrix }));

/**
 * `/test`: paste once, run against every analytic of the catalog (in the worker); `scope` limits the
 * results to part of it (lib/catalog test-scope.ts); `filters` is the URL's `show=…&sort=…`.
 */
export function CatalogTester({ version, scope, filters: initialFilters = "" }: { version: string; scope?: TestScope; filters?: string }) {
  const client = useEngine();
  const [payload, setPayload] = useState<CatalogPayload>();
  const [loadError, setLoadError] = useState<string>();
  const [input, setInput] = useState("");
  const { run, start, listener } = useRunState();
  const [showHelp, setShowHelp] = useState(false);
  const [presentation, togglePresentation] = usePresentation();
  const textRef = useRef<HTMLTextAreaElement>(null);
  const [filters, setFiltersState] = useState<ResultFilters>(() => filtersFromQuery(new URLSearchParams(initialFilters)));
  // The toggles live in the URL's query (the pasted input stays in the hash).
  const setFilters = (f: ResultFilters) => {
    setFiltersState(f);
    const q = filtersToQuery(f, new URLSearchParams(window.location.search)).toString();
    window.history.replaceState(window.history.state, "", `${window.location.pathname}${q ? `?${q}` : ""}${window.location.hash}`);
  };

  // What the page shows of each analytic; the worker fetches the searches itself (see below).
  useEffect(() => {
    if (!client) return;
    let live = true;
    fetch(namesPayloadUrl(version))
      .then((r) => r.json())
      .then((v: unknown) => {
        if (!live) return;
        const decoded = decodeCatalogPayload(v);
        if (decoded) setPayload(decoded);
        else setLoadError("the catalog could not be loaded");
      })
      .catch((e: unknown) => live && setLoadError(`the catalog could not be loaded: ${String(e)}`));
    return () => {
      live = false;
    };
  }, [client, version]);

  // Until the worker has the catalog, the server answers small pastes too (the same engine host).
  useEffect(() => {
    client?.setRemote(serverRun(serverRunUrl(version)));
  }, [client, version]);

  // The worker loads the precompiled catalog (immutable under its version) as soon as it starts.
  useEffect(() => {
    client?.setLoad({ type: "load", url: enginePayloadUrl(version) }, payload && new Map(payload.analytics.map((a) => [a.id, a.name])));
  }, [client, version, payload]);

  // Runs need only the worker (or the server): the names are for showing them, and may come later.
  const evaluate = useLeadingDebounce((text: string) => {
    if (!client) return;
    // A scope runs only its analytics (the worker has the whole catalog loaded).
    const req = client.evaluate({ mode: "catalog", input: text, edits: {}, explainLimit: 0, ...(scope ? { only: scope.ids } : {}) }, listener);
    start(req, text.length);
  }, 150);
  // An empty box before the first run has nothing to show: asking the worker anyway made the page
  // take 1,711 "no_match" outcomes off the worker and group them while it loaded (issue 16).
  // Once something was run, emptying the box runs again, which clears the results.
  const ran = useRef(false);
  useEffect(() => {
    if (input === "" && !ran.current) return;
    ran.current = true;
    evaluate(input);
  }, [input, client, evaluate]);

  const { copy, status } = usePermalink((s) => setInput(s.input));
  const openAnalytic = (slug: string) => {
    void encodeState({ input }).then((hash) => {
      // Presenting, the analytic opens presenting too (the link carries the mode).
      window.location.href = `/analytics/${encodeURIComponent(slug)}${presentation ? `?${PRESENT_PARAM}=1` : ""}${input ? `#${hash}` : ""}`;
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
  const shown = useMemo(() => {
    if (!payload || !scope) return payload?.analytics ?? [];
    const ids = new Set(scope.ids);
    return payload.analytics.filter((a) => ids.has(a.id));
  }, [payload, scope]);
  const grouped = useMemo(() => groupResults(shown, outcomes, payload?.tacticNames ?? {}, filters), [shown, payload, outcomes, filters]);
  const firingFlat = useMemo(() => grouped.firing.flatMap((t) => t.techniques.flatMap((x) => x.items)), [grouped]);
  const eventCount = run.parsed?.eventCount ?? 0;
  const views = useLazy(input.trim() !== "", loadViews);
  const loaded = payload?.analytics.length ?? 0;
  const total = scope ? scope.ids.length : loaded;
  // Done means shown: a run's results appear once the names are here too, and once the deferred
  // outcomes have caught up with the run's (else "done" could stand over the previous run's list).
  const shownLags = outcomes !== run.outcomes;
  const state = run.running || (run.req > 0 && (!payload || shownLags || (eventCount > 0 && !views.settled))) ? "running" : run.req > 0 ? "done" : "idle";

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
      {scope && (
        <p data-testid="test-scope" data-scope={scope.param} className="rounded border-l-4 border-indigo-500 bg-indigo-50 px-2 py-1 text-sm dark:bg-indigo-950/50">
          Scoped to the {formatCount(scope.ids.length)} analytics {scope.phrase}{" "}
          {scope.href ? (
            <Link href={scope.href} className="font-semibold underline-offset-2 hover:underline">
              {scope.name}
            </Link>
          ) : (
            <span className="font-semibold">{scope.name}</span>
          )}{" "}
          (
          <a href="/test" className="underline-offset-2 hover:underline" onClick={(e) => {
            e.preventDefault();
            const q = new URLSearchParams(window.location.search);
            q.delete(scope.param);
            window.location.href = `/test${q.size ? `?${q}` : ""}${window.location.hash}`;
          }}>
            clear
          </a>
          )
        </p>
      )}
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
        {payload && `${formatCount(loaded)} analytics loaded. `}
        {run.error && <span className="text-red-700 dark:text-red-300">The engine stopped: {run.error}</span>}
        {views.error && <span className="text-red-700 dark:text-red-300">The results could not be shown: {views.error}</span>}
        {run.running && eventCount > 0 && `Evaluating… ${run.pairTotal ? Math.floor((100 * (run.pairs ?? 0)) / run.pairTotal) : 0} %`}
        {!run.running && run.ms !== undefined && eventCount > 0 && `Evaluated ${formatCount(eventCount)} event${eventCount === 1 ? "" : "s"} against ${formatCount(total)} analytics in ${formatCount(run.ms)} ms.`}
        {client?.restarts ? ` The engine was restarted ${client.restarts} time${client.restarts === 1 ? "" : "s"}.` : ""}
      </div>
      {input.trim() === "" ? (
        <p className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          Paste a command line (or many events, or upload a file) to see which analytics of the catalog fire on it, grouped by ATT&amp;CK tactic and technique. The engine runs in your browser; while it loads the catalog, the server answers small pastes with the same engine.
        </p>
      ) : (
        eventCount > 0 &&
        views.module && (
          <>
            <views.module.CatalogResults grouped={grouped} eventCount={eventCount} batches={run.batches} onOpen={openAnalytic} filters={filters} onFilters={setFilters} />
            {eventCount > 1 && !run.running && <views.module.CatalogMatrix events={run.events} firing={firingFlat} />}
            {eventCount > 1 && run.running && <p className="text-sm text-slate-600 dark:text-slate-400">The events × analytics table appears when all analytics are evaluated.</p>}
          </>
        )
      )}
    </div>
  );
}
