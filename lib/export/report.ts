/**
 * The verdict and its trace as a neutral report, for the Markdown and HTML exports (a ticket, a
 * slide): the analytic (name, link), and per event its text, data source, verdict and every leaf
 * clause of the trace with pass / fail / null and, where the clause is a single field test,
 * "wanted / saw" (lib/tester/wanted). Pure; browser-safe.
 */
import type { Explanation, PredicateTrace, Verdict } from "../detection/types";
import { verdictText } from "../detection/verdicts";
import { oneLine } from "../tester/trace";
import { wantedSaw } from "../tester/wanted";

export interface ReportClause {
  text: string;
  value: boolean | null;
  wanted?: string;
  saw?: string;
}

export interface ReportStage {
  command: string;
  rowsIn: number;
  rowsOut: number;
  clauses: ReportClause[];
}

export interface ReportEvent {
  /** 1-based, as the tester numbers events. */
  number: number;
  text: string;
  dataSource?: string;
  verdict: Verdict;
  /** "Fires", "Does not fire", "Not testable live: …". */
  verdictText: string;
  stages: ReportStage[];
}

export interface VerdictReport {
  analytic: { id: string; name: string; url?: string };
  events: ReportEvent[];
}

export interface ReportInput {
  analytic: { id: string; name: string; url?: string };
  items: readonly { index: number; event: { text: string; dataSource?: string | null }; explanation: Pick<Explanation, "verdict" | "reason" | "stages"> }[];
}

/** Text of an event or a clause is capped so a pasted 64 KB event does not become a 64 KB ticket. */
export const MAX_EVENT_TEXT = 4000;
const MAX_CLAUSE_TEXT = 400;

function sawOf(p: PredicateTrace): string | undefined {
  if (!p.fields || p.fields.length === 0) return undefined;
  return p.fields
    .map((f) => `${f.name} = ${f.value === null ? "nothing (missing)" : Array.isArray(f.value) ? f.value.map(String).join(" | ") : oneLine(String(f.value), 200)}`)
    .join("; ");
}

function leaves(p: PredicateTrace, out: ReportClause[]): void {
  if (p.children && p.children.length > 0) {
    for (const c of p.children) leaves(c, out);
    return;
  }
  const ws = wantedSaw(p);
  const saw = ws?.saw ?? sawOf(p);
  out.push({ text: oneLine(p.text, MAX_CLAUSE_TEXT), value: p.value, ...(ws ? { wanted: ws.wanted } : {}), ...(saw ? { saw } : {}) });
}

function capped(text: string): string {
  return text.length > MAX_EVENT_TEXT ? `${text.slice(0, MAX_EVENT_TEXT - 1)}…` : text;
}

export function buildReport(input: ReportInput): VerdictReport {
  return {
    analytic: { ...input.analytic },
    events: input.items.map((item) => ({
      number: item.index + 1,
      text: capped(item.event.text),
      ...(item.event.dataSource ? { dataSource: item.event.dataSource } : {}),
      verdict: item.explanation.verdict,
      verdictText: verdictText(item.explanation.verdict, item.explanation.reason),
      stages: item.explanation.stages.map((s) => {
        const clauses: ReportClause[] = [];
        for (const p of s.predicates) leaves(p, clauses);
        return { command: s.command, rowsIn: s.rowsIn, rowsOut: s.rowsOut, clauses };
      }),
    })),
  };
}

export function clauseWord(value: boolean | null): string {
  return value === true ? "pass" : value === false ? "fail" : "null (unknown)";
}
