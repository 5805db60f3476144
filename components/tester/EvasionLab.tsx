"use client";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Sample } from "@/lib/content/samples-parse";
import type { Candidate, EvasionReport, VariantResult } from "@/lib/evasion/run";
import { encodePlain } from "@/lib/tester/permalink";
import type { FromWorker, LoadMessage } from "@/lib/tester/protocol";
import { useEngine, useLeadingDebounce } from "./useEngine";
import { VerdictBadge } from "./Verdict";
import { formatCount } from "@/lib/detection/numbers";

type LabState = { req: number; running: boolean; report?: EvasionReport; error?: string };

/**
 * The evasion lab: variants attackers use of the event that fires (the tester's input when it
 * fires, else a sample that does), each judged by the analytic in an engine worker of its own
 * (lib/evasion through the worker's `evade` message), each row linking into the tester. Its worker
 * starts once the tester has answered its first input (`ready`), so that booting it never competes
 * with the first verdict for the machine (the lab sits right below the tester: in view with it).
 */
export function EvasionLab({ analyticId, load, names, samples, input, ready }: { analyticId: string; load: LoadMessage; names: ReadonlyMap<string, string>; samples: Sample[]; input: string; ready: boolean }) {
  const [started, setStarted] = useState(false);
  useEffect(() => {
    if (ready) setStarted(true);
  }, [ready]);
  const client = useEngine(started);
  const [state, setState] = useState<LabState>({ req: 0, running: false });
  // The tester's own load message: the same analytic, macros, data sources and lookup tables.
  useEffect(() => {
    client?.setLoad(load, names);
  }, [client, load, names]);

  const fromSamples = useMemo<Candidate[]>(() => samples.filter((s) => s.expect === "match").map((s) => ({ label: `the sample “${s.label}”`, input: s.input })), [samples]);
  const listener = useCallback((m: FromWorker) => {
    setState((s) => {
      if (m.req !== s.req) return s;
      if (m.type === "evasion") return { ...s, report: m.report };
      if (m.type === "done") return { ...s, running: false };
      if (m.type === "error") return { ...s, running: false, error: m.message };
      return s;
    });
  }, []);
  const run = useLeadingDebounce((text: string) => {
    if (!client) return;
    const candidates = [...(text.trim() ? [{ label: "your input", input: text }] : []), ...fromSamples];
    const req = client.evade({ analyticId, candidates }, listener);
    setState((s) => ({ req, running: true, ...(s.report ? { report: s.report } : {}) }));
  }, 400);
  useEffect(() => run(input), [input, client, run]);

  const report = state.report;
  return (
    <section aria-labelledby="evasion" className="dc-defer dc-defer-flush scroll-mt-20 space-y-2" data-testid="evasion-lab" data-state={state.running || !report ? "running" : "done"}>
      <h3 id="evasion" className="text-base font-semibold">
        Evasion lab
      </h3>
      <p className="text-sm text-slate-700 dark:text-slate-300">
        The variants attackers use of a command line that fires, each run against this analytic: which still fire, which evade, and the clause that stops each. A row opens it in the tester above.
      </p>
      <div role="status" aria-live="polite" className="text-sm">
        {state.error && <span className="text-red-700 dark:text-red-300">The engine stopped: {state.error}</span>}
        {!state.error && !report && "Making variants…"}
        {report && !report.ok && <NothingFires report={report} />}
        {report?.ok && <Summary report={report} />}
      </div>
      {report?.ok && <VariantTable analyticId={analyticId} variants={report.variants} />}
    </section>
  );
}

