/**
 * The import graph of the project's TypeScript sources (static `import`/`export … from`, type-only
 * included, dynamic `import("…")` too), folded to folders under lib/ (lib/spl/commands counts as
 * lib/spl). Used by the import-rule test and printable: `npx tsx scripts/import-graph.ts`.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

export const ROOT = path.resolve(import.meta.dirname, "..");

export interface ImportEdge {
  from: string;
  /** Resolved project path (no extension), or the bare specifier (`node:fs`, `react`). */
  to: string;
  line: number;
}

const SOURCE = /\.(ts|tsx)$/;
const SPEC = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*["']([^"']+)["']|import\s*\(\s*["']([^"']+)["']\s*\)|^\s*import\s*["']([^"']+)["']/gm;

export function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name.startsWith(".")) continue;
    const p = path.join(dir, name);
    if (statSync(p).isDirectory()) out.push(...sourceFiles(p));
    else if (SOURCE.test(name)) out.push(p);
  }
  return out;
}

/** Every TypeScript source of the product (lib, app, components, bin), tests included. */
export function productSources(): string[] {
  return ["lib", "app", "components", "bin"].flatMap((d) => sourceFiles(path.join(ROOT, d)));
}

/** Shipped files that never render in a page: reports downloaded as Markdown or HTML, and the CLI's terminal output. */
export const NEVER_RENDERED: readonly string[] = ["lib/export/html.ts", "lib/export/markdown.ts", "bin/"];

/**
 * `file:line` of each line of shipped code and of the stylesheet (`app/globals.css`) that `pattern`
 * matches: tests left out, and what `except` names (a file, or a folder written with a trailing slash: "bin/").
 */
export function shippedLinesMatching(pattern: RegExp, except: readonly string[] = []): string[] {
  const out: string[] = [];
  const excepted = (rel: string) => except.some((e) => (e.endsWith("/") ? rel.startsWith(e) : rel === e));
  for (const file of [...productSources(), path.join(ROOT, "app", "globals.css")]) {
    const rel = path.relative(ROOT, file);
    if (/\.test\.tsx?$/.test(rel) || excepted(rel)) continue;
    readFileSync(file, "utf8")
      .split("\n")
      .forEach((line, i) => pattern.test(line) && out.push(`${rel}:${i + 1}`));
  }
  return out;
}

function resolveSpec(file: string, spec: string): string {
  if (spec.startsWith("@/")) return path.relative(ROOT, path.join(ROOT, spec.slice(2)));
  if (spec.startsWith(".")) return path.relative(ROOT, path.resolve(path.dirname(file), spec)).replace(SOURCE, "");
  return spec;
}

export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(file, "utf8");
  const rel = path.relative(ROOT, file);
  const out: ImportEdge[] = [];
  for (const m of text.matchAll(SPEC)) {
    const spec = m[1] ?? m[2] ?? m[3];
    if (!spec) continue;
    const line = text.slice(0, m.index ?? 0).split("\n").length;
    out.push({ from: rel, to: resolveSpec(file, spec), line });
  }
  return out;
}

/** `lib/spl/commands/x` → `lib/spl`; `components/tester/x` → `components`; `app/…` → `app`. */
export function folderOf(p: string): string {
  const parts = p.split(/[\\/]/);
  if (parts[0] === "lib" && parts.length >= 2) return `lib/${parts[1]}`;
  return parts[0] ?? p;
}

/** Folder-level edges among lib/ folders, each with one example import. */
export function folderGraph(edges: readonly ImportEdge[]): Map<string, Map<string, ImportEdge>> {
  const g = new Map<string, Map<string, ImportEdge>>();
  for (const e of edges) {
    if (!e.from.startsWith("lib/") || !e.to.startsWith("lib/") || e.from.endsWith(".test.ts")) continue;
    const a = folderOf(e.from);
    const b = folderOf(e.to);
    if (a === b) continue;
    const m = g.get(a) ?? new Map<string, ImportEdge>();
    if (!m.has(b)) m.set(b, e);
    g.set(a, m);
  }
  return g;
}

/** Every folder cycle (as a path a → b → … → a), found by depth-first search. */
export function folderCycles(g: Map<string, Map<string, ImportEdge>>): string[][] {
  const cycles: string[][] = [];
  const seen = new Set<string>();
  const visit = (node: string, stack: string[]) => {
    const at = stack.indexOf(node);
    if (at >= 0) {
      cycles.push([...stack.slice(at), node]);
      return;
    }
    if (seen.has(node)) return;
    stack.push(node);
    for (const next of g.get(node)?.keys() ?? []) visit(next, stack);
    stack.pop();
    seen.add(node);
  };
  for (const node of g.keys()) visit(node, []);
  return cycles;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const edges = productSources().flatMap(importsOf);
  for (const [a, bs] of [...folderGraph(edges)].sort()) console.log(`${a} → ${[...bs.keys()].sort().join(", ")}`);
  for (const c of folderCycles(folderGraph(edges))) console.log(`cycle: ${c.join(" → ")}`);
}
