/**
 * Pure helpers that turn the engine's clause-by-clause trace into what the tester shows: the
 * failing clause in words, the SPL text cut into marked segments, and highlighted matches.
 */
import type { PredicateTrace, Span, StageTrace } from "../detection/types";

export { culprit, failingClause, oneLine, type ClauseValue, type Failure } from "../detection/failing";
import type { ClauseValue } from "../detection/failing";

/** Every leaf clause of the trace (no children), in order, with its stage index. */
export function leafClauses(stages: readonly StageTrace[]): { stage: number; clause: PredicateTrace }[] {
  const out: { stage: number; clause: PredicateTrace }[] = [];
  const walk = (stage: number, p: PredicateTrace) => {
    if (p.children && p.children.length) p.children.forEach((c) => walk(stage, c));
    else out.push({ stage, clause: p });
  };
  stages.forEach((s, i) => s.predicates.forEach((p) => walk(i, p)));
  return out;
}

export interface SplSegment {
  text: string;
  /** Set on a clause's span: its value, or the combined value of clauses inside one macro call. */
  value?: ClauseValue;
  clauses?: string[];
}

function combine(a: ClauseValue, b: ClauseValue): ClauseValue {
  if (a === false || b === false) return false;
  if (a === null || b === null) return null;
  return true;
}

/**
 * The original search cut into segments, each leaf clause's span marked with its value. Clauses
 * inside a macro mark the invocation (all of them combined); overlapping spans keep the first.
 */
export function splSegments(search: string, stages: readonly StageTrace[]): SplSegment[] {
  const marks = new Map<string, { span: Span; value: ClauseValue; clauses: string[] }>();
  for (const { clause } of leafClauses(stages)) {
    const s = clause.span;
    if (!(s.start >= 0 && s.end > s.start && s.end <= search.length)) continue;
    const key = `${s.start}:${s.end}`;
    const old = marks.get(key);
    if (old) {
      old.value = combine(old.value, clause.value);
      old.clauses.push(clause.text);
    } else marks.set(key, { span: s, value: clause.value, clauses: [clause.text] });
  }
  const sorted = [...marks.values()].sort((a, b) => a.span.start - b.span.start || b.span.end - a.span.end);
  const out: SplSegment[] = [];
  let at = 0;
  for (const m of sorted) {
    if (m.span.start < at) continue;
    if (m.span.start > at) out.push({ text: search.slice(at, m.span.start) });
    out.push({ text: search.slice(m.span.start, m.span.end), value: m.value, clauses: m.clauses });
    at = m.span.end;
  }
  if (at < search.length) out.push({ text: search.slice(at) });
  return out;
}

export interface TextSegment {
  text: string;
  hit?: boolean;
}

/** `value` cut at the merged match ranges. Out-of-range offsets are clipped. */
export function highlightSegments(value: string, ranges: readonly { start: number; end: number }[]): TextSegment[] {
  const rs = ranges
    .map((r) => ({ start: Math.max(0, Math.min(value.length, r.start)), end: Math.max(0, Math.min(value.length, r.end)) }))
    .filter((r) => r.end > r.start)
    .sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const r of rs) {
    const last = merged[merged.length - 1];
    if (last && r.start <= last.end) last.end = Math.max(last.end, r.end);
    else merged.push({ ...r });
  }
  const out: TextSegment[] = [];
  let at = 0;
  for (const r of merged) {
    if (r.start > at) out.push({ text: value.slice(at, r.start) });
    out.push({ text: value.slice(r.start, r.end), hit: true });
    at = r.end;
  }
  if (at < value.length || out.length === 0) out.push({ text: value.slice(at) });
  return out;
}

/** Field name without a data model prefix (`Processes.process` → `process`). */
export function plainField(name: string): string {
  const dot = name.indexOf(".");
  return dot > 0 && /^[A-Z]/.test(name) ? name.slice(dot + 1) : name;
}

/** Matched ranges per (plain) field over the whole trace, for highlighting the event's values. */
export function matchesByField(stages: readonly StageTrace[]): Map<string, { start: number; end: number }[]> {
  const out = new Map<string, { start: number; end: number }[]>();
  for (const { clause } of leafClauses(stages)) {
    if (clause.value !== true) continue;
    for (const m of clause.matches ?? []) {
      const f = plainField(m.field);
      const list = out.get(f) ?? [];
      list.push({ start: m.start, end: m.end });
      out.set(f, list);
    }
  }
  return out;
}

/**
 * Ranges in the event's original text for the matches on `field`, when the field's value appears
 * verbatim in it (a raw command line; CSV); otherwise none (the value is shown highlighted instead).
 */
export function rangesInText(text: string, value: string, ranges: readonly { start: number; end: number }[]): { start: number; end: number }[] {
  if (!value) return [];
  const at = text.indexOf(value);
  if (at < 0) return [];
  return ranges.map((r) => ({ start: r.start + at, end: r.end + at }));
}
