/**
 * Commands the engine does not run, each with why and its reason code. Anything not in the
 * command table parses to an `unsupported` node, so a new command can never be accepted silently:
 * its verdict is "not testable live: <name> …" until it has a module of its own.
 */
import type { Range } from "../ast";
import { EngineAbort } from "../runtime";
import { argsText } from "./parse-helpers";
import { Unsupported, type CommandSpec, type ParseContext } from "./spec";

export interface UnsupportedNode {
  type: "unsupported";
  at: Range;
  /** The command word as written (lower case). */
  name: string;
  args: string;
  reason: string;
  code: string;
  keepsEmpty: boolean;
}

/**
 * Known commands not modelled: reason code, the sentence for people, and whether the command
 * keeps an empty input empty (it only reads or rewrites the rows it is given; lets support.ts
 * decide a verdict when no row reaches it). A generating or appending command does not.
 */
const KNOWN: Record<string, [code: string, reason: string, keepsEmpty?: true]> = {
  outputlookup: ["external_state", "writes a lookup table", true],
  transaction: ["unsupported_command", "groups events into transactions over time", true],
  streamstats: ["unsupported_command", "computes running statistics over the event stream", true],
  mstats: ["metrics", "reads metrics, not events"],
  from: ["unsupported_command", "reads a data model directly"],
  datamodel: ["unsupported_command", "reads a data model directly"],
  spath: ["unsupported_command", "extracts fields from structured raw data", true],
  xmlkv: ["unsupported_command", "extracts fields from raw XML", true],
  apply: ["machine_learning", "applies a machine-learning model"],
  anomalydetection: ["unsupported_command", "uses statistical anomaly detection over many events"],
  map: ["subsearch", "runs a search per result"],
  foreach: ["unsupported_command", "iterates over field names", true],
  fromjson: ["unsupported_command", "extracts fields from raw JSON", true],
  multikv: ["unsupported_command", "extracts fields from tabular raw data"],
  extract: ["unsupported_command", "extracts fields from raw data", true],
  cyberchef: ["unsupported_command", "runs an add-on command"],
  outlier: ["unsupported_command", "removes outliers across many events"],
  makeresults: ["unsupported_command", "generates events"],
  replace: ["unsupported_command", "rewrites values with wildcards (not modelled yet)", true],
  collect: ["external_state", "writes to an index", true],
  rest: ["remote_data", "reads the Splunk server's REST endpoints"],
};

/** The node for a command word that has no module in the table. */
export function unsupportedCommand({ text, seg }: ParseContext, name: string): UnsupportedNode {
  const known = Object.prototype.hasOwnProperty.call(KNOWN, name) ? KNOWN[name] : undefined;
  const [code, reason, keepsEmpty] = known ?? ["unsupported_command", "is not modelled by the engine"];
  return { type: "unsupported", at: seg.at, name, args: argsText(text, seg.tokens, seg.at[1]), reason, code, keepsEmpty: keepsEmpty === true };
}

export const unsupported: CommandSpec<UnsupportedNode> = {
  names: [],
  parse: (ctx) => unsupportedCommand(ctx, ""),
  keepsEmpty: (c) => c.keepsEmpty,
  check(c) {
    throw new Unsupported(c.code, `\`${c.name}\` ${c.reason}`, c.at, "none", c.name);
  },
  run(c) {
    throw new EngineAbort(`\`${c.name}\` ${c.reason}`, c.code);
  },
};
