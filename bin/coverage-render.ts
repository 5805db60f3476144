/** The coverage report as text (`cli coverage` without --json). */
import { codeMeaning, type CoverageReport, type Tally } from "./coverage-report";
import type { Style } from "./style";
import { formatCount } from "../lib/detection/numbers";

const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)} %`);
const num = formatCount;

function table(title: string, rows: readonly Tally[], st: Style, limit = Infinity): string[] {
  const shown = rows.slice(0, limit);
  const w = Math.max(24, ...shown.map((d) => d.key.length));
  const out = ["", st.bold(`${title.padEnd(w + 2)}  total   live  event  batch`)];
  for (const d of shown) {
    const live = d.event + d.batch;
    out.push(`  ${d.key.padEnd(w)}  ${String(d.total).padStart(5)}  ${String(live).padStart(5)}  ${String(d.event).padStart(5)}  ${String(d.batch).padStart(5)}`);
  }
  if (rows.length > shown.length) out.push(st.dim(`  … ${rows.length - shown.length} more (see --json)`));
  return out;
}

export function renderCoverage(r: CoverageReport, dir: string, st: Style): string {
  const L: string[] = [];
  const live = r.event + r.batch;
  L.push(st.bold(`Coverage of ${dir}: ${num(r.total)} analytics`));
  L.push(`  parsed                  ${num(r.parsed)} / ${num(r.total)} (${pct(r.parsed, r.total)})   target 100 %`);
  const liveLine = `  live                    ${num(live)} / ${num(r.total)} (${pct(live, r.total)}): ${num(r.event)} per event + ${num(r.batch)} over a batch   target ≥ 90 %`;
  L.push(r.total === 0 ? liveLine : live / r.total >= 0.9 ? st.green(liveLine) : st.red(liveLine));
  L.push(...table("By data model", r.byDatamodel, st));
  L.push(...table("By data source", r.byDataSource, st, 40));
  L.push("", st.bold("Not live, by reason code"));
  for (const g of r.byCode) {
    L.push(`  ${String(g.count).padStart(5)}  ${g.code}${st.dim(` — ${codeMeaning(g.code)}`)}`);
    const named = g.details.filter((d) => d.detail !== "");
    for (const d of named.slice(0, 8)) L.push(st.dim(`         ${String(d.count).padStart(4)}  ${d.detail}`));
    if (named.length > 8) L.push(st.dim(`         … ${named.length - 8} more`));
  }
  L.push("", st.bold("Analytics"));
  for (const a of r.analytics) {
    const mark = a.level === "event" ? st.green("✔ live        ") : a.level === "batch" ? st.yellow("◐ batch       ") : st.red("✘ not testable");
    L.push(`  ${mark}  ${a.name} ${st.dim(`(${a.id})`)}${a.level === "event" ? "" : `\n                    ${st.dim(`[${a.reason_code}] ${a.reason ?? ""}`)}`}`);
  }
  return L.join("\n") + "\n";
}
