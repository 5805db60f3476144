/**
 * A lookup definition's options (`lookups/*.yml`, the keys of a transforms.conf stanza) read and
 * checked [V lookup-rules: https://help.splunk.com/splunk-enterprise/manage-knowledge-objects/knowledge-management-manual/9.4/use-the-configuration-files-to-configure-lookups/add-field-matching-rules-to-your-lookup-configuration]:
 * `match_type` is a comma-separated list of `WILDCARD(field)` / `CIDR(field)`,
 * `case_sensitive_match` a boolean, `min_matches` / `max_matches` integers (max 1–1000),
 * `default_match` text. A value the engine would have to guess at is a problem, and the
 * definition is not loaded (its searches then name it as missing). Browser-safe.
 */
import type { LookupDefinition, LookupMatchType } from "../detection/lookups";
import { text } from "./fields";

type Options = Omit<LookupDefinition, "name">;

export function lookupOptions(d: Record<string, unknown>, problem: (key: string, message: string) => void): Options {
  const out: Options = {};
  const filename = text(d.filename)?.trim();
  if (filename) {
    if (/[\\/]|^\.\.?$/.test(filename)) problem("filename", `\`filename\` must be a file name in lookups/, not a path: ${filename}`);
    else out.filename = filename;
  }
  const collection = text(d.collection)?.trim();
  if (collection) out.collection = collection;
  const mt = text(d.match_type)?.trim();
  if (mt) {
    const types: LookupMatchType[] = [];
    for (const part of mt.split(",").map((s) => s.trim()).filter(Boolean)) {
      const m = /^(WILDCARD|CIDR)\(\s*([^()\s]+)\s*\)$/i.exec(part);
      if (m) types.push({ type: m[1]!.toUpperCase() as LookupMatchType["type"], field: m[2]! });
      else problem("match_type", `\`match_type\`: \`${part}\` is not WILDCARD(field) or CIDR(field)`);
    }
    out.matchTypes = types;
  }
  const csm = text(d.case_sensitive_match)?.trim().toLowerCase();
  if (csm !== undefined) {
    if (csm === "true" || csm === "false") out.caseSensitiveMatch = csm === "true";
    else problem("case_sensitive_match", `\`case_sensitive_match\` must be true or false, not \`${csm}\``);
  }
  const int = (key: "min_matches" | "max_matches", lo: number, hi: number): number | undefined => {
    const v = text(d[key])?.trim();
    if (v === undefined) return undefined;
    const n = /^\d+$/.test(v) ? Number(v) : NaN;
    if (Number.isInteger(n) && n >= lo && n <= hi) return n;
    problem(key, `\`${key}\` must be an integer from ${lo} to ${hi}, not \`${v}\``);
    return undefined;
  };
  const min = int("min_matches", 0, 1000);
  if (min !== undefined) out.minMatches = min;
  const max = int("max_matches", 1, 1000);
  if (max !== undefined) out.maxMatches = max;
  const dm = text(d.default_match);
  if (dm !== undefined) out.defaultMatch = dm;
  return out;
}
