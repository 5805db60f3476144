import Link from "@/components/ui/Link";
import type { Analytic } from "@/lib/content/types";
import { AnalyticBadges } from "@/components/ui/badges";
import { Prose } from "./Prose";

function Meta({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className="grid grid-cols-[8.5rem_minmax(0,1fr)] gap-2 py-0.5 sm:grid-cols-[10rem_minmax(0,1fr)]">
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className="min-w-0 break-words">{children}</dd>
    </div>
  );
}

const none = <span className="text-slate-400">—</span>;

/** Name, status badges, description and the seed page's metadata list (plus file and data sources). */
export function AnalyticHeader({ analytic, datamodels, dataSources = [] }: { analytic: Analytic; datamodels: string[]; dataSources?: { name: string; slug?: string }[] }) {
  const models = datamodels.length > 0 ? datamodels : analytic.datamodels;
  return (
    <header className="space-y-3">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{analytic.name}</h1>
        <div className="mt-2 flex flex-wrap items-center gap-1.5">
          <AnalyticBadges analytic={analytic} />
        </div>
      </div>
      <section aria-labelledby="description">
        <h2 id="description" className="sr-only">
          Description
        </h2>
        <Prose text={analytic.description} />
      </section>
      <dl className="rounded-md border border-slate-200 bg-slate-50 px-3 py-2 text-sm dark:border-slate-800 dark:bg-slate-900">
        <Meta label="Type">{analytic.type}</Meta>
        <Meta label="Product">{analytic.products.length ? analytic.products.join(", ") : none}</Meta>
        <Meta label="Data model">{models.length ? models.join(", ") : none}</Meta>
        <Meta label="Last updated">{analytic.date ? <time dateTime={analytic.date}>{analytic.date}</time> : none}</Meta>
        <Meta label="Author">{analytic.author ?? none}</Meta>
        <Meta label="ID">
          <code className="text-xs">{analytic.id}</code>
        </Meta>
        <Meta label="Data sources">
          {dataSources.length ? (
            <ul className="flex flex-wrap gap-x-3 gap-y-0.5" aria-label="Data sources">
              {dataSources.map((d) => (
                <li key={d.name}>
                  {d.slug ? (
                    <Link href={`/data-sources/${encodeURIComponent(d.slug)}`} className="text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-300">
                      {d.name}
                    </Link>
                  ) : (
                    d.name
                  )}
                </li>
              ))}
            </ul>
          ) : (
            none
          )}
        </Meta>
        <Meta label="Security domain">{analytic.securityDomain ?? none}</Meta>
        <Meta label="Version">{analytic.version ?? none}</Meta>
        <Meta label="File">
          <code className="text-xs break-all">{analytic.file}</code>
        </Meta>
      </dl>
    </header>
  );
}
