import type { PredicateTrace, StageTrace } from "@/lib/detection/types";
import { oneLine, splSegments, type ClauseValue, type Failure } from "@/lib/tester/trace";
import { formatCount } from "@/lib/detection/numbers";
import { Icon, type IconName } from "@/components/ui/Icon";

const MARK: Record<"pass" | "fail" | "null", { icon: IconName; word: string; cls: string }> = {
  pass: { icon: "check", word: "passed", cls: "bg-emerald-100 text-emerald-950 ring-emerald-500 dark:bg-emerald-900/70 dark:text-emerald-50" },
  fail: { icon: "cross", word: "failed", cls: "bg-red-100 text-red-950 ring-red-500 dark:bg-red-900/70 dark:text-red-50" },
  null: { icon: "empty", word: "null (unknown)", cls: "bg-slate-200 text-slate-900 ring-slate-500 dark:bg-slate-700 dark:text-slate-50" },
};
const key = (v: ClauseValue) => (v === true ? "pass" : v === false ? "fail" : "null");

export function ClauseIcon({ value }: { value: ClauseValue }) {
  const m = MARK[key(value)];
  return (
    <>
      <span aria-hidden="true" className="inline-block w-4 text-center">
        <Icon name={m.icon} />
      </span>
      <span className="sr-only">{m.word}: </span>
    </>
  );
}

/** The search as written, each clause marked passed, failed or null (an icon, and the word for screen readers). */
export function SplWithMarks({ search, stages }: { search: string; stages: StageTrace[] }) {
  const segs = splSegments(search, stages);
  return (
    <pre tabIndex={0} className="max-h-80 overflow-auto whitespace-pre-wrap rounded-md border border-slate-200 bg-slate-50 p-2 font-mono text-xs leading-6 [overflow-wrap:anywhere] dark:border-slate-800 dark:bg-slate-900">
      {segs.map((s, i) => {
        if (s.value === undefined) return <span key={i}>{s.text}</span>;
        const m = MARK[key(s.value)];
        return (
          <mark key={i} data-clause={key(s.value)} title={`${m.word}: ${(s.clauses ?? []).join(" · ")}`} className={`rounded-sm px-0.5 ring-1 ring-inset ${m.cls}`}>
            <Icon name={m.icon} className="mr-0.5" />
            <span className="sr-only">[{m.word}] </span>
            {s.text}
          </mark>
        );
      })}
    </pre>
  );
}

function fieldsSeen(p: PredicateTrace): string {
  return (p.fields ?? [])
    .map((f) => `${f.name} = ${f.value === null ? "null (missing)" : Array.isArray(f.value) ? `[${f.value.join(", ")}]` : oneLine(String(f.value), 120)}`)
    .join("; ");
}

function Clause({ p }: { p: PredicateTrace }) {
  const seen = fieldsSeen(p);
  return (
    <li className="my-0.5">
      <div className="flex items-start gap-1">
        <ClauseIcon value={p.value} />
        <code className="[overflow-wrap:anywhere]">{oneLine(p.text, 400)}</code>
      </div>
      {(p.note || seen) && (
        <p className="ml-5 text-xs text-slate-600 [overflow-wrap:anywhere] dark:text-slate-400">
          {p.note}
          {p.note && seen ? " — " : ""}
          {seen && <span>saw {seen}</span>}
        </p>
      )}
      {p.children && p.children.length > 0 && (
        <ul className="ml-5 border-l border-slate-200 pl-2 dark:border-slate-700">
          {p.children.map((c, i) => (
            <Clause key={i} p={c} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** The pipeline stage by stage: rows in → out and every clause with its value. */
export function StageList({ stages, failure }: { stages: StageTrace[]; failure?: Failure }) {
  if (stages.length === 0) return null;
  return (
    <ol className="space-y-2 text-sm" aria-label="Clause-by-clause trace">
      {stages.map((s, i) => (
        <li key={i} className={`rounded border p-2 ${failure?.stageIndex === i ? "border-red-400 dark:border-red-700" : "border-slate-200 dark:border-slate-800"}`}>
          <p className="font-semibold [overflow-wrap:anywhere]">
            <code>{s.command}</code>{" "}
            <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
              rows {formatCount(s.rowsIn)} → {formatCount(s.rowsOut)}
              {s.span.macro ? ` · from macro ${s.span.macro.name}` : ""}
              {failure?.stageIndex === i ? " · the event was dropped here" : ""}
            </span>
          </p>
          {s.note && <p className="text-xs text-slate-600 dark:text-slate-400">{s.note}</p>}
          {s.predicates.length > 0 && (
            <ul className="mt-1 font-mono text-xs">
              {s.predicates.map((p, j) => (
                <Clause key={j} p={p} />
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
