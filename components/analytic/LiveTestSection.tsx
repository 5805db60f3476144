import type { Support } from "@/lib/detection/types";
import { Badge } from "@/components/ui/badges";

/**
 * Where the live tester goes (components/tester, a later issue). Until then it states whether
 * this search can be tested live, and why not when it cannot.
 */
export function LiveTestSection({ support, parseError, children }: { support: Support; parseError?: string; children?: React.ReactNode }) {
  return (
    <section aria-labelledby="live-test" className="scroll-mt-20">
      <h2 id="live-test" className="mb-3 border-b border-slate-200 pb-1 text-lg font-semibold tracking-tight dark:border-slate-800">
        Live test
      </h2>
      <div className="mb-3 flex flex-wrap items-start gap-2 text-sm" data-support={support.level}>
        {support.level === "event" && (
          <>
            <Badge tone="ok">testable live</Badge>
            <span>Each pasted event can be judged on its own, as Splunk would judge it.</span>
          </>
        )}
        {support.level === "batch" && (
          <>
            <Badge tone="info">testable live over a batch</Badge>
            <span>Only a batch of events gives a faithful answer: {support.reason}</span>
          </>
        )}
        {support.level === "none" && (
          <>
            <Badge tone="warn">not testable live</Badge>
            <span>{support.reason}</span>
          </>
        )}
        {parseError && <span className="text-amber-800 dark:text-amber-300">Parse error: {parseError}</span>}
      </div>
      {children ?? (
        <p id="live-tester-slot" className="rounded-md border border-dashed border-slate-300 p-3 text-sm text-slate-600 dark:border-slate-700 dark:text-slate-400">
          The live tester (paste events, see whether this search fires) is not available yet.
        </p>
      )}
    </section>
  );
}
