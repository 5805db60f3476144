import Link from "@/components/ui/Link";
import type { DataSourceView } from "@/lib/catalog/data-sources";
import { Empty, Section } from "@/components/ui/Section";
import { FieldsTable } from "@/components/tester/FieldsTable";
import { AnalyticLinks } from "./AnalyticLinks";
import { formatCount } from "@/lib/detection/numbers";
import { MetaList } from "@/components/ui/MetaList";
import { ScrollBox } from "@/components/ui/ScrollBox";

const dash = <span className="text-slate-400">—</span>;

/** One data source: where its events come from, its add-on and fields, its example read into fields, and its analytics. */
export function DataSourcePage({ view, testHref }: { view: DataSourceView; testHref?: string }) {
  const ex = view.example;
  const meta: [string, React.ReactNode][] = [
    ["Source", view.source ? <code className="break-all text-xs">{view.source}</code> : dash],
    ["Sourcetype", view.sourcetype ? <code className="break-all text-xs">{view.sourcetype}</code> : dash],
    [
      "Add-on",
      view.addOns.length ? (
        <ul>
          {view.addOns.map((t) => (
            <li key={t.name}>
              {t.url ? (
                <a href={t.url} className="text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-300" rel="noreferrer">
                  {t.name}
                </a>
              ) : (
                t.name
              )}
              {t.version && <span className="text-slate-600 dark:text-slate-400"> {t.version}</span>}
            </li>
          ))}
        </ul>
      ) : (
        dash
      ),
    ],
    ["Separator", view.separator ? <><code className="text-xs">{view.separator}</code>{view.separatorValue && <> = <code className="text-xs">{view.separatorValue}</code></>}</> : dash],
    ["CIM datasets", view.datasets.length ? view.datasets.join(", ") : ex ? "none mapped for its example" : dash],
    ["File", <code key="f" className="break-all text-xs">{view.file}</code>],
  ];
  return (
    <main className="mx-auto max-w-screen-xl space-y-6 px-4 py-4">
      <nav aria-label="Breadcrumb" className="text-sm">
        <Link href="/data-sources" className="text-indigo-800 hover:underline dark:text-indigo-300">
          Data sources
        </Link>
      </nav>
      <header className="space-y-3">
        <h1 className="text-2xl font-semibold tracking-tight break-words">{view.name}</h1>
        {view.description && <p className="text-sm text-slate-700 dark:text-slate-300">{view.description}</p>}
        <MetaList items={meta} />
      </header>
      <Section id="analytics" title={`Analytics that read it (${formatCount(view.analytics.length)})`}>
        {view.analytics.length > 0 && (
          <p className="mb-2 flex flex-wrap items-center gap-3 text-sm">
            {testHref && <a href={testHref} data-testid="run-example" className="inline-block rounded border border-indigo-600 bg-indigo-600 px-3 py-1 text-sm text-white hover:bg-indigo-700 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-indigo-500">
              Run the example against these {view.analytics.length} analytics
            </a>}
            <a href={view.catalogHref} className="dc-link">
              Open them in the catalog
            </a>
          </p>
        )}
        {view.analytics.length ? (
          <AnalyticLinks items={view.analytics.map((a) => [a.slug, a.name])} label="Analytics that read this data source" />
        ) : (
          <Empty>No analytic of this content names this data source.</Empty>
        )}
      </Section>
      <Section id="example" title="Example event">
        {ex ? (
          <div className="space-y-3">
            <pre tabIndex={0} className="max-h-72 overflow-auto whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono text-xs [overflow-wrap:anywhere] dark:bg-slate-900" aria-label="Text of the example event">
              {ex.text}
              {ex.fullLength > ex.text.length && <span className="dc-muted"> … ({formatCount(ex.fullLength - ex.text.length)} more characters; the test link runs all of it)</span>}
            </pre>
            <p className="text-sm" data-testid="example-recognised">
              {ex.problem ? (
                <>Could not be read: {ex.problem}</>
              ) : ex.dataSource ? (
                <>
                  Read as <strong>{ex.dataSource}</strong>
                  {ex.dataSource !== view.name && <span className="text-amber-800 dark:text-amber-300"> (not this data source: the console would take it for another one)</span>}.
                </>
              ) : ex.candidates.length > 1 ? (
                <>Ambiguous: {ex.candidates.join(", ")} fit equally.</>
              ) : (
                <>Not recognised as any data source (its fields are still read).</>
              )}
            </p>
            {ex.notes.length > 0 && (
              <ul className="list-disc pl-5 text-sm text-slate-700 dark:text-slate-300">
                {ex.notes.map((n) => (
                  <li key={n}>{n}</li>
                ))}
              </ul>
            )}
            {ex.groups.length > 0 && (
              <Section id="example-fields" title="The example read into fields" level={3}>
                <FieldsTable groups={ex.groups} eventLabel="the example event" />
                {ex.omittedFields > 0 && <p className="dc-muted mt-1 text-sm">{formatCount(ex.omittedFields)} more fields are not shown here (the first 150 of each group are).</p>}
              </Section>
            )}
          </div>
        ) : (
          <Empty>This data source gives no example event.</Empty>
        )}
      </Section>
      <Section id="fields" title={`Fields the add-on extracts (${formatCount(view.fields.length)})`}>
        {view.fields.length ? (
          <ul className="flex flex-wrap gap-1.5 font-mono text-xs [&>li]:rounded [&>li]:bg-slate-100 [&>li]:px-1.5 [&>li]:py-0.5 dark:[&>li]:bg-slate-800" aria-label="Fields the add-on extracts">
            {view.fields.map((f) => (
              <li key={f}>{f}</li>
            ))}
          </ul>
        ) : (
          <Empty>The data source lists no fields.</Empty>
        )}
        {view.fieldMappings.length > 0 && (
          <div className="mt-4 space-y-3">
            {view.fieldMappings.map((m, i) => (
              <ScrollBox key={`${m.dataModel}:${m.dataSet ?? ""}:${i}`} label={`Mapping to ${m.dataModel}${m.dataSet ? `.${m.dataSet}` : ""}`}>
                <table className="border-collapse text-sm">
                  <caption className="pb-1 text-left text-sm font-semibold">
                    Mapping to {m.dataModel}
                    {m.dataSet ? `.${m.dataSet}` : ""}
                  </caption>
                  <thead className="text-left text-xs uppercase tracking-wide text-slate-600 dark:text-slate-400">
                    <tr>
                      <th scope="col" className="px-2 py-1">Field</th>
                      <th scope="col" className="px-2 py-1">CIM field</th>
                    </tr>
                  </thead>
                  <tbody>
                    {Object.entries(m.mapping).map(([from, to]) => (
                      <tr key={from} className="border-t border-slate-100 dark:border-slate-800">
                        <th scope="row" className="px-2 py-0.5 text-left font-mono text-xs font-normal">{from}</th>
                        <td className="px-2 py-0.5 font-mono text-xs">{to}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </ScrollBox>
            ))}
          </div>
        )}
      </Section>
    </main>
  );
}
