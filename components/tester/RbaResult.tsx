import { renderRiskMessage } from "@/lib/rba/message";
import type { Rba } from "@/lib/rba/types";
import type { Row } from "@/lib/detection/types";

const asText = (v: Row[string] | undefined) => (v === undefined ? undefined : Array.isArray(v) ? v.join(", ") : String(v));

/** What the alert would say for this result row: message with tokens filled, risk and threat objects. */
export function RbaResult({ rba, row, unknown }: { rba: Rba; row: Row; unknown: Set<string> }) {
  if (rba.schema === "none" && !rba.message) return <p className="text-sm text-slate-600 dark:text-slate-400">This analytic has no risk-based alerting settings.</p>;
  const { parts } = renderRiskMessage(rba.message, row);
  const missing = parts.filter((p) => p.missing).map((p) => p.field);
  const unknownValue = (field: string) => unknown.has(field) && asText(row[field]) === "null";
  const unknownTokens = [...new Set(parts.filter((p) => p.field !== undefined && !p.missing && unknownValue(p.field)).map((p) => p.field!))];
  const shown = (field: string) => (unknownValue(field) ? <em className="text-amber-800 dark:text-amber-300">‹{field}› (unknown)</em> : (asText(row[field]) ?? <em className="text-amber-800 dark:text-amber-300">missing</em>));
  return (
    <div className="space-y-2 text-sm" data-testid="rba-result">
      <p className="rounded-md border border-slate-200 bg-white p-2 dark:border-slate-800 dark:bg-slate-950">
        <span className="mr-1 text-xs uppercase tracking-wide text-slate-500">Risk message</span>
        <span className="whitespace-pre-wrap [overflow-wrap:anywhere]">
          {parts.map((p, i) =>
            p.field === undefined ? (
              <span key={i}>{p.text}</span>
            ) : p.missing ? (
              <mark key={i} data-token="missing" title={`${p.field} is not in the result row`} className="rounded-sm bg-amber-200 px-0.5 text-amber-950 ring-1 ring-amber-500 dark:bg-amber-800 dark:text-amber-50">
                ‹{p.field}›
              </mark>
            ) : unknownValue(p.field) ? (
              <mark key={i} data-token="unknown" title={`${p.field} is not in this input (Splunk would print "null")`} className="rounded-sm bg-amber-100 px-0.5 text-amber-900 ring-1 ring-amber-400 dark:bg-amber-900 dark:text-amber-50">
                ‹{p.field}›
              </mark>
            ) : (
              <strong key={i} data-token="filled">
                {p.text}
              </strong>
            ),
          )}
        </span>
      </p>
      {missing.length > 0 && <p className="text-xs text-amber-800 dark:text-amber-300">Not in the result row: {missing.join(", ")}.</p>}
      {unknownTokens.length > 0 && (
        <p className="text-xs text-amber-800 dark:text-amber-300">
          Not in this input: {unknownTokens.join(", ")} (Splunk would print &quot;null&quot;; fill {unknownTokens.length > 1 ? "them" : "it"} in under the fields to see the message).
        </p>
      )}
      <div className="grid gap-2 sm:grid-cols-2">
        <div>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Risk objects</h4>
          <ul className="mt-1 space-y-0.5">
            {rba.riskObjects.length === 0 && <li className="text-slate-500">none</li>}
            {rba.riskObjects.map((o, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                <code>{o.field}</code> = {shown(o.field)} <span className="text-slate-500">({o.type})</span>{" "}
                <span className="font-semibold">score {o.score}</span>
              </li>
            ))}
          </ul>
        </div>
        <div>
          <h4 className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">Threat objects</h4>
          <ul className="mt-1 space-y-0.5">
            {rba.threatObjects.length === 0 && <li className="text-slate-500">none</li>}
            {rba.threatObjects.map((o, i) => (
              <li key={i} className="[overflow-wrap:anywhere]">
                <code>{o.field}</code> = {shown(o.field)} <span className="text-slate-500">({o.type})</span>
              </li>
            ))}
          </ul>
        </div>
      </div>
      <p className="text-xs text-slate-600 dark:text-slate-400">
        Risk score {rba.riskScore} ({rba.formula}), severity {rba.severity}.
      </p>
    </div>
  );
}
