/**
 * `iplocation [prefix=s] [allfields=bool] [lang=s] <ip-field>`
 * [V cmd:iplocation, https://help.splunk.com/splunk-enterprise/spl-search-reference/9.4/search-commands/iplocation]:
 * adds location fields (City, Country, Region, lat, lon; with allfields also Continent,
 * MetroCode, Timezone; each after `prefix`) looked up in a GeoIP database, to every result; it
 * keeps every result. The console ships no GeoIP database, so it cannot fill them: the command
 * runs (rows pass unchanged, the notes say the fields are empty) only when no later stage reads
 * one of them (unfilled.ts); otherwise the reason names the stage that reads them.
 */
import type { Range } from "../ast";
import { readOptions } from "./parse-helpers";
import { readerOf } from "./unfilled";
import { Unsupported, type CommandSpec } from "./spec";

export interface IplocationNode {
  type: "iplocation";
  at: Range;
  options: Record<string, string>;
  field: string;
}

const OUTPUTS = ["City", "Country", "Region", "lat", "lon", "Continent", "MetroCode", "Timezone"];

export function iplocationOutputs(c: IplocationNode): string[] {
  const prefix = c.options["prefix"] ?? "";
  return OUTPUTS.map((o) => prefix + o);
}

export const iplocation: CommandSpec<IplocationNode> = {
  names: ["iplocation"],
  parse({ seg }) {
    const options: Record<string, string> = {};
    const i = readOptions(seg.tokens, 1, new Set(["prefix", "allfields", "lang"]), options);
    const t = seg.tokens[i];
    return { type: "iplocation", at: seg.at, options, field: t?.kind === "string" ? t.value ?? "" : t?.text ?? "" };
  },
  check(c, ctx) {
    const reader = readerOf(iplocationOutputs(c), ctx.following, ctx.text);
    if (reader) {
      const shown = ctx.text.slice(reader.at[0], Math.min(reader.at[1], reader.at[0] + 60)).replace(/\s+/g, " ");
      throw new Unsupported("unsupported_command", `\`iplocation\` needs a GeoIP database, which the console does not ship, and \`${shown}\` reads the location fields it adds`, c.at, "none", "iplocation");
    }
  },
  batch(c, flow) {
    for (const f of iplocationOutputs(c)) flow.set(f, false);
  },
  keepsEmpty: true,
  run(c, rows, ctx) {
    const note = `\`iplocation ${c.field}\` left ${iplocationOutputs(c).slice(0, 5).join(", ")} empty (the console has no GeoIP database); no later stage reads them, so the verdict does not depend on them`;
    ctx.note = note;
    ctx.notes?.push(note);
    return rows;
  },
};
