/** Field-name globs (`Processes.*`, `*_count`) as used by rename, table and fields. */
import type { RowData } from "../runtime";

/** A field-name glob (`Processes.*`, `*_count`) as a RegExp with one group per `*`. */
const globs = new Map<string, RegExp>();
export function globRegex(glob: string): RegExp {
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

/** The row's fields that the patterns name, in pattern order (globs expand to matching keys). */
export function selectFields(row: RowData, patterns: string[]): string[] {
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

