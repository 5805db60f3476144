import Link from "next/link";
import type { ContentProblem } from "@/lib/content/types";
import { Badge } from "@/components/ui/badges";

/** A detection that loaded despite a warning links to its page; anything else is just the path. */
function FileName({ problem }: { problem: ContentProblem }) {
  const m = /^detections\/(?:.*\/)?([^/]+)\.ya?ml$/.exec(problem.file);
  const text = <span className="font-mono text-xs [overflow-wrap:anywhere]">{problem.file}</span>;
  if (!m || problem.severity !== "warning") return text;
  return (
    <Link href={`/analytics/${m[1]}`} className="text-indigo-800 underline-offset-2 hover:underline dark:text-indigo-300">
      {text}
    </Link>
  );
}

/** Every content problem: file, line, severity, message. */
export function ProblemsTable({ problems, dir }: { problems: ContentProblem[]; dir: string }) {
  if (problems.length === 0) {
    return (
      <div className="rounded-md border border-emerald-300 bg-emerald-50 p-4 text-sm text-emerald-900 dark:border-emerald-800 dark:bg-emerald-950 dark:text-emerald-100">
        <p className="font-medium">No problems: every file under <code>{dir}</code> loaded cleanly.</p>
        <p className="mt-1">When a YAML file cannot be read, it is skipped and listed here with its path, line and reason.</p>
      </div>
    );
  }
  const errors = problems.filter((p) => p.severity === "error").length;
  return (
    <>
      <p className="mb-3 text-sm text-slate-700 dark:text-slate-300">
        {errors} {errors === 1 ? "error" : "errors"} (file skipped) and {problems.length - errors}{" "}
        {problems.length - errors === 1 ? "warning" : "warnings"} (file loaded, something ignored). Paths are relative to <code>{dir}</code>.
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
            {problems.map((p, i) => (
              <tr key={`${p.file}:${p.line ?? 0}:${i}`} className="border-t border-slate-100 align-top dark:border-slate-800">
                <td className="px-2 py-1.5">
                  <FileName problem={p} />
                  {/* Narrow screens: the other columns under the file name. */}
                  <div className="mt-1 text-sm sm:hidden">
                    <Badge tone={p.severity === "error" ? "warn" : "neutral"}>{p.severity}</Badge>
                    {p.line !== undefined && <span className="ml-1.5 text-slate-600 dark:text-slate-400">line {p.line}</span>}
                    <p className="mt-0.5 whitespace-pre-wrap break-words">{p.message}</p>
                  </div>
                </td>
                <td className="hidden px-2 py-1.5 text-right tabular-nums sm:table-cell">
                  {p.line ?? "—"}
                  {p.line !== undefined && p.column !== undefined && <span className="text-slate-500">:{p.column}</span>}
                </td>
                <td className="hidden px-2 py-1.5 sm:table-cell">
                  <Badge tone={p.severity === "error" ? "warn" : "neutral"}>{p.severity}</Badge>
                </td>
                <td className="hidden px-2 py-1.5 whitespace-pre-wrap break-words sm:table-cell">{p.message}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
