import Link from "@/components/ui/Link";
import type { Analytic } from "@/lib/content/types";
import type { AnalyticView } from "@/lib/catalog/analytic-view";
import { Section } from "@/components/ui/Section";
import { AnalyticHeader } from "./AnalyticHeader";
import { AttackSection } from "./AttackSection";
import { LiveTestSection } from "./LiveTestSection";
import { DrilldownSection, ReferencesSection, StoriesSection, TestDatasetsSection } from "./ListSections";
import { PageToc } from "./PageToc";
import { Prose } from "./Prose";
import { RbaSection } from "./RbaSection";
import { RequiredFields } from "./RequiredFields";
import { SplSection } from "./SplSection";

/** One analytic, every section of the seed pages in their order, plus the live test slot. */
export function AnalyticPage({ analytic, view, tester }: { analytic: Analytic; view: AnalyticView; tester?: React.ReactNode }) {
  return (
    <main className="mx-auto max-w-screen-xl px-4 py-4">
      <nav aria-label="Breadcrumb" className="mb-3 text-sm text-slate-600 dark:text-slate-400">
        <Link href="/" className="underline-offset-2 hover:underline">
          Catalog
        </Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page" className="break-all">
          {analytic.slug}
        </span>
      </nav>
      <div className="dc-side-grid grid gap-8 xl:grid-cols-[minmax(0,1fr)_13rem]">
        <article className="min-w-0 space-y-8">
          <AnalyticHeader analytic={analytic} datamodels={view.spl.datamodels} dataSources={view.dataSources} />
          <AttackSection analytic={analytic} rows={view.attack} />
          <SplSection search={analytic.search} spl={view.spl} />
          <RequiredFields fields={view.requiredFields} />
          <LiveTestSection support={view.spl.support} parseError={view.spl.parseError?.message}>
            {tester}
          </LiveTestSection>
          {/* Below the fold at load: laid out when near the screen (.dc-defer). */}
          <div className="dc-defer dc-defer-flush space-y-8">
            <Section id="how-to-implement" title="How to implement">
              <Prose text={analytic.howToImplement} />
            </Section>
            <Section id="known-false-positives" title="Known false positives">
              <Prose text={analytic.knownFalsePositives} />
            </Section>
            <StoriesSection stories={view.stories} />
            <RbaSection rba={analytic.rba} />
            <DrilldownSection drilldowns={analytic.drilldownSearches ?? []} />
            <ReferencesSection references={analytic.references} />
            <TestDatasetsSection tests={analytic.tests} />
          </div>
        </article>
        <aside className="dc-side hidden xl:block">
          <div className="sticky top-4">
            <PageToc />
          </div>
        </aside>
      </div>
    </main>
  );
}
