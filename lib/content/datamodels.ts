/**
 * Finds the data models a search reads (`datamodel=Endpoint.Processes`, `datamodel:"Risk.All_Risk"`,
 * `from datamodel Endpoint.Processes`, `| datamodel Endpoint Processes`) after naive inlining of
 * the content's macros. A stop-gap: the SPL engine's parser replaces this. Browser-safe.
 */
import type { MacroDefinition } from "./types";

const MACRO = /`([^`\s(]+)(?:\(([^`]*)\))?`/g;

/** Splits macro call arguments on top-level commas (quotes respected). */
function splitArgs(raw: string): string[] {
  const out: string[] = [];
  let cur = "";
  let quote: string | undefined;
  for (const ch of raw) {
    if (quote) {
      if (ch === quote) quote = undefined;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === ",") {
      out.push(cur.trim());
      cur = "";
      continue;
    }
    cur += ch;
  }
  out.push(cur.trim());
  return out;
}

/** Expands `name` / `name(args)` macros up to `depth` levels; unknown macros stay as written. */
export function inlineMacros(search: string, macros: ReadonlyMap<string, MacroDefinition>, depth = 6): string {
  let text = search;
  for (let level = 0; level < depth; level++) {
    let changed = false;
    text = text.replace(MACRO, (whole, name: string, rawArgs: string | undefined) => {
      const args = rawArgs === undefined ? [] : splitArgs(rawArgs);
      const def = macros.get(rawArgs === undefined ? name : `${name}(${args.length})`) ?? macros.get(name);
      if (!def) return whole;
      changed = true;
      let body = def.definition;
      def.args.forEach((arg, i) => {
        body = body.split(`$${arg}$`).join(args[i] ?? "");
      });
      return body;
    });
    if (!changed) break;
  }
  return text;
}

const PATTERNS = [
  /\bdatamodel\s*[=:]\s*"?([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)"?/gi,
  /\bfrom\s+datamodel\s*[:=]?\s*"?([A-Za-z_][\w]*(?:\.[A-Za-z_][\w]*)*)"?/gi,
  /\|\s*datamodel\s+([A-Za-z_]\w*)(?:\s+([A-Za-z_]\w*))?/gi,
];

/** Data model references in order of first appearance, e.g. `["Endpoint.Processes"]`. */
export function findDatamodels(search: string, macros: ReadonlyMap<string, MacroDefinition>): string[] {
  const text = inlineMacros(search, macros);
  const found: { at: number; name: string }[] = [];
  for (const re of PATTERNS) {
    for (const m of text.matchAll(re)) {
      const name = m[2] && !/^(search|flat|acceleration_search)$/i.test(m[2]) ? `${m[1]}.${m[2]}` : (m[1] ?? "");
      if (name) found.push({ at: m.index ?? 0, name });
    }
  }
  found.sort((a, b) => a.at - b.at);
  return [...new Set(found.map((f) => f.name))];
}

/** Map key for a macro: `name` for a plain macro, `name(n)` for one with n arguments (Splunk's convention). */
export function macroKey(def: Pick<MacroDefinition, "name" | "args">): string {
  return def.args.length === 0 ? def.name : `${def.name}(${def.args.length})`;
}
