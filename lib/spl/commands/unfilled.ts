/**
 * Output fields the engine cannot fill (iplocation's City, Country… without a GeoIP database):
 * such a command can still run when no later stage reads them — they cannot change which rows
 * come out, so the verdict is Splunk's (issue 13 item 5). The test is on the text of the later
 * commands, conservatively: any mention of a name (any case, as a word inside any token,
 * `'City'`, `values(City)`, `City+1`), or a field glob that could match one, counts as a read.
 * `table`/`fields` only choose columns, and `search *` keeps every row: those do not count; a
 * join or addtotals without a field list reads every field.
 */
import { lex, significant } from "../lex";
import { globRegex } from "./field-globs";
import type { Aggregation } from "../ast";
import { isPercentile } from "../aggregates";
import type { CommandNode, RunContext } from "./spec";

function mentions(token: string, names: readonly string[]): boolean {
  const t = token.replace(/^['"]|['"]$/g, "");
  if (t.includes("*")) {
    if (t === "*") return true;
    const re = new RegExp(globRegex(t.toLowerCase()).source, "i");
    if (names.some((n) => re.test(n))) return true;
  }
  return names.some((n) => new RegExp(`(^|[^A-Za-z0-9_])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}($|[^A-Za-z0-9_])`, "i").test(t));
}

/** The first later command that may read one of `names`, or null when none does. */
export function readerOf(names: readonly string[], following: readonly CommandNode[], text: string): CommandNode | null {
  for (const c of following) {
    if (c.type === "table" || c.type === "fields") continue;
    if (c.type === "search" && (c as { expr?: { kind: string } | null }).expr?.kind === "all") continue;
    // Commands that read every field when they list none (join on the common fields, addtotals).
    if ((c.type === "join" || c.type === "addtotals") && (c as { fields?: string[] }).fields?.length === 0) return c;
    for (const t of significant(lex(text.slice(c.at[0], c.at[1])))) {
      if ((t.kind === "word" || t.kind === "string") && mentions(t.text, names)) return c;
    }
  }
  return null;
}

/** A run with percentile aggregations (left empty, see aggregates.ts) says so. */
export function noteUnfilled(aggs: readonly Aggregation[], ctx: RunContext): void {
  const names = aggs.filter((a) => isPercentile(a.fn)).map((a) => a.as);
  if (names.length === 0) return;
  const note = `${names.join(", ")} left empty: Splunk approximates percentiles in a way the engine does not reproduce; no later stage reads them, so the verdict does not depend on them`;
  ctx.note = note;
  ctx.notes?.push(note);
}
