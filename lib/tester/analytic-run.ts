/**
 * The analytic page's tester: every pasted event against one analytic, the first events explained
 * clause by clause, the rest as verdict rows; a batch-only analytic also runs over all the events.
 * Pure: no DOM, no Node.
 */
import type { Matcher } from "../detection/matcher";
import type { EventVerdict } from "../detection/types";
import { formatLabel, toEventInput, type ParsedEvent } from "../events";
import type { CatalogRunDeps } from "./catalog-run";
import { LIMITS, firstRows, type EvaluateRequest, type ExplainedEvent, type VerdictRow } from "./protocol";

function capText(e: ParsedEvent, max = 20_000): ParsedEvent {
  return e.text.length > max ? { ...e, text: e.text.slice(0, max) } : e;
}

function rowOf(e: ParsedEvent, i: number, verdict: EventVerdict): VerdictRow {
  const process = typeof e.fields.process === "string" ? e.fields.process.slice(0, LIMITS.processChars) : undefined;
  const { rows, ...rest } = verdict;
  return { ...rest, ...(verdict.verdict === "match" && rows ? { rows: rows.slice(0, 3) } : {}), index: i, line: e.line, ...(process !== undefined ? { process } : {}) };
}

export async function runAnalytic(deps: CatalogRunDeps, req: EvaluateRequest, id: string, m: Matcher, events: ParsedEvent[]): Promise<boolean> {
  deps.post({ type: "compiled", req: req.req, id, support: m.support, fieldsRead: [...m.fieldsRead], ...(m.parseError ? { parseError: m.parseError.message } : {}) });
  let explained: ExplainedEvent[] = [];
  let rows: VerdictRow[] = [];
  const flush = (pos: number) => {
    if (explained.length) deps.post({ type: "explained", req: req.req, items: explained, pos });
    if (rows.length) deps.post({ type: "verdicts", req: req.req, items: rows, pos });
    explained = [];
    rows = [];
  };
  for (let i = 0; i < events.length; i++) {
    const e = events[i]!;
    if (deps.pinpoint) deps.post({ type: "running", req: req.req, id, event: i });
    const input = toEventInput(e);
    let verdict: EventVerdict;
    if (i < req.explainLimit) {
      const explanation = m.explain(input);
      explained.push({ index: i, event: capText(e), formatLabel: formatLabel(e.format), unknown: [...(input.unknown ?? [])], explanation });
      verdict = explanation;
    } else verdict = m.evaluate(input);
    rows.push(rowOf(e, i, verdict));
    if (deps.sliceOver()) {
      flush(i + 1);
      if (!(await deps.yieldNow())) return false;
    }
  }
  flush(events.length);
  if (m.support.level === "batch" && events.length > 0) {
    if (deps.pinpoint) deps.post({ type: "running", req: req.req, id });
    const result = m.run(events.map(toEventInput));
    deps.post({ type: "batch", req: req.req, id, result: result.ok ? firstRows(result, LIMITS.batchRows) : result, totalRows: result.ok ? result.rows.length : 0 });
  }
  return true;
}
