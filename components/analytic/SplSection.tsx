import type { SplView } from "@/lib/catalog/analytic-view";
import { isEmptyFilterMacro, macroOriginLabel } from "@/lib/catalog/spl-display";
import { Badge } from "@/components/ui/badges";
import { Empty, Section } from "@/components/ui/Section";
import { SplCode } from "./SplCode";
import { OpenInSplunk } from "@/components/exports/OpenInSplunk";
import { Icon } from "@/components/ui/Icon";

/** The search (highlighted, macros expandable) and the list of macros it uses. */
export function SplSection({ search, spl }: { search: string; spl: SplView }) {
  // A macro used twice is listed once.
  const seen = new Set<string>();
  const uses = spl.macros.filter((m) => {
    const key = `${m.name}(${m.args.join(",")})`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return (
    <>
      <Section id="search" title="Search">
        {spl.lines.length === 0 ? <Empty>This analytic has no search.</Empty> : <SplCode lines={spl.lines} macros={spl.macros} search={search} />}
        {spl.lines.length > 0 && (
          <div className="mt-3">
            <OpenInSplunk search={search} expanded={spl.expanded} idPrefix="analytic" />
          </div>
        )}
        {spl.parseError && (
          <p role="note" className="mt-2 text-sm text-amber-800 dark:text-amber-300">
            The engine could not parse this search: {spl.parseError.message}
          </p>
        )}
      </Section>
      <Section id="macros" title="Macros">
        {uses.length === 0 ? (
          <Empty>The search uses no macros.</Empty>
        ) : (
          <>
            <p className="mb-2 text-sm text-slate-700 dark:text-slate-300">The search above uses these macros (select one in the search to expand it in place):</p>
            <ul className="space-y-3">
              {uses.map((m) => (
                <li key={`${m.name}(${m.args.join(",")})`} className="rounded-md border border-slate-200 p-2.5 text-sm dark:border-slate-800">
                  <div className="flex flex-wrap items-center gap-2">
                    <code className="break-all text-slate-950 dark:text-white">
                      {m.name}
                      {m.args.length > 0 && `(${m.args.join(", ")})`}
                    </code>
                    <Badge tone={m.origin === "content" ? "neutral" : "info"}>{macroOriginLabel(m.origin)}</Badge>
                  </div>
                  <dl className="mt-1.5 grid grid-cols-[6.5rem_minmax(0,1fr)] gap-x-2 gap-y-1">
                    <dt className="text-slate-600 dark:text-slate-400">Definition</dt>
                    <dd>
                      <code className="block whitespace-pre-wrap rounded bg-slate-100 px-1.5 py-0.5 text-xs [overflow-wrap:anywhere] dark:bg-slate-800">
                        {m.definition.trim() === "" ? "(empty)" : m.definition}
                      </code>
                    </dd>
                    {m.expansion !== m.definition && (
                      <>
                        <dt className="text-slate-600 dark:text-slate-400">Expands to</dt>
                        <dd>
                          <code className="block whitespace-pre-wrap rounded bg-slate-100 px-1.5 py-0.5 text-xs [overflow-wrap:anywhere] dark:bg-slate-800">
                            {m.expansion.trim() === "" ? "(empty)" : m.expansion}
                          </code>
                        </dd>
                      </>
                    )}
                  </dl>
                  {isEmptyFilterMacro(m) && (
                    <p className="mt-2 flex gap-1.5 text-slate-700 dark:text-slate-300">
                      <Icon name="info" className="mt-[0.2em] text-slate-500" />
                      <span className="min-w-0 [overflow-wrap:anywhere]">
                        <code>{m.name}</code> is empty by default (<code>search *</code> keeps every result). It is a tuning hook: define
                        it in your Splunk to drop known false positives, and the detection&apos;s own SPL stays untouched.
                      </span>
                    </p>
                  )}
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>
    </>
  );
}
