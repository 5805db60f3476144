import Link from "@/components/ui/Link";
import type { ContentProblem } from "@/lib/content/types";
import type { Paged } from "@/lib/catalog/paged";
import { formatCount } from "@/lib/detection/numbers";
import { MAX_PROBLEMS_PER_FILE, MAX_YAML_BYTES, formatBytes } from "@/lib/content/limits";

/** The problems list shows this many rows a page (`?page=` in the URL). */
export const PROBLEMS_PAGE_SIZE = 100;

/** What the loader refuses to read, said once on the page. */
const LIMITS = `Only regular files up to ${formatBytes(MAX_YAML_BYTES)} are read (never a pipe, a device, or a link leading out of the folder); each file lists at most ${MAX_PROBLEMS_PER_FILE} problems.`;

/** A detection that loaded despite a warning links to its page; anything else is just the path. */
function FileName({ problem }: { problem: ContentProblem }) {
  const m = /^detections\/(?:.*\/)?([^/]+)\.ya?ml$/.exec(problem.file);
  const text = <span className="dc-prob-file">{problem.file}</span>;
  if (!m || problem.severity !== "warning") return text;
  return (
    <Link href={`/analytics/${m[1]}`} className="dc-prob-link">
      {text}
    </Link>
  );
}

/** Severity as a word in a badge (app/globals.css: one short class per tone, repeated on every row). */
const Severity = ({ problem }: { problem: ContentProblem }) => (
  <span className={problem.severity === "error" ? "dc-badge dc-tone-warn" : "dc-badge dc-tone-neutral"}>{problem.severity}</span>
);

/** Previous / next links between pages of problems, rendered on the server. */
function PageLinks({ view }: { view: Paged<ContentProblem> }) {
  if (view.pageCount <= 1) return null;
  const link = (page: number, label: string, rel: string) => (
    <Link href={page > 1 ? `/problems?page=${page}` : "/problems"} rel={rel} className="rounded border border-slate-300 px-2.5 py-1 hover:bg-slate-100 dark:border-slate-700 dark:hover:bg-slate-800">
      {label}
    </Link>
  );
  return (
    <nav aria-label="Problem pages" className="mt-2 flex flex-wrap items-center justify-between gap-2 text-sm">
      <span className="tabular-nums text-slate-600 dark:text-slate-400">
        Problems {formatCount(view.first)}–{formatCount(view.last)} of {formatCount(view.total)} · page {view.page} of {view.pageCount}
      </span>
      <span className="flex gap-1">
        {view.page > 1 && link(view.page - 1, "Previous", "prev")}
        {view.page < view.pageCount && link(view.page + 1, "Next", "next")}
      </span>
    </nav>
  );
}

/** Every content problem, a page at a time: file, line, severity, message; the counts are of all of them. */
export function ProblemsTable({ problems, view, dir }: { problems: ContentProblem[]; view: Paged<ContentProblem>; dir: string }) {
  if (problems.length === 0) {
    return (
      <div className="rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
        <p>No problems: every file under <code>{dir}</code> loaded cleanly.</p>
        <p className="mt-1">When a YAML file cannot be read, it is skipped and listed here with its path, line and reason. {LIMITS}</p>
      </div>
    );
  }
  const errors = problems.filter((p) => p.severity === "error").length;
  return (
    <>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        {formatCount(errors)} {errors === 1 ? "error" : "errors"} (file skipped) and {formatCount(problems.length - errors)}{" "}
        {problems.length - errors === 1 ? "warning" : "warnings"} (file loaded, something ignored). Paths are relative to <code>{dir}</code>. {LIMITS}
      </p>
      <div className="overflow-x-auto rounded-md border border-slate-200 dark:border-slate-800">
        <table className="w-full text-sm">
          <caption className="sr-only">Content problems</caption>
          <thead className="bg-slate-50 text-left text-xs uppercase tracking-wide text-slate-600 dark:bg-slate-900 dark:text-slate-400">
            <tr>
              <th scope="col" className="px-2 py-1.5 font-semibold">File</th>
              <th scope="col" className="hidden px-2 py-1.5 text-right font-semibold sm:table-cell">Line</th>
              <th scope="col" className="hidden px-2 py-1.5 font-semibold sm:table-cell">Severity</th>
              <th scope="col" className="hidden px-2 py-1.5 font-semibold sm:table-cell">Message</th>
            </tr>
          </thead>
          <tbody>
            {view.rows.map((p, i) => (
              <tr key={`${p.file}:${p.line ?? 0}:${i}`} className="dc-prob-tr">
                <td className="dc-td">
                  <FileName problem={p} />
                  {/* Narrow screens: the other columns under the file name. */}
                  <div className="dc-prob-narrow">
                    <Severity problem={p} />
                    {p.line !== undefined && <span className="dc-prob-line">line {p.line}</span>}
                    <p className="dc-prob-msg">{p.message}</p>
                  </div>
                </td>
                <td className="dc-prob-wide text-right tabular-nums">
                  {p.line ?? "—"}
                  {p.line !== undefined && p.column !== undefined && <span className="text-slate-500">:{p.column}</span>}
                </td>
                <td className="dc-prob-wide">
                  <Severity problem={p} />
                </td>
                <td className="dc-prob-wide dc-prob-msg">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <PageLinks view={view} />
    </>
  );
}
