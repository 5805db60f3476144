import Link from "@/components/ui/Link";
import type { CoverageResult } from "@/lib/attack/coverage";
import { techniqueUrl } from "@/lib/attack";
import { catalogHref, emptyQuery } from "@/lib/catalog/query";
import { formatCount } from "@/lib/detection/numbers";

/** The tactics and techniques a story's analytics map to, tactic by tactic in matrix order, with counts. */
export function AttackFootprint({ coverage, storyName }: { coverage: CoverageResult; storyName: string }) {
  const columns = coverage.columns
    .map((c) => ({
      tactic: c.tactic,
      techniques: c.techniqueIds
        .map((id) => coverage.techniques[id]!)
        .filter((t) => t.total > 0)
        .flatMap((t) => [t, ...t.subtechniques.map((s) => coverage.techniques[s]!).filter((s) => s.analytics.length > 0)])
        .filter((t) => t.analytics.length > 0),
    }))
    .filter((c) => c.techniques.length > 0);
  const q = emptyQuery();
  q.filters.story = [storyName];
  const matrixHref = catalogHref(q, "/attack");
  return (
    <div className="space-y-2">
      <p className="text-sm text-slate-600 dark:text-slate-400">
        {formatCount(coverage.stats.techniquesCovered)} {coverage.stats.techniquesCovered === 1 ? "technique" : "techniques"} across {formatCount(columns.length)}{" "}
        {columns.length === 1 ? "tactic" : "tactics"}.{" "}
        <Link href={matrixHref} className="text-indigo-800 underline underline-offset-2 dark:text-indigo-300">
          See the story on the ATT&amp;CK matrix
        </Link>
      </p>
      {columns.length === 0 ? (
        <p className="text-sm italic text-slate-500">Its analytics cite no Enterprise ATT&amp;CK technique.</p>
      ) : (
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-2 lg:grid-cols-3">
          {columns.map((c) => (
            <div key={c.tactic.shortname}>
              <dt className="text-sm font-semibold">{c.tactic.name}</dt>
              <dd>
                <ul className="space-y-0.5 text-sm">
                  {c.techniques.map((t) => (
                    <li key={t.id} className={t.parent ? "dc-fp-sub" : "dc-fp"}>
                      <a href={techniqueUrl(t.id)} target="_blank" rel="noreferrer" className="dc-fp-id">
                        {t.id}
                      </a>
                      <span className="dc-fp-name">
                        {t.name}
                        {t.notes.length > 0 && (
                          <span className="block text-xs text-amber-800 dark:text-amber-300">{t.notes.join(" ")}</span>
                        )}
                      </span>
                      <span className="dc-fp-n" title="analytics in the story">
                        {formatCount(t.analytics.length)}
                        <span className="sr-only"> {t.analytics.length === 1 ? "analytic" : "analytics"}</span>
                      </span>
                    </li>
                  ))}
                </ul>
              </dd>
            </div>
          ))}
        </dl>
      )}
    </div>
  );
}