function NothingFires({ report }: { report: Extract<EvasionReport, { ok: false }> }) {
  return (
    <div data-testid="evasion-nothing" className="rounded-md border border-dashed border-slate-300 p-3 dark:border-slate-700">
      <p>
        <strong>Nothing fires to start from</strong>
        {report.tried.length === 0 ? ": paste an event that fires this analytic in the tester above, and its variants appear here." : ". Paste an event that fires this analytic in the tester above, and its variants appear here."}
      </p>
      {report.tried.length > 0 && (
        <ul className="mt-1 list-inside list-disc text-slate-700 dark:text-slate-300">
          {report.tried.map((t, i) => (
            <li key={i} className="[overflow-wrap:anywhere]">
              {t.label}: {t.outcome}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Summary({ report }: { report: Extract<EvasionReport, { ok: true }> }) {
  const variants = report.variants.filter((v) => v.generator !== "original");
  const count = (v: VariantResult["verdict"]) => variants.filter((x) => x.verdict === v).length;
  return (
    <p data-testid="evasion-summary">
      From {report.seed.label}: {formatCount(variants.length)} variants — {formatCount(count("match"))} still fire, {formatCount(count("no_match"))} evade
      {count("not_testable") ? `, ${formatCount(count("not_testable"))} not testable` : ""}.
      {report.skipped.length > 0 && ` ${formatCount(report.skipped.length)} could not be written as an event and are left out.`}
    </p>
  );
}

const CELL = "px-2 py-1.5 align-top max-sm:px-0 max-sm:py-0.5";

function VariantTable({ analyticId, variants }: { analyticId: string; variants: VariantResult[] }) {
  return (
    <table className="w-full table-fixed border-collapse text-sm max-sm:block" data-testid="evasion-table">
      <caption className="sr-only">Variants and their verdicts</caption>
      <colgroup className="max-sm:hidden">
        <col className="w-36" />
        <col />
        <col className="w-32" />
        <col className="w-[28%]" />
      </colgroup>
      <thead className="max-sm:sr-only">
        <tr className="border-b border-slate-300 text-left dark:border-slate-700">
          <th scope="col" className="px-2 py-1">Generator</th>
          <th scope="col" className="px-2 py-1">Variant</th>
          <th scope="col" className="px-2 py-1">Verdict</th>
          <th scope="col" className="px-2 py-1">Stopping clause</th>
        </tr>
      </thead>
      <tbody className="max-sm:block">
        {variants.map((v, i) => {
          // The technique in words once, on the first row of its generator.
          const first = i === 0 || variants[i - 1]!.generator !== v.generator;
          return (
            <tr key={i} data-variant={v.generator} data-verdict={v.verdict} className="border-b border-slate-200 dark:border-slate-800 max-sm:grid max-sm:grid-cols-[minmax(0,1fr)_auto] max-sm:gap-x-2 max-sm:py-2">
              <td className={`${CELL} max-sm:order-1`} title={v.description}>
                <span className="font-semibold">{v.generator}</span>
                {first && <span className="block text-xs text-slate-600 dark:text-slate-400">{v.description}</span>}
              </td>
              <td className={`${CELL} max-sm:order-3 max-sm:col-span-2`}>
                <a href={`#${encodePlain({ input: v.input, analytic: analyticId })}`} className="block whitespace-pre-wrap font-mono text-xs text-blue-800 underline-offset-2 [overflow-wrap:anywhere] hover:underline dark:text-blue-300">
                  {v.process}
                  {/* Named by its own text, then what it does (axe label-content-name-mismatch). */}
                  <span className="sr-only"> — open the {v.generator} variant in the tester</span>
                </a>
              </td>
              <td className={`${CELL} max-sm:order-2`}>
                <VerdictBadge size="sm" verdict={v.verdict} reason={v.reason} />
              </td>
              <td className={`${CELL} text-xs [overflow-wrap:anywhere] max-sm:order-4 max-sm:col-span-2 ${v.stoppedBy ? "" : "max-sm:hidden"}`}>
                {v.stoppedBy ? (
                  <>
                    <span className="sm:hidden">Stopping clause: </span>
                    <code>{v.stoppedBy}</code>
                  </>
                ) : v.verdict === "match" ? (
                  <span className="text-slate-500">—</span>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
