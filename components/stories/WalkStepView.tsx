import Link from "@/components/ui/Link";
import type { AnalyticView } from "@/lib/catalog/analytic-view";
import type { Offered, WalkStep } from "@/lib/catalog/walk";
import { AnalyticBadges } from "@/components/ui/badges";
import { Prose } from "@/components/analytic/Prose";
import { SplCode } from "@/components/analytic/SplCode";
import { LiveTestSection } from "@/components/analytic/LiveTestSection";
import { WalkNav } from "./WalkNav";

/** One step of a story's walk-through: the analytic in brief, its search, and its tester preloaded. */
export function WalkStepView({ step, view, sample, offered, tester }: { step: WalkStep; view: AnalyticView; sample?: Offered; offered: number; tester: React.ReactNode }) {
  const { story, analytic } = step;
  return (
    <main className="mx-auto max-w-screen-xl space-y-5 px-4 py-4">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/stories" className="underline-offset-2 hover:underline">Analytic stories</Link>
        <span aria-hidden="true"> / </span>
        <Link href={`/stories/${encodeURIComponent(story.slug)}`} className="underline-offset-2 hover:underline">{story.name}</Link>
        <span aria-hidden="true"> / </span>
        <span aria-current="page">walk-through</span>
      </nav>
      <WalkNav n={step.n} total={step.total} {...(step.prev ? { prev: step.prev } : {})} {...(step.next ? { next: step.next } : {})} />
      <header className="space-y-2" data-testid="walk-step" data-analytic={analytic.id}>
        <p className="text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-400">{story.name} · analytic {step.n} of {step.total}</p>
        <h1 className="text-2xl font-semibold tracking-tight break-words">{analytic.name}</h1>
        <div className="flex flex-wrap items-center gap-1.5">
          <AnalyticBadges analytic={analytic} />
          {view.attack.map((t) => (
            <span key={t.id} className="font-mono text-xs">{t.resolvedId ?? t.id}{t.name ? <span className="font-sans"> {t.name}</span> : null}</span>
          ))}
        </div>
        <p className="text-sm">
          <Link href={`/analytics/${encodeURIComponent(analytic.slug)}`} className="text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-300">
            The full analytic page
          </Link>
        </p>
      </header>
      <section aria-labelledby="walk-search">
        <h2 id="walk-search" className="mb-2 text-lg font-semibold tracking-tight">Search</h2>
        <SplCode lines={view.spl.lines} macros={view.spl.macros} search={analytic.search} />
      </section>
      <p data-testid="walk-sample" data-fires={sample ? "yes" : "no"} className="rounded border-l-4 border-indigo-500 bg-indigo-50 px-2 py-1 text-sm dark:bg-indigo-950/50">
        {sample
          ? <>The tester below is loaded with “{sample.label}”, on which the engine says this search fires.</>
          : <>No firing sample: {offered === 0 ? "the console has no sample or example event for this analytic" : `none of the ${offered} samples and example events the console has for it fires`}. Paste an event to try it.</>}
      </p>
      <LiveTestSection support={view.spl.support} parseError={view.spl.parseError?.message}>
        {tester}
      </LiveTestSection>
      <section aria-labelledby="walk-description">
        <h2 id="walk-description" className="mb-2 text-lg font-semibold tracking-tight">Description</h2>
        <Prose text={analytic.description} />
      </section>
    </main>
  );
}
