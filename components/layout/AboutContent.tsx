import Link from "@/components/ui/Link";
import { formatCount } from "@/lib/detection/numbers";

/** The About page text: what the console is, where its content and ATT&CK data come from. */
export function AboutContent({
  dir,
  counts,
  attackVersion,
  attackCredit,
}: {
  dir: string;
  counts: { analytics: number; macros: number; stories: number; problems: number };
  attackVersion: string;
  attackCredit: string;
}) {
  const h2 = "mb-2 mt-6 text-lg font-semibold tracking-tight";
  return (
    <main className="mx-auto max-w-3xl px-4 py-4 text-base leading-relaxed">
      <h1 className="text-xl font-semibold tracking-tight">About the Detection Console</h1>
      <p className="mt-3">
        The Detection Console is a place to review detection content written in the Splunk security_content format: browse and filter the
        catalog, read each analytic with its ATT&amp;CK mapping, SPL (macros expandable in place), required fields and risk-based alerting
        data, and test a search live against events you paste.
      </p>

      <h2 className={h2}>Content source</h2>
      <dl className="grid grid-cols-[9rem_minmax(0,1fr)] gap-y-1 text-sm">
        <dt className="text-slate-600 dark:text-slate-400">Directory</dt>
        <dd>
          <code className="break-all">{dir}</code>
        </dd>
        <dt className="text-slate-600 dark:text-slate-400">Analytics</dt>
        <dd>{formatCount(counts.analytics)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Macros</dt>
        <dd>{formatCount(counts.macros)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Analytic stories</dt>
        <dd>{formatCount(counts.stories)}</dd>
        <dt className="text-slate-600 dark:text-slate-400">Problems</dt>
        <dd>
          <Link href="/problems" className="underline underline-offset-2">
            {formatCount(counts.problems)}
          </Link>
        </dd>
      </dl>
      <p className="mt-2 text-sm text-slate-700 dark:text-slate-300">
        Set <code>CONTENT_DIR</code> to a security_content checkout before starting the server to review it; without it the console serves
        its built-in sample content.
      </p>

      <h2 className={h2}>Credits</h2>
      <ul className="list-disc space-y-2 pl-5 text-sm">
        <li>
          The content format (detections, macros, analytic stories, data sources, lookups as YAML) comes from{" "}
          <a className="underline underline-offset-2" href="https://github.com/splunk/security_content" target="_blank" rel="noreferrer">
            Splunk security_content
          </a>
          , licensed under the Apache License 2.0.
        </li>
        <li>
          Technique and tactic names come from MITRE ATT&amp;CK® Enterprise v{attackVersion} (identifiers, names and tactic membership only).
          <br />
          <span data-testid="attack-credit">{attackCredit}</span>
        </li>
      </ul>
    </main>
  );
}
