/**
 * `rename A AS B` (spl-semantics §6): wildcards pair up in order; renaming a missing field onto an
 * existing name nulls the target.
 */
import type { Range } from "../ast";
import { EngineAbort, fieldOf, type RowData } from "../runtime";
import { globRegex } from "./field-globs";
import { is, isName, nameOf } from "./parse-helpers";
import type { CommandSpec, ParseContext } from "./spec";

export interface RenameNode {
  type: "rename";
  at: Range;
  pairs: { from: string; to: string; at: Range }[];
}
type Renamer = (name: string) => string | null;
type RenamePair = RenameNode["pairs"][number];

/** `rename from AS to` as a function of the field name, compiled once per pair. */
const renamers = new WeakMap<RenamePair, Renamer>();
function renamerOf(pair: RenamePair): Renamer {
  let r = renamers.get(pair);
  if (!r) {
    r = buildRenamer(pair.from, pair.to);
    renamers.set(pair, r);
  }
  return r;
}

function buildRenamer(from: string, to: string): Renamer {
  const star = from.indexOf("*");
  if (star < 0) return (name) => (name === from ? to : null);
  // The common CIM shape `Node.* AS *`: a prefix to strip.
  if (star === from.length - 1 && to === "*") {
    const prefix = from.slice(0, -1);
    return (name) => (name.startsWith(prefix) ? name.slice(prefix.length) : null);
  }
  const re = globRegex(from);
  const toStars = to.includes("*");
  return (name) => {
    const m = re.exec(name);
    if (!m) return null;
    let i = 1;
    return toStars ? to.replace(/\*/g, () => m[i++] ?? "") : to;
  };
}

/** The name `name` takes under `rename from AS to` (wildcards pair up in order), or null when `from` does not match it. */
export function renamedField(from: string, to: string, name: string): string | null {
  return buildRenamer(from, to)(name);
}

const starCount = (s: string) => s.split("*").length - 1;

/** Rename commands whose wildcards were checked to pair up. */
const pairedUp = new WeakSet<RenameNode>();

export function runRename(cmd: RenameNode, rows: RowData[]): RowData[] {
  if (rows.length === 0) return rows;
  if (!pairedUp.has(cmd)) {
    for (const { from, to } of cmd.pairs) {
      if (from.includes("*") && to.includes("*") && starCount(to) !== starCount(from)) throw new EngineAbort(`rename ${from} AS ${to}: the wildcards do not pair up`);
    }
    pairedUp.add(cmd);
  }
  return rows.map((input) => {
    let row = input;
    for (const pair of cmd.pairs) {
      const { from, to } = pair;
      const next: RowData = {};
      if (from.includes("*")) {
        const rename = renamerOf(pair);
        const keys = Object.keys(row);
        const targets = keys.map(rename);
        // A field that is not renamed but has a renamed field's new name is replaced by it.
        const taken = targets.filter((t): t is string => t !== null);
        for (let i = 0; i < keys.length; i++) {
          const k = keys[i]!;
          const target = targets[i];
          if (target !== null && target !== undefined) next[target] = row[k]!;
          else if (!taken.includes(k)) next[k] = row[k]!;
        }
      } else {
        const v = fieldOf(row, from);
        for (const [k, val] of Object.entries(row)) if (k !== from && k !== to) next[k] = val;
        // Renaming a missing field onto an existing name nulls the target (spl-semantics §6).
        if (v !== undefined) next[to] = v;
      }
      row = next;
    }
    return row;
  });
}

function parseRename({ seg, errors }: ParseContext): RenameNode {
  const toks = seg.tokens;
  const pairs: { from: string; to: string; at: Range }[] = [];
  let i = 1;
  while (i < toks.length) {
    const t = toks[i]!;
    if (t.kind === "comma") { i++; continue; }
    if (isName(t) && is(toks[i + 1], "as") && isName(toks[i + 2])) {
      pairs.push({ from: nameOf(t), to: nameOf(toks[i + 2]!), at: [t.start, toks[i + 2]!.end] });
      i += 3;
      continue;
    }
    errors.push({ message: `rename expects \`field AS newname\` near \`${t.text}\``, at: [t.start, t.end] });
    break;
  }
  return { type: "rename", at: seg.at, pairs };
}

export const rename: CommandSpec<RenameNode> = {
  names: ["rename"],
  parse: parseRename,
  batch(c, flow) {
    for (const p of c.pairs) {
      // `rename a AS b` gives b a's value (or none): b depends on other events exactly when a does.
      const exact = !p.from.includes("*") && p.from !== p.to ? flow.has(p.from) : undefined;
      flow.renameFields((f) => renamedField(p.from, p.to, f));
      if (exact !== undefined) {
        flow.set(p.to, exact);
        flow.set(p.from, false);
      }
    }
  },
  keepsEmpty: true,
  lineage: "map",
  run: (c, rows) => runRename(c, rows),
};
