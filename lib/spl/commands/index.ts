/**
 * The command table: every SPL command the engine runs is one module here. Adding a command is a
 * new file exporting a CommandSpec and one line in COMMANDS; anything else parses to an
 * `unsupported` node (a named reason, never a silent accept).
 */
import { addtotals } from "./addtotals";
import { append, appendpipe } from "./append";
import { bin } from "./bin";
import { convert } from "./convert";
import { dedup } from "./dedup";
import { evalCommand } from "./eval";
import { fields } from "./fields";
import { fillnull } from "./fillnull";
import { head } from "./head";
import { inputlookup } from "./inputlookup";
import { lookup } from "./lookup";
import { iplocation } from "./iplocation";
import { join } from "./join";
import { makemv } from "./makemv";
import { mvexpand } from "./mvexpand";
import { regex } from "./regex";
import { rename } from "./rename";
import { rex } from "./rex";
import { search } from "./search";
import { sort } from "./sort";
import { spath } from "./spath";
import type { AnySpec, CommandSpec } from "./spec";
import { eventstats, stats } from "./stats";
import { table } from "./table";
import { rare, top } from "./top";
import { tstats } from "./tstats";
import { unsupported } from "./unsupported";
import { where } from "./where";

export const COMMANDS = [
  tstats, search, where, evalCommand, rename, rex, regex, fillnull, table, fields, dedup, stats, eventstats,
  convert, sort, head, makemv, mvexpand, bin, top, rare, join, append, appendpipe, addtotals, iplocation,
  lookup, inputlookup, spath,
] as const;

type NodeOf<S> = S extends CommandSpec<infer N> ? N : never;

/** Every command node the parser can produce. */
export type Command = NodeOf<(typeof COMMANDS)[number]> | NodeOf<typeof unsupported>;

const BY_NAME = new Map<string, AnySpec>();
for (const spec of COMMANDS) for (const n of spec.names) BY_NAME.set(n, spec);

/** The module for a command word (lower case), or undefined when the engine has none. */
export function commandSpec(name: string): AnySpec | undefined {
  return BY_NAME.get(name);
}

/** The module that handles a parsed node. */
export function specOf(node: Command): AnySpec {
  if (node.type === "unsupported") return unsupported;
  return BY_NAME.get(node.type) ?? unsupported;
}

export { unsupportedCommand } from "./unsupported";
export { impliedSearch } from "./search";
export { bindLookups, tablesIn } from "./lookup";
