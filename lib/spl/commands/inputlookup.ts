/**
 * `inputlookup [append=b] [start=n] [max=n] <table> [WHERE …]`
 * [V cmd:inputlookup: https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/inputlookup]:
 * reads a lookup table's rows as results. The catalog uses it to lead a search (the verdict would
 * not depend on the pasted events) and to append a baseline table after `stats` (`append=t`),
 * which the engine does not model; in subsearches (`search [| inputlookup …]`) the subsearch
 * check answers first. So: a table nobody supplied is `needs_lookup` (naming it, the user can
 * supply it); a supplied one still gets a named reason, never a guess.
 */
import type { Range } from "../ast";
import { hasTable, type LookupSource } from "../../detection/lookups";
import { EngineAbort } from "../runtime";
import { missingTable } from "./lookup";
import { isName, nameOf } from "./parse-helpers";
import { Unsupported, type CommandSpec } from "./spec";

export interface InputlookupNode {
  type: "inputlookup";
  at: Range;
  table: string;
  tableAt: Range;
  append: boolean;
  source?: LookupSource;
}

export const inputlookup: CommandSpec<InputlookupNode> = {
  names: ["inputlookup"],
  parse({ seg, errors }) {
    const toks = seg.tokens;
    let i = 1;
    let append = false;
    while (toks[i]?.kind === "word" && toks[i + 1]?.text === "=" && toks[i + 2]) {
      if (toks[i]!.text.toLowerCase() === "append") append = /^(t|true|1)$/i.test(toks[i + 2]!.text);
      i += 3;
    }
    const t = toks[i];
    if (!t || !isName(t)) errors.push({ message: "inputlookup expects a lookup table name", at: seg.at });
    return { type: "inputlookup", at: seg.at, table: t && isName(t) ? nameOf(t) : "", tableAt: t ? [t.start, t.end] : seg.at, append };
  },
  check(c, ctx) {
    if (!c.source || !hasTable(c.source)) throw new Unsupported("needs_lookup", missingTable(c.table, c.source, "inputlookup"), c.tableAt, "none", c.table);
    const why = ctx.index === 0 ? "reads the rows of lookup table `" + c.table + "` rather than events, so its result does not depend on pasted events" : "appends the rows of lookup table `" + c.table + "` to the results, which the engine does not model";
    throw new Unsupported("unsupported_command", `\`inputlookup\` ${why}`, c.at, "none", "inputlookup");
  },
  run(c) {
    throw new EngineAbort(`\`inputlookup ${c.table}\` is not run on pasted events`);
  },
};
