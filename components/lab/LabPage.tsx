import type { LabMatrix } from "@/lib/catalog/lab";
import { formatCount as n } from "@/lib/detection/numbers";
import { Section } from "@/components/ui/Section";
import { LabToolCard, type CellLinks } from "./LabToolCard";

/** `/lab/lateral-movement`: each tool's samples run against the whole catalog. */
export function LabPage({ matrix, links, catalogName }: { matrix: LabMatrix; links: CellLinks; catalogName: string }) {
  const missed = new Set(matrix.missed);
  const missedNames = matrix.rows.filter((r) => missed.has(r.tool.slug)).map((r) => r.tool.name);
  return (
    <main className="mx-auto max-w-screen-xl px-4 py-4">
      <h1 className="text-xl font-semibold tracking-tight">Lateral-movement lab</h1>
      <p className="mt-1 max-w-prose text-sm text-slate-700 dark:text-slate-300">
        {n(matrix.rows.length)} tools, each with the command lines and events it leaves on the source and the target host. Every sample is
        read as the tester reads a paste and asked of all {n(matrix.analytics)} analytics of <span className="font-semibold">{catalogName}</span>, by the
        same engine as /test, the API and the CLI. Each analytic links to the tester with the event it fires on, and to its evasion variants. Add a
        tool as one YAML file in <code>content/lab/lateral-movement/</code> (or <code>lab/lateral-movement/</code> in the content folder).
      </p>

      <Section id="missed" title="What the catalog misses" className="mt-4">
        {missedNames.length > 0 ? (
          <p data-missed-tools={matrix.missed.join(" ")} className="text-sm">
            No analytic fires on any sample of {missedNames.length === 1 ? "this tool" : `these ${missedNames.length} tools`}:{" "}
            <strong>{missedNames.join(", ")}</strong>.
          </p>
        ) : (
          <p data-missed-tools="" className="text-sm">
            Every tool fires at least one analytic that stays quiet on the benign controls.
          </p>
        )}
      </Section>

      <Section id="tools" title="Tools and the analytics that fire" className="mt-6">
        <div className="grid gap-3">
          {matrix.rows.map((r) => (
            <LabToolCard key={r.tool.slug} row={r} links={links} missed={missed.has(r.tool.slug)} />
          ))}
        </div>
      </Section>

      {matrix.controls.length > 0 && (
        <Section id="controls" title="Benign controls" className="mt-6">
          <p className="mb-2 max-w-prose text-sm text-slate-700 dark:text-slate-300">
            Ordinary events of the same kinds. An analytic that fires here fires on benign activity too, so it is listed here and not credited to a
            tool above.
          </p>
          <div className="grid gap-3">
            {matrix.controls.map((r) => (
              <LabToolCard key={r.tool.slug} row={r} links={links} missed={false} />
            ))}
          </div>
        </Section>
      )}

    </main>
  );
}
