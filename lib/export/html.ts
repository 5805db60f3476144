/**
 * A verdict report (./report.ts) as an HTML fragment for a slide or a rich-text ticket: the
 * analytic as a link, per event its text in <pre>, the verdict, and each stage's clauses with
 * pass / fail and wanted / saw. Every text and attribute is escaped; a link is written only for an
 * http(s) URL. Inline styles only (no classes, no script). Pure.
 */
import { clauseWord, type VerdictReport } from "./report";

const ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/** Text or attribute value, escaped for HTML (& < > " '). */
export function esc(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ENTITIES[c]!);
}

const COLOR = (v: boolean | null) => (v === true ? "#065f46" : v === false ? "#991b1b" : "#334155");
const MARK = (v: boolean | null) => (v === true ? "✔" : v === false ? "✘" : "∅");
const CODE = 'style="font-family:ui-monospace,monospace"';

export function reportHtml(r: VerdictReport): string {
  const name = esc(r.analytic.name);
  const title = r.analytic.url && /^https?:\/\//i.test(r.analytic.url) ? `<a href="${esc(r.analytic.url)}">${name}</a>` : name;
  const out: string[] = [`<section>`, `<h3>${title}</h3>`, `<p>Analytic <code ${CODE}>${esc(r.analytic.id)}</code></p>`];
  for (const e of r.events) {
    out.push(`<h4>Event ${e.number}: ${esc(e.verdictText)}</h4>`);
    if (e.dataSource) out.push(`<p>Data source: <code ${CODE}>${esc(e.dataSource)}</code></p>`);
    out.push(`<pre style="font-family:ui-monospace,monospace;white-space:pre-wrap">${esc(e.text)}</pre>`);
    for (const s of e.stages) {
      if (s.clauses.length === 0) continue;
      out.push(`<p><code ${CODE}>${esc(s.command)}</code> (rows ${s.rowsIn} → ${s.rowsOut})</p>`, "<ul>");
      for (const c of s.clauses) {
        const detail = [c.wanted ? `<br>wanted <code ${CODE}>${esc(c.wanted)}</code>` : "", c.saw ? `<br>saw <code ${CODE}>${esc(c.saw)}</code>` : ""].join("");
        out.push(`<li><strong style="color:${COLOR(c.value)}">${MARK(c.value)} ${esc(clauseWord(c.value))}</strong> <code ${CODE}>${esc(c.text)}</code>${detail}</li>`);
      }
      out.push("</ul>");
    }
  }
  out.push("</section>");
  return out.join("\n") + "\n";
}
