/**
 * A verdict report (./report.ts) as Markdown for a ticket: the analytic as a link, then per event
 * its text in a fenced block, the verdict, and each stage's clauses with pass / fail and
 * wanted / saw. Every piece of user or content text sits in a code span or a fence long enough
 * for the backticks it holds, so nothing in an event or a search can become Markdown (a link, an
 * image, HTML). Pure.
 */
import { clauseWord, type VerdictReport } from "./report";

/** The longest run of `ch` in `text`. */
function longestRun(text: string, ch: string): number {
  let best = 0;
  let run = 0;
  for (const c of text) {
    run = c === ch ? run + 1 : 0;
    if (run > best) best = run;
  }
  return best;
}

/** An inline code span that holds `text` verbatim (CommonMark: a longer fence, padded by a space). */
export function mdCode(text: string): string {
  const one = text.replace(/[\r\n]+/g, " ");
  const fence = "`".repeat(longestRun(one, "`") + 1);
  const pad = one.startsWith("`") || one.endsWith("`") || one === "" ? " " : "";
  return `${fence}${pad}${one}${pad}${fence}`;
}

/** A fenced block that holds `text` verbatim. */
export function mdBlock(text: string): string {
  const fence = "`".repeat(Math.max(3, longestRun(text, "`") + 1));
  return `${fence}\n${text}\n${fence}`;
}

/** Plain text on one line: every ASCII punctuation character backslash-escaped (CommonMark allows it for all of them). */
export function mdText(text: string): string {
  return text.replace(/[\r\n]+/g, " ").replace(/[!-/:-@[-`{-~]/g, "\\$&");
}

/** A link whose label is plain text; only an http(s) URL becomes a link. */
function mdLink(label: string, url: string | undefined): string {
  const text = mdText(label);
  if (!url || !/^https?:\/\//i.test(url)) return text;
  return `[${text}](<${url.replace(/[<>\s]/g, encodeURIComponent)}>)`;
}

const MARK = (v: boolean | null) => (v === true ? "✔" : v === false ? "✘" : "∅");

export function reportMarkdown(r: VerdictReport): string {
  const out: string[] = [`### ${mdLink(r.analytic.name, r.analytic.url)}`, "", `Analytic ${mdCode(r.analytic.id)}`];
  for (const e of r.events) {
    out.push("", `#### Event ${e.number}: ${mdText(e.verdictText)}`, "");
    if (e.dataSource) out.push(`Data source: ${mdCode(e.dataSource)}`, "");
    out.push(mdBlock(e.text));
    for (const s of e.stages) {
      if (s.clauses.length === 0) continue;
      out.push("", `${mdCode(s.command)} (rows ${s.rowsIn} → ${s.rowsOut})`, "");
      for (const c of s.clauses) {
        out.push(`- ${MARK(c.value)} **${clauseWord(c.value)}** ${mdCode(c.text)}`);
        if (c.wanted) out.push(`  - wanted ${mdCode(c.wanted)}`);
        if (c.saw) out.push(`  - saw ${mdCode(c.saw)}`);
      }
    }
  }
  return out.join("\n") + "\n";
}
