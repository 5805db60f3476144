/**
 * `dedup [N] f… [keepevents=b] [keepempty=b] [consecutive=b] [sortby <sort-by-clause>]`
 * [V cmd10:dedup, https://docs.splunk.com/Documentation/Splunk/9.2.1/SearchReference/dedup]:
 * keeps the first N results (1 by default) of each combination of values "based on search
 * order" (newest first for a historical search); `sortby` sorts first, which "determines which
 * event is retained" (the results stay in that order); results missing a listed field are dropped
 * unless keepempty=true; `keepevents=true` keeps every result but removes the listed fields from
 * the results after the first N of their combination; `consecutive=true` only removes duplicates
 * that follow each other. Values compare as they are written (a multivalue as its whole list) [U].
 */
import type { Range } from "../ast";
import type { Lineage } from "../lineage";
import type { RowData } from "../runtime";
import { sortRows } from "./order";
import { nameOf, truthy } from "./parse-helpers";
import { parseSortKeys, type SortNode } from "./sort";
import type { CommandSpec, ParseContext } from "./spec";

export interface DedupNode {
  type: "dedup";
  at: Range;
  fields: string[];
  /** Results kept per combination. */
  count: number;
  keepempty: boolean;
  keepevents: boolean;
  consecutive: boolean;
  sortby?: SortNode["keys"];
}

function parseDedup({ seg, errors }: ParseContext): DedupNode {
  const toks = seg.tokens;
  const opts: Record<string, string> = {};
  let i = 1;
  let count = 1;
  if (toks[i]?.kind === "word" && /^\d+$/.test(toks[i]!.text)) count = Number(toks[i++]!.text);
  const fields: string[] = [];
  let sortby: SortNode["keys"] | undefined;
  for (; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === "word" && toks[i + 1]?.text === "=" && toks[i + 2]) {
      opts[t.text.toLowerCase()] = toks[i + 2]!.text;
      i += 2;
    } else if (t.kind === "word" && t.text.toLowerCase() === "sortby") {
      const parsed = parseSortKeys(toks, i + 1, errors);
      sortby = parsed.keys;
      i = parsed.next - 1;
    } else if (t.kind === "comma") continue;
    else fields.push(nameOf(t));
  }
  if (count < 1) errors.push({ message: "dedup keeps at least 1 result per combination", at: seg.at });
  return {
    type: "dedup", at: seg.at, fields, count,
    keepempty: truthy(opts["keepempty"]), keepevents: truthy(opts["keepevents"]), consecutive: truthy(opts["consecutive"]),
    ...(sortby ? { sortby } : {}),
  };
}

export function runDedup(cmd: DedupNode, input: RowData[], lineage?: Lineage): RowData[] {
  const rows = cmd.sortby ? sortRows(input, cmd.sortby) : input;
  const seen = new Map<string, number>();
  let last: string | null = null;
  let run = 0;
  const out: RowData[] = [];
  for (const r of rows) {
    const vals = cmd.fields.map((f) => r[f]);
    if (vals.some((v) => v === undefined || (Array.isArray(v) && v.length === 0))) {
      if (cmd.keepempty) out.push(r);
      continue;
    }
    const key = JSON.stringify(vals);
    let n: number;
    if (cmd.consecutive) {
      run = key === last ? run + 1 : 1;
      last = key;
      n = run;
    } else {
      n = (seen.get(key) ?? 0) + 1;
      seen.set(key, n);
    }
    if (n <= cmd.count) out.push(r);
    else if (cmd.keepevents) {
      const kept = { ...r };
      for (const f of cmd.fields) delete kept[f];
      lineage?.copy(kept, r);
      out.push(kept);
    }
  }
  return out;
}

export const dedup: CommandSpec<DedupNode> = {
  names: ["dedup"],
  parse: parseDedup,
  batch(c, flow) {
    // Which result of a combination survives depends on the others; the combinations do not.
    if (c.keepevents) for (const f of c.fields) flow.set(f, true, "batch_order");
    else flow.all(c, "batch_order", c.fields);
  },
  keepsEmpty: true,
  run: (c, rows, ctx) => runDedup(c, rows, ctx.lineage),
};
