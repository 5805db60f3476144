import Link from "@/components/ui/Link";
import type { StoryLink } from "@/lib/catalog/stories";
import type { DrilldownSearch, TestDataset } from "@/lib/content/types";
import { webUrl } from "@/lib/catalog/web-url";
import { Empty, Section } from "@/components/ui/Section";

const ext = "text-indigo-800 underline decoration-indigo-300 underline-offset-2 hover:decoration-2 dark:text-indigo-300 break-words [overflow-wrap:anywhere]";

/** A URL from the content: a link only when it is http(s) (lib/catalog/web-url), else plain text. */
function ContentUrl({ url, className }: { url: string; className: string }) {
  const href = webUrl(url);
  if (!href) return <span className="break-words font-mono text-xs [overflow-wrap:anywhere]">{url}</span>;
  return (
    <a className={className} href={href} target="_blank" rel="noreferrer">
      {url}
    </a>
  );
}

export function StoriesSection({ stories }: { stories: StoryLink[] }) {
  return (
    <Section id="stories" title="Associated analytic stories">
      {stories.length === 0 ? (
        <Empty>No analytic story.</Empty>
      ) : (
        <ul className="flex flex-wrap gap-2">
          {stories.map((s) => (
            <li key={s.name}>
              <Link href={`/stories/${s.slug}`} className="inline-block rounded-md border border-slate-300 px-2 py-1 text-sm hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
                {s.name}
              </Link>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function ReferencesSection({ references }: { references: string[] }) {
  return (
    <Section id="references" title="References">
      {references.length === 0 ? (
        <Empty>No references.</Empty>
      ) : (
        <ul className="list-disc space-y-1 pl-5 text-sm">
          {references.map((r) => (
            <li key={r}>
              <ContentUrl url={r} className={ext} />
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

export function TestDatasetsSection({ tests }: { tests: TestDataset[] }) {
  return (
    <Section id="test-datasets" title="Test datasets">
      {tests.length === 0 ? (
        <Empty>No test dataset.</Empty>
      ) : (
        <>
          <ul className="space-y-2 text-sm">
            {tests.map((t, i) => (
              <li key={`${t.data}-${i}`} className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
                {t.name && <div className="font-semibold">{t.name}</div>}
                <ContentUrl url={t.data} className={`font-mono text-xs ${ext}`} />
                {(t.source || t.sourcetype) && (
                  <div className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                    {t.source && <>source: <code>{t.source}</code></>}
                    {t.source && t.sourcetype && " · "}
                    {t.sourcetype && <>sourcetype: <code>{t.sourcetype}</code></>}
                  </div>
                )}
              </li>
            ))}
          </ul>
          <p className="mt-2 text-xs text-slate-600 dark:text-slate-400">
            These are attack_data recordings; replay one into a Splunk instance (or an Attack Range) with its source and sourcetype to see the
            detection fire.
          </p>
        </>
      )}
    </Section>
  );
}

/** `drilldown_searches`: what an analyst runs next on an alert ($field$ tokens as written). */
export function DrilldownSection({ drilldowns }: { drilldowns: DrilldownSearch[] }) {
  return (
    <Section id="drilldowns" title="Drilldown searches">
      {drilldowns.length === 0 ? (
        <Empty>No drilldown search.</Empty>
      ) : (
        <ul className="space-y-2 text-sm">
          {drilldowns.map((d, i) => (
            <li key={i} data-drilldown={i} className="rounded-md border border-slate-200 p-2 dark:border-slate-800">
              <div className="font-semibold [overflow-wrap:anywhere]">{d.name || `Drilldown ${i + 1}`}</div>
              <pre className="mt-1 overflow-x-auto whitespace-pre-wrap rounded bg-slate-50 p-2 font-mono text-xs [overflow-wrap:anywhere] dark:bg-slate-900">{d.search}</pre>
              {(d.earliest || d.latest) && (
                <div className="mt-0.5 text-xs text-slate-600 dark:text-slate-400">
                  time range: <code>{d.earliest ?? "…"}</code> to <code>{d.latest ?? "…"}</code>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}
