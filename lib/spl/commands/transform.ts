/**
 * Row-shaping commands: rename, fillnull, table, fields, dedup, sort, head, makemv, mvexpand,
 * convert (spl-semantics §6).
 */
import type { Command } from "../ast";
import { EngineAbort, fieldOf, type RowData } from "../runtime";
import { strftime } from "../timefmt";
import { compareStrings, parseNumeric, scalarToString, valuesOf, type Scalar } from "../values";

type Cmd<T extends Command["type"]> = Extract<Command, { type: T }>;

/** A field-name glob (`Processes.*`, `*_count`) as a RegExp with one group per `*`. */
const globs = new Map<string, RegExp>();
function globRegex(glob: string): RegExp {
  let re = globs.get(glob);
  if (!re) {
    re = buildGlobRegex(glob);
    if (globs.size < 1000) globs.set(glob, re);
  }
  return re;
}

function buildGlobRegex(glob: string): RegExp {
  const body = glob.split("*").map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("([\\s\\S]*)");
  return new RegExp(`^${body}$`);
}

type Renamer = (name: string) => string | null;
type RenamePair = Cmd<"rename">["pairs"][number];

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
const pairedUp = new WeakSet<Cmd<"rename">>();

export function runRename(cmd: Cmd<"rename">, rows: RowData[]): RowData[] {
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

export function runFillnull(cmd: Cmd<"fillnull">, rows: RowData[]): RowData[] {
  let fields = cmd.fields;
  if (fields.length === 0) {
    const all = new Set<string>();
    for (const r of rows) for (const k of Object.keys(r)) all.add(k);
    fields = [...all];
  }
  return rows.map((r) => {
    const out = { ...r };
    for (const f of fields) if (out[f] === undefined) out[f] = cmd.value;
    return out;
  });
}

function selectFields(row: RowData, patterns: string[]): string[] {
  const keys = Object.keys(row);
  const out: string[] = [];
  for (const p of patterns) {
    if (p.includes("*")) {
      const re = globRegex(p);
      for (const k of keys) if (re.test(k) && !out.includes(k)) out.push(k);
    } else if (!out.includes(p)) out.push(p);
  }
  return out;
}

export function runTable(cmd: Cmd<"table">, rows: RowData[]): RowData[] {
  return rows.map((r) => {
    const out: RowData = {};
    for (const f of selectFields(r, cmd.fields)) if (r[f] !== undefined) out[f] = r[f]!;
    return out;
  });
}

export function runFields(cmd: Cmd<"fields">, rows: RowData[]): RowData[] {
  return rows.map((r) => {
    const chosen = new Set(selectFields(r, cmd.fields));
    const out: RowData = {};
    for (const [k, v] of Object.entries(r)) {
      const keep = cmd.remove ? !chosen.has(k) : chosen.has(k) || (k.startsWith("_") && !cmd.fields.includes(k));
      if (keep) out[k] = v;
    }
    return out;
  });
}

export function runDedup(cmd: Cmd<"dedup">, rows: RowData[]): RowData[] {
  if (cmd.sortby) throw new EngineAbort("dedup … sortby is not modelled");
  const seen = new Set<string>();
  let last: string | null = null;
  const out: RowData[] = [];
  for (const r of rows) {
    const vals = cmd.fields.map((f) => r[f]);
    if (vals.some((v) => v === undefined)) {
      if (cmd.keepempty) out.push(r);
      continue;
    }
    const key = JSON.stringify(vals);
    if (cmd.consecutive ? key === last : seen.has(key)) continue;
    seen.add(key);
    last = key;
    out.push(r);
  }
  return out;
}

function compareForSort(a: Scalar | Scalar[] | undefined, b: Scalar | Scalar[] | undefined): number {
  if (a === undefined || b === undefined) return a === b ? 0 : a === undefined ? -1 : 1;
  const x = valuesOf(a)[0]!;
  const y = valuesOf(b)[0]!;
  const nx = typeof x === "number" ? x : parseNumeric(x);
  const ny = typeof y === "number" ? y : parseNumeric(y);
  if (nx !== null && ny !== null) return nx - ny;
  return compareStrings(scalarToString(x), scalarToString(y));
}

export function runSort(cmd: Cmd<"sort">, rows: RowData[]): RowData[] {
  const sorted = [...rows].sort((a, b) => {
    for (const k of cmd.keys) {
      const c = compareForSort(a[k.field], b[k.field]);
      if (c !== 0) return k.desc ? -c : c;
    }
    return 0;
  });
  // `sort` keeps 10,000 results by default; `sort 0` keeps all.
  const limit = cmd.limit === undefined ? 10000 : cmd.limit === 0 ? Infinity : cmd.limit;
  return sorted.slice(0, limit);
}

export function runMakemv(cmd: Cmd<"makemv">, rows: RowData[]): RowData[] {
  return rows.map((r) => {
    const v = r[cmd.field];
    if (v === undefined || Array.isArray(v)) return r;
    const parts = scalarToString(v).split(cmd.delim).filter((p) => p !== "");
    const out = { ...r };
    if (parts.length === 0) delete out[cmd.field];
    else out[cmd.field] = parts.length === 1 ? parts[0]! : parts;
    return out;
  });
}

export function runMvexpand(cmd: Cmd<"mvexpand">, rows: RowData[]): RowData[] {
  const out: RowData[] = [];
  for (const r of rows) {
    const v = r[cmd.field];
    if (v === undefined) continue;
    for (const x of valuesOf(v)) out.push({ ...r, [cmd.field]: x });
  }
  return out;
}

export function runConvert(cmd: Cmd<"convert">, rows: RowData[]): RowData[] {
  for (const c of cmd.conversions) {
    if (c.fn !== "ctime") throw new EngineAbort(`convert ${c.fn}() is not modelled`);
  }
  return rows.map((r) => {
    const out = { ...r };
    for (const c of cmd.conversions) {
      const v = r[c.field];
      if (v === undefined) continue;
      const converted = valuesOf(v).map((x) => {
        const n = typeof x === "number" ? x : parseNumeric(x);
        // Values that are not epoch numbers are left as they are.
        return n === null ? x : strftime(n, cmd.timeformat);
      });
      out[c.as ?? c.field] = converted.length === 1 ? converted[0]! : converted;
    }
    return out;
  });
}
