/**
 * Loads a security_content-style folder into a `Catalog` (Node only: server and CLI; never import
 * this from client code). Reads `detections/**∕*.yml`, `macros/*.yml`, `stories/**∕*.yml`,
 * `data_sources/*.yml` and `lookups/*.yml`. A file that cannot be read or parsed is skipped and
 * listed in `problems`; nothing stops the rest. Never throws.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import path from "node:path";
import { ATTACK_VERSION } from "../attack/index";
import { toAnalytic } from "./analytic";
import { datamodelsIn } from "../spl/datamodels";
import { expandMacros, indexMacros } from "../spl/macros";
import { toDataSource, toLookup, toMacro, toStory } from "./other-kinds";
import { parseYaml, type ParsedYaml } from "./parse-yaml";
import type { Analytic, Catalog, ContentProblem, DataSource, Lookup, MacroDefinition, Story } from "./types";

const BATCH = 64;

/** Relative (posix) paths of `.yml`/`.yaml` files under `dir/sub`, sorted; [] when the folder is absent. */
async function listYaml(dir: string, sub: string, recursive: boolean): Promise<string[]> {
  const base = path.join(dir, sub);
  let names: string[];
  try {
    names = await readdir(base, { recursive });
  } catch {
    return [];
  }
  return names
    .filter((n) => /\.ya?ml$/i.test(n))
    .map((n) => path.posix.join(sub, n.split(path.sep).join("/")))
    .sort();
}

interface FileResult {
  file: string;
  parsed?: ParsedYaml;
  problems: ContentProblem[];
}

/** Reads and parses files in parallel batches (reads overlap; parsing is synchronous per file). */
async function parseAll(dir: string, files: string[]): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const results = await Promise.all(
      batch.map(async (file): Promise<FileResult> => {
        try {
          const text = await readFile(path.join(dir, file), "utf8");
          const parsed = parseYaml(text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), file);
          return { file, parsed, problems: parsed.problems };
        } catch (err) {
          const message = err instanceof Error ? err.message : String(err);
          return { file, problems: [{ file, severity: "error", message: `cannot read file: ${message}` }] };
        }
      }),
    );
    out.push(...results);
  }
  return out;
}

const slugOf = (file: string): string => path.posix.basename(file).replace(/\.ya?ml$/i, "");

function collect<T>(results: FileResult[], problems: ContentProblem[], convert: (r: FileResult & { parsed: ParsedYaml }) => { item?: T; problems: ContentProblem[] }): T[] {
  const items: T[] = [];
  for (const r of results) {
    problems.push(...r.problems);
    if (!r.parsed || r.parsed.value === undefined) continue;
    const { item, problems: more } = convert({ ...r, parsed: r.parsed });
    problems.push(...more);
    if (item) items.push(item);
  }
  return items;
}

function uniqueSlugs<T extends { slug: string; file: string }>(items: T[], problems: ContentProblem[]): void {
  const seen = new Set<string>();
  for (const item of items) {
    if (!seen.has(item.slug)) {
      seen.add(item.slug);
      continue;
    }
    let n = 2;
    while (seen.has(`${item.slug}-${n}`)) n++;
    problems.push({ file: item.file, severity: "warning", message: `file name \`${item.slug}\` is used twice; this one is served as \`${item.slug}-${n}\`` });
    item.slug = `${item.slug}-${n}`;
    seen.add(item.slug);
  }
}

/** Loads the content folder at `dir` (absolute, or relative to the working directory). */
export async function loadCatalog(dir: string): Promise<Catalog> {
  const root = path.resolve(dir);
  const problems: ContentProblem[] = [];
  const empty = (): Catalog => ({ dir, analytics: [], macros: [], stories: [], dataSources: [], lookups: [], problems, attackVersion: ATTACK_VERSION });
  try {
    const info = await stat(root).catch(() => undefined);
    if (!info?.isDirectory()) {
      problems.push({ file: ".", severity: "error", message: `content directory not found: ${root}` });
      return empty();
    }
    const [detectionFiles, macroFiles, storyFiles, dataSourceFiles, lookupFiles] = await Promise.all([
      listYaml(root, "detections", true),
      listYaml(root, "macros", false),
      listYaml(root, "stories", true),
      listYaml(root, "data_sources", false),
      listYaml(root, "lookups", false),
    ]);
    if (detectionFiles.length === 0) problems.push({ file: "detections", severity: "warning", message: "no detection files found" });

    const [dRes, mRes, sRes, dsRes, lRes] = await Promise.all([
      parseAll(root, detectionFiles),
      parseAll(root, macroFiles),
      parseAll(root, storyFiles),
      parseAll(root, dataSourceFiles),
      parseAll(root, lookupFiles),
    ]);

    const analytics = collect<Analytic>(dRes, problems, (r) => {
      const { analytic, problems: p } = toAnalytic(r.parsed, r.file, slugOf(r.file));
      return { item: analytic, problems: p };
    });
    const macros = collect<MacroDefinition>(mRes, problems, (r) => toMacro(r.parsed, r.file));
    const stories = collect<Story>(sRes, problems, (r) => toStory(r.parsed, r.file, slugOf(r.file)));
    const dataSources = collect<DataSource>(dsRes, problems, (r) => toDataSource(r.parsed, r.file));
    const lookups = collect<Lookup>(lRes, problems, (r) => toLookup(r.parsed, r.file));

    uniqueSlugs(analytics, problems);
    uniqueSlugs(stories, problems);
    const ids = new Map<string, string>();
    for (const a of analytics) {
      const other = ids.get(a.id.toLowerCase());
      if (other) problems.push({ file: a.file, severity: "warning", message: `id ${a.id} is also used by ${other}` });
      else ids.set(a.id.toLowerCase(), a.file);
    }

    const macroIndex = indexMacros(macros);
    for (const a of analytics) a.datamodels = datamodelsIn(expandMacros(a.search, macroIndex).text);

    return { dir, analytics, macros, stories, dataSources, lookups, problems, attackVersion: ATTACK_VERSION };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    problems.push({ file: ".", severity: "error", message: `loading stopped: ${message}` });
    return empty();
  }
}
