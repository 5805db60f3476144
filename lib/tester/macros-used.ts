import type { MacroDefinition } from "../content/types";

const bare = (name: string) => name.replace(/\(\d+\)$/, "").trim();

/** The macros a search calls, nested calls included (by name; the engine picks the arity). */
export function macrosUsedBy(search: string, macros: readonly MacroDefinition[]): MacroDefinition[] {
  const byName = new Map<string, MacroDefinition[]>();
  for (const m of macros) byName.set(bare(m.name), [...(byName.get(bare(m.name)) ?? []), m]);
  const seen = new Set<string>();
  const queue = [search];
  while (queue.length) {
    for (const hit of (queue.pop() ?? "").matchAll(/`\s*([A-Za-z0-9_.:-]+)/g)) {
      const name = hit[1]!;
      if (seen.has(name)) continue;
      seen.add(name);
      for (const def of byName.get(name) ?? []) queue.push(def.definition);
    }
  }
  return macros.filter((m) => seen.has(bare(m.name)));
}
