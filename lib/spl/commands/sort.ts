/**
 * `sort [N | limit=N] [+|-]f, [+|-]num(f)… [desc]` [V cmd:sort,
 * https://help.splunk.com/splunk-enterprise/spl-search-reference/9.0/search-commands/sort]:
 * 10,000 results by default, `sort 0` all; `-` descending; `num()`/`str()`/`ip()`/`auto()` choose
 * the collating sequence (order.ts); missing values last; a trailing `d`/`desc` reverses each
 * key's order ("sort A, -B desc" sorts A descending, B ascending). Ties keep their input order [U].
 */
import type { Range } from "../ast";
import type { Token } from "../lex";
import type { RowData } from "../runtime";
import { sortRows, type Collation, type SortKey } from "./order";
import { is, nameOf } from "./parse-helpers";
import type { CommandSpec, ParseContext } from "./spec";

export interface SortNode {
  type: "sort";
  at: Range;
  keys: SortKey[];
  /** Undefined: the default 10,000; 0: every result. */
  limit?: number;
  /** A trailing `desc`: every key's direction is reversed. */
  reverse: boolean;
}

const COLLATIONS = new Set(["auto", "num", "str", "ip"]);

/** `[+|-]f, [+|-]num(f)…` from token i (sort, dedup sortby); a trailing `d`/`desc` is left to sort. */
export function parseSortKeys(toks: Token[], i: number, errors: ParseContext["errors"]): { keys: SortKey[]; next: number } {
  const keys: SortKey[] = [];
  let pendingDesc = false;
  for (; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.kind === "comma") continue;
    if (t.text === "-" || t.text === "+") { pendingDesc = t.text === "-"; continue; }
    if (i === toks.length - 1 && keys.length > 0 && (is(t, "d") || is(t, "desc"))) break;
    let name = nameOf(t);
    let desc = pendingDesc;
    if (name.startsWith("-") || name.startsWith("+")) { desc = name.startsWith("-"); name = name.slice(1); }
    let how: Collation = "auto";
    const fn = name.toLowerCase();
    if (COLLATIONS.has(fn) && toks[i + 1]?.kind === "lparen" && toks[i + 3]?.kind === "rparen") {
      how = fn as Collation;
      name = nameOf(toks[i + 2]!);
      i += 3;
    } else if (t.kind !== "word" && t.kind !== "string") {
      errors.push({ message: `unexpected \`${t.text}\` in a sort clause`, at: [t.start, t.end] });
      continue;
    }
    keys.push({ field: name, desc, how });
    pendingDesc = false;
  }
  return { keys, next: i };
}

function parseSort({ seg, errors }: ParseContext): SortNode {
  const toks = seg.tokens;
  let i = 1;
  let limit: number | undefined;
  if (toks[i]?.kind === "word" && /^\d+$/.test(toks[i]!.text)) limit = Number(toks[i++]!.text);
  else if (is(toks[i], "limit") && toks[i + 1]?.text === "=" && /^\d+$/.test(toks[i + 2]?.text ?? "")) {
    limit = Number(toks[i + 2]!.text);
    i += 3;
  }
  const { keys, next } = parseSortKeys(toks, i, errors);
  const reverse = next < toks.length;
  return { type: "sort", at: seg.at, keys, reverse, ...(limit !== undefined ? { limit } : {}) };
}

export function runSort(cmd: SortNode, rows: RowData[]): RowData[] {
  const sorted = sortRows(rows, cmd.reverse ? cmd.keys.map((k) => ({ ...k, desc: !k.desc })) : cmd.keys);
  const limit = cmd.limit === undefined ? 10000 : cmd.limit === 0 ? Infinity : cmd.limit;
  return sorted.length > limit ? sorted.slice(0, limit) : sorted;
}

export const sort: CommandSpec<SortNode> = {
  names: ["sort"],
  parse: parseSort,
  // With a limit, which rows survive depends on the others (the default keeps 10,000).
  batch: (c, flow) => {
    if (c.limit !== 0) flow.all(c, "batch_order");
  },
  keepsEmpty: true,
  run: (c, rows) => runSort(c, rows),
};
