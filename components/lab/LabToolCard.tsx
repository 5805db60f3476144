import Link from "@/components/ui/Link";
import type { LabCell, LabRow } from "@/lib/catalog/lab";
import { countOf } from "@/lib/detection/numbers";

/** Per (tool, analytic) cell: the tester link (the first firing sample), by cell key `<tool>|<analytic id>`. */
export type CellLinks = Readonly<Record<string, string>>;
export const cellKey = (tool: string, analyticId: string) => `${tool}|${analyticId}`;

const sampleNo = (key: string) => Number(key.slice(key.lastIndexOf("#") + 1)) + 1;

function Tag({ tone, children }: { tone: "neutral" | "info" | "warn" | "ok"; children: React.ReactNode }) {
  return <span className={`dc-badge dc-tone-${tone}`}>{children}</span>;
}

/**
 * One (tool, analytic) cell. `data-verdict` is the engine's verdict on the first sample it names
 * (always match: a cell exists only where the analytic fires); the link opens that sample in the
 * analytic's tester.
 */
function Cell({ tool, cell, href, control }: { tool: string; cell: LabCell; href: string | undefined; control: boolean }) {
  const a = cell.analytic;
  const flags = [a.status !== "production" ? a.status : "", a.type].filter(Boolean).join(" · ");
  return (
    <li data-cell={tool} data-verdict="match" className="dc-lab-cell">
      {href ? (
        <a href={href} className="dc-lab-a font-semibold">
          {a.name}
        </a>
      ) : (
        <span className="font-semibold">{a.name}</span>
      )}
      <div className="dc-lab-meta">
        <span>{a.techniques.length ? a.techniques.join(", ") : "no technique"}</span>
        <span>{`risk ${a.riskScore}`}</span>
        {flags && <span>{flags}</span>}
        <span>{`fires on sample${cell.samples.length === 1 ? "" : "s"} ${cell.samples.map(sampleNo).join(", ")}`}</span>
        {!control && (
          <Link href={`/analytics/${encodeURIComponent(a.slug)}#evasion`} className="dc-lab-a">
            evasion
          </Link>
        )}
      </div>
    </li>
  );
}

/** One tool: what it is, its samples (with the host they come from), and the analytics that fire. */
export function LabToolCard({ row, links, missed }: { row: LabRow; links: CellLinks; missed: boolean }) {
  const { tool } = row;
  const control = tool.control === true;
  const id = `tool-${tool.slug}`;
  return (
    <article aria-labelledby={id} data-tool-row={tool.slug} data-missed={missed ? "true" : "false"} className="dc-lab-card">
      <h3 id={id} className="flex flex-wrap items-center gap-2 font-semibold">
        {tool.name}
        {missed && <Tag tone="warn">no analytic fires</Tag>}
        {!control && !missed && <Tag tone="ok">{countOf(row.cells.length, "analytic")}</Tag>}
      </h3>
      {tool.summary && <p className="mt-1 text-sm">{tool.summary}</p>}
      {tool.source && <p className="dc-lab-muted mt-1">{`Source: ${tool.source}`}</p>}
      <details className="mt-2 text-sm">
        <summary className="cursor-pointer">
          {`${countOf(tool.samples.length, "sample")} `}
          <span className="dc-lab-muted">{`(${tool.file})`}</span>
        </summary>
        <ol className="mt-1 list-decimal space-y-1 pl-6">
          {row.samples.map((s) => (
            <li key={s.sample.key}>
              <Tag tone={s.sample.host === "target" ? "info" : "neutral"}>{s.sample.host}</Tag>
              {` ${s.sample.label}`}
              {(s.unread || s.sample.source !== tool.source) && (
                <span className="dc-lab-muted">{s.unread ? ` — not read: ${s.unread}` : ` — source: ${s.sample.source}`}</span>
              )}
            </li>
          ))}
        </ol>
      </details>
      {row.cells.length > 0 ? (
        <ul className="mt-2 grid gap-1.5 sm:grid-cols-2" aria-label={`Analytics that fire on ${tool.name}`}>
          {row.cells.map((c) => (
            <Cell key={c.analytic.id} tool={tool.slug} cell={c} href={links[cellKey(tool.slug, c.analytic.id)]} control={control} />
          ))}
        </ul>
      ) : (
        <p className="mt-2 text-sm">No analytic of the catalog fires on any of its samples.</p>
      )}
      {row.noise.length > 0 && (
        <p className="dc-lab-muted mt-2" data-noise={row.noise.length}>
          Not credited: {countOf(row.noise.length, "analytic")} that fire on the <a href="#controls" className="dc-lab-a">benign controls</a> too.
        </p>
      )}
    </article>
  );
}
