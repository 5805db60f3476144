import Link from "@/components/ui/Link";
import type { AttackRow } from "@/lib/catalog/analytic-view";
import type { Analytic } from "@/lib/content/types";
import { Badge } from "@/components/ui/badges";
import { Empty, Section } from "@/components/ui/Section";
import { ScrollBox } from "@/components/ui/ScrollBox";
import { Icon } from "@/components/ui/Icon";

const ext = "text-indigo-800 underline decoration-indigo-300 underline-offset-2 hover:decoration-2 dark:text-indigo-300";

function Chips({ items, mono = false }: { items: string[]; mono?: boolean }) {
  if (items.length === 0) return <Empty>None.</Empty>;
  return (
    <ul className="flex flex-wrap gap-1.5">
      {items.map((i) => (
        <li key={i} className={`rounded bg-slate-100 px-1.5 py-0.5 text-sm dark:bg-slate-800 ${mono ? "font-mono text-xs" : ""}`}>
          {i}
        </li>
      ))}
    </ul>
  );
}

function StatusBadge({ row }: { row: AttackRow }) {
  if (row.status === "revoked")
    return (
      <Badge tone="warn" title="Revoked by MITRE; the technique it now points to">
        revoked{row.resolvedId ? ` → ${row.resolvedId}` : ""}
      </Badge>
    );
  if (row.status === "deprecated") return <Badge tone="warn">deprecated</Badge>;
  if (row.status === "unknown") return <Badge tone="warn" title="Not in the ATT&CK version the console uses">unknown id</Badge>;
  return null;
}

/** Annotations: the ATT&CK table, then kill chain phases, NIST, CIS and CVE. */
export function AttackSection({ analytic, rows }: { analytic: Analytic; rows: AttackRow[] }) {
  return (
    <Section id="annotations" title="Annotations">
      <div className="space-y-5">
        <Section id="attack" title="ATT&CK" level={3}>
          {rows.length === 0 ? (
            <Empty>No ATT&amp;CK technique cited.</Empty>
          ) : (
            <ScrollBox label="ATT&CK techniques">
              <table className="w-full text-sm">
                <thead className="text-left text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
                  <tr className="border-b border-slate-200 dark:border-slate-800">
                    <th scope="col" className="py-1 pr-3 font-semibold">ID</th>
                    <th scope="col" className="py-1 pr-3 font-semibold">Technique</th>
                    <th scope="col" className="py-1 font-semibold">Tactic</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr key={r.id} className="border-b border-slate-100 align-top last:border-0 dark:border-slate-800/60">
                      <td className="whitespace-nowrap py-1 pr-3 font-mono text-xs">
                        {/* The id opens the catalog filtered by it; the arrow opens MITRE's page. */}
                        <Link className={ext} href={`/?technique=${encodeURIComponent(r.resolvedId ?? r.id)}`} title={`Analytics citing ${r.resolvedId ?? r.id}`} data-technique-link={r.resolvedId ?? r.id}>
                          {r.id}
                        </Link>{" "}
                        <a className={ext} href={r.url} target="_blank" rel="noreferrer" aria-label={`${r.id} on attack.mitre.org`}>
                          <Icon name="external" />
                        </a>
                      </td>
                      <td className="py-1 pr-3">
                        <span className="mr-1.5">{r.name ?? <span className="text-slate-500">(unknown technique)</span>}</span>
                        <StatusBadge row={r} />
                        {r.resolvedId && r.resolvedUrl && (
                          <a className={`ml-1.5 font-mono text-xs ${ext}`} href={r.resolvedUrl} target="_blank" rel="noreferrer">
                            {r.resolvedId}
                          </a>
                        )}
                      </td>
                      <td className="py-1">{r.tactics.length ? r.tactics.join(", ") : <span className="text-slate-400">—</span>}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </ScrollBox>
          )}
        </Section>
        <div className="grid gap-4 sm:grid-cols-2">
          <Section id="kill-chain" title="Kill Chain Phase" level={3}>
            <Chips items={analytic.killChainPhases} />
          </Section>
          <Section id="nist" title="NIST" level={3}>
            <Chips items={analytic.nist} mono />
          </Section>
          <Section id="cis" title="CIS20" level={3}>
            <Chips items={analytic.cis} />
          </Section>
          <Section id="cve" title="CVE" level={3}>
            {analytic.cve.length === 0 ? (
              <Empty>None.</Empty>
            ) : (
              <ul className="flex flex-wrap gap-1.5">
                {analytic.cve.map((c) => (
                  <li key={c}>
                    <a className={`font-mono text-xs ${ext}`} href={`https://nvd.nist.gov/vuln/detail/${encodeURIComponent(c)}`} target="_blank" rel="noreferrer">
                      {c}
                    </a>
                  </li>
                ))}
              </ul>
            )}
          </Section>
        </div>
      </div>
    </Section>
  );
}
