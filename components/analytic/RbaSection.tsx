import type { Rba } from "@/lib/rba/types";
import { messageParts } from "@/lib/rba/message";
import { Badge, SeverityBadge } from "@/components/ui/badges";
import { Empty, Section } from "@/components/ui/Section";
import { ScrollBox } from "@/components/ui/ScrollBox";
import { Icon } from "@/components/ui/Icon";

const th = "py-1 pr-3 text-left text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400";
const td = "py-1 pr-3 align-top";

/** The message with its `$field$` tokens marked (Splunk fills them from the result's fields). */
export function RiskMessage({ message }: { message: string }) {
  if (!message) return <span className="italic text-slate-500">No message.</span>;
  return (
    <span>
      {messageParts(message).map((p, i) =>
        p.field !== undefined ? (
          <code key={i} title={`filled from the result field ${p.field}`} className="rounded bg-indigo-100 px-1 text-xs text-indigo-900 dark:bg-indigo-900 dark:text-indigo-100">
            ${p.field}$
          </code>
        ) : (
          <span key={i}>{p.text}</span>
        ),
      )}
    </span>
  );
}

/** Risk-based alerting: score, impact, confidence, message, objects, the formula and staleness. */
export function RbaSection({ rba }: { rba: Rba }) {
  return (
    <Section id="rba" title="RBA">
      {rba.schema === "none" ? (
        <Empty>This analytic carries no risk-based alerting data.</Empty>
      ) : (
        <div className="space-y-4">
          <ScrollBox label="Risk score, impact and confidence">
            <table className="w-full text-sm">
              <thead>
                <tr className="border-b border-slate-200 dark:border-slate-800">
                  <th scope="col" className={th}>Risk score</th>
                  <th scope="col" className={th}>Impact</th>
                  <th scope="col" className={th}>Confidence</th>
                  <th scope="col" className={th}>Severity</th>
                  <th scope="col" className={th}>Message</th>
                </tr>
              </thead>
              <tbody>
                <tr>
                  <td className={`${td} text-lg font-semibold tabular-nums`} data-testid="risk-score">
                    {rba.riskScore}
                  </td>
                  <td className={`${td} tabular-nums`}>{rba.impact ?? "—"}</td>
                  <td className={`${td} tabular-nums`}>{rba.confidence ?? "—"}</td>
                  <td className={td}>
                    <SeverityBadge severity={rba.severity} />
                  </td>
                  <td className={`${td} min-w-[16rem]`}>
                    <RiskMessage message={rba.message} />
                  </td>
                </tr>
              </tbody>
            </table>
          </ScrollBox>
          <p className="text-sm text-slate-700 dark:text-slate-300">
            <Icon name="info" className="mr-1 text-slate-500" />
            {rba.schema === "legacy" ? "Risk score = round(impact × confidence / 100): " : "Risk score = the largest risk-object score: "}
            <code className="rounded bg-slate-100 px-1 dark:bg-slate-800">{rba.formula}</code>. Severity follows the score in 20-point bands
            (informational, low, medium, high, critical).
          </p>
          {rba.storedScoreStale && (
            <p role="note" className="flex flex-wrap items-center gap-2 text-sm">
              <Badge tone="warn">stale stored score</Badge>
              <span>
                The file stores risk_score {rba.storedRiskScore}, but its impact and confidence give {rba.riskScore}. The console shows the
                computed value.
              </span>
            </p>
          )}
          <div className="grid gap-4 sm:grid-cols-2">
            <div>
              <h3 className="mb-1 text-sm font-semibold">Risk objects</h3>
              {rba.riskObjects.length === 0 ? (
                <Empty>None.</Empty>
              ) : (
                <table className="w-full text-sm">
                  <thead>
                    <tr className="border-b border-slate-200 dark:border-slate-800">
                      <th scope="col" className={th}>Field</th>
                      <th scope="col" className={th}>Type</th>
                      <th scope="col" className={`${th} text-right`}>Score</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rba.riskObjects.map((o) => (
                      <tr key={`${o.field}-${o.type}`}>
                        <td className={`${td} font-mono text-xs`}>{o.field}</td>
                        <td className={td}>
                          {o.type}
                          {o.sourceType && o.sourceType !== o.type && <span className="text-slate-500"> ({o.sourceType})</span>}
                        </td>
                        <td className={`${td} text-right tabular-nums`}>{o.score}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
            <div>
              <h3 className="mb-1 text-sm font-semibold">Threat objects</h3>
              {rba.threatObjects.length === 0 ? (
                <Empty>None.</Empty>
              ) : (
                <table className="w-full text-sm">
                  <thead>
                    <tr className="border-b border-slate-200 dark:border-slate-800">
                      <th scope="col" className={th}>Field</th>
                      <th scope="col" className={th}>Type</th>
                    </tr>
                  </thead>
                  <tbody>
                    {rba.threatObjects.map((o) => (
                      <tr key={`${o.field}-${o.type}`}>
                        <td className={`${td} font-mono text-xs`}>{o.field}</td>
                        <td className={td}>
                          {o.type}
                          {o.sourceType && o.sourceType !== o.type && <span className="text-slate-500"> ({o.sourceType})</span>}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              )}
            </div>
          </div>
        </div>
      )}
    </Section>
  );
}
