/**
 * An Explanation (lib/spl/api.ts) as a clause-by-clause trace for a terminal: verdict first, each
 * stage with rows in → out, each predicate with ✔ / ✘ / ∅ (null), its text, the values it read,
 * and matched substrings in [brackets].
 */
import type { Explanation, PredicateTrace, Row, StageTrace } from "../lib/detection/types";
import type { FieldValue } from "../lib/events/types";
import type { Style } from "./style";

export interface ExplainHeader {
  id: string;
  name: string;
}

const MAX_TEXT = 160;

function shorten(text: string, max = MAX_TEXT): string {
  const flat = text.replace(/\s+/g, " ").trim();
  return flat.length <= max ? flat : `${flat.slice(0, max - 1)}…`;
}

function mark(value: boolean | null, st: Style): string {
  if (value === true) return st.green("✔");
  if (value === false) return st.red("✘");
  return st.yellow("∅");
}

/** `value` with each [start, end) range bracketed (ranges sorted, overlaps merged). */
export function bracket(value: string, ranges: { start: number; end: number }[], st: Style): string {
  const sorted = ranges
    .filter((r) => r.start >= 0 && r.end <= value.length && r.start <= r.end)
    .sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let pos = 0;
  for (const r of sorted) {
    if (r.start < pos) continue;
    out += value.slice(pos, r.start) + "[" + st.hit(value.slice(r.start, r.end)) + "]";
    pos = r.end;
  }
  return out + value.slice(pos);
}

function showValue(name: string, value: FieldValue | null, p: PredicateTrace, st: Style): string {
  if (value === null) return st.yellow("∅ (missing)");
  if (Array.isArray(value)) return JSON.stringify(value);
  const text = String(value);
  const ranges = (p.matches ?? []).filter((m) => m.field === name);
  return `"${bracket(text, ranges, st)}"`;
}

function predicateLines(p: PredicateTrace, depth: number, st: Style): string[] {
  const pad = "    " + "  ".repeat(depth);
  const note = p.note ? st.dim(`  — ${p.note}`) : "";
  const lang = st.dim(` (${p.language})`);
  const head = p.children?.length ? shorten(p.text, 100) : shorten(p.text);
  const lines = [`${pad}${mark(p.value, st)} ${head}${depth === 0 ? lang : ""}${note}`];
  for (const f of p.fields ?? []) lines.push(`${pad}    ${st.dim(f.name + " =")} ${showValue(f.name, f.value, p, st)}`);
  for (const c of p.children ?? []) lines.push(...predicateLines(c, depth + 1, st));
  return lines;
}

function stageLines(s: StageTrace, n: number, st: Style): string[] {
  const rows = `${s.rowsIn} → ${s.rowsOut} row${s.rowsOut === 1 ? "" : "s"}`;
  const dropped = s.rowsIn > 0 && s.rowsOut === 0 ? st.red(rows) : rows;
  const from = s.span.macro ? st.dim(`  (from macro \`${s.span.macro.name}\`)`) : "";
  const lines = [`  ${st.bold(`${n}. ${s.command}`)}  ${dropped}${from}`];
  if (s.note) lines.push(`      ${st.dim(s.note)}`);
  for (const p of s.predicates) lines.push(...predicateLines(p, 0, st));
  return lines;
}

function verdictLine(e: Explanation, st: Style): string {
  if (e.verdict === "match") {
    const n = e.rows?.length ?? 0;
    return `${st.bold("verdict:")} ${st.green(st.bold("MATCH"))} — the search returns ${n} row${n === 1 ? "" : "s"} for this event`;
  }
  if (e.verdict === "no_match") return `${st.bold("verdict:")} ${st.red(st.bold("NO MATCH"))}${e.reason ? ` — ${e.reason}` : ""}`;
  return `${st.bold("verdict:")} ${st.yellow(st.bold("NOT TESTABLE"))} — ${e.reason ?? "no reason given"}`;
}

function rowLines(rows: Row[]): string[] {
  return rows.map((r) => `    ${JSON.stringify(r)}`);
}

/** The whole trace as text (ends with a newline). */
export function renderExplanation(header: ExplainHeader, e: Explanation, st: Style): string {
  const lines = [`${st.bold(header.name)}  ${st.dim(`(${header.id})`)}`, verdictLine(e, st)];
  if (e.hingesOn?.length) {
    lines.push(`${st.yellow("depends on fields the input could not supply:")} ${e.hingesOn.join(", ")} ${st.dim("(treated as missing)")}`);
  }
  if (e.stages.length > 0) {
    lines.push("", st.bold("stages:"));
    e.stages.forEach((s, i) => lines.push(...stageLines(s, i + 1, st)));
  }
  if (e.verdict === "match" && e.rows?.length) {
    lines.push("", st.bold("rows returned:"), ...rowLines(e.rows));
  }
  lines.push("", st.dim("legend: ✔ true  ✘ false  ∅ null (missing / unknown)  [ ] matched text"));
  return lines.join("\n") + "\n";
}
