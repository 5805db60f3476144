import Link from "@/components/ui/Link";
import { formatCount } from "@/lib/detection/numbers";

/** Top bar: product name and the main navigation (with the content problem count). */
export function SiteHeader({ problemCount }: { problemCount: number }) {
  const link = "rounded px-2 py-1 hover:bg-slate-200 focus-visible:outline-2 focus-visible:outline-indigo-500 dark:hover:bg-slate-800";
  return (
    <header className="border-b border-slate-200 bg-slate-50 dark:border-slate-800 dark:bg-slate-900">
      <div className="mx-auto flex max-w-screen-2xl flex-wrap items-center gap-x-6 gap-y-1 px-4 py-2">
        <Link href="/" className="text-sm font-semibold tracking-tight">
          Detection Console
        </Link>
        <nav aria-label="Main">
          <ul className="flex flex-wrap items-center gap-1 text-sm">
            <li>
              <Link className={link} href="/">
                Catalog
              </Link>
            </li>
            <li>
              <Link className={link} href="/attack">
                ATT&amp;CK
              </Link>
            </li>
            <li>
              <Link className={link} href="/stories">
                Stories
              </Link>
            </li>
            <li>
              <Link className={link} href="/data-sources">
                Data sources
              </Link>
            </li>
            <li>
              <Link className={link} href="/lab/lateral-movement">
                Lab
              </Link>
            </li>
            <li>
              <Link className={link} href="/problems">
                Content problems{" "}
                <span
                  className={`ml-0.5 rounded-full px-1.5 text-xs tabular-nums ${problemCount > 0 ? "bg-amber-200 text-amber-950 dark:bg-amber-800 dark:text-amber-50" : "bg-slate-200 dark:bg-slate-700"}`}
                >
                  {formatCount(problemCount)}
                  <span className="sr-only"> {problemCount === 1 ? "problem" : "problems"}</span>
                </span>
              </Link>
            </li>
            <li>
              <Link className={link} href="/about">
                About
              </Link>
            </li>
          </ul>
        </nav>
      </div>
    </header>
  );
}
