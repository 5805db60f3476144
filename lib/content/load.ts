/**
 * Loads a security_content-style folder into a `Catalog` (Node only: server and CLI; never import
 * this from client code). Reads `detections/**∕*.yml`, `macros/*.yml`, `stories/**∕*.yml`,
 * `data_sources/*.yml` and `lookups/*.yml`. A file that cannot be read or parsed is skipped and
 * listed in `problems`; nothing stops the rest. Never throws.
 */
import { stat } from "node:fs/promises";
import path from "node:path";
import { ATTACK_VERSION } from "../attack/index";
import { toAnalytic } from "./analytic";
import { datamodelsIn } from "../spl/datamodels";
import { expandMacros, indexMacros } from "../spl/macros";
import { attachTables } from "./lookup-tables";
import { toDataSource, toLookup, toMacro, toStory } from "./other-kinds";
import { capProblems, parseYaml, type ParsedYaml } from "./parse-yaml";
import { folderName } from "./limits";
import { listContentFiles, readContentFile, type ListedFile } from "./safe-fs";
import type { Analytic, Catalog, ContentProblem, DataSource, Lookup, MacroDefinition, Story } from "./types";

const BATCH = 64;

const YAML = /\.ya?ml$/i;

/** `.yml`/`.yaml` files under `dir/sub` (see safe-fs: no links out, no loops, capped). */
const listYaml = (dir: string, sub: string, recursive: boolean, problems: ContentProblem[]): Promise<ListedFile[]> =>
  listContentFiles(dir, sub, YAML, recursive, problems);

interface FileResult {
  file: string;
  parsed?: ParsedYaml;
  problems: ContentProblem[];
}

/** Reads and parses files in parallel batches (reads overlap; parsing is synchronous per file). */
async function parseAll(files: ListedFile[]): Promise<FileResult[]> {
  const out: FileResult[] = [];
  for (let i = 0; i < files.length; i += BATCH) {
    const batch = files.slice(i, i + BATCH);
    const results = await Promise.all(
      batch.map(async ({ rel: file, abs }): Promise<FileResult> => {
        const read = await readContentFile(abs, file);
        if ("problem" in read) return { file, problems: [read.problem] };
        const parsed = parseYaml(read.text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n"), file);
        return { file, parsed, problems: parsed.problems };
      }),
    );
    for (const r of results) out.push(r);
  }
  return out;
}

const slugOf = (file: string): string => path.posix.basename(file).replace(/\.ya?ml$/i, "");

function collect<T>(results: FileResult[], problems: ContentProblem[], convert: (r: FileResult & { parsed: ParsedYaml }) => { item?: T; problems: ContentProblem[] }): T[] {
  const items: T[] = [];
  // Never `push(...list)`: a spread of a huge list overflows the stack.
  for (const r of results) {
    for (const p of r.problems) problems.push(p);
    if (!r.parsed || r.parsed.value === undefined) continue;
    const { item, problems: more } = convert({ ...r, parsed: r.parsed });
    for (const p of capProblems(r.file, more)) problems.push(p);
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
  const name = folderName(root);
  const empty = (): Catalog => ({ dir, name, analytics: [], macros: [], stories: [], dataSources: [], lookups: [], problems, attackVersion: ATTACK_VERSION });
  try {
    const info = await stat(root).catch(() => undefined);
    if (!info?.isDirectory()) {
      problems.push({ file: ".", severity: "error", message: `content directory not found: ${name}` });
      return empty();
    }
    const [detectionFiles, macroFiles, storyFiles, dataSourceFiles, lookupFiles] = await Promise.all([
      listYaml(root, "detections", true, problems),
      listYaml(root, "macros", false, problems),
      listYaml(root, "stories", true, problems),
      listYaml(root, "data_sources", false, problems),
      listYaml(root, "lookups", false, problems),
    ]);
    if (detectionFiles.length === 0) problems.push({ file: "detections", severity: "warning", message: "no detection files found" });

    const [dRes, mRes, sRes, dsRes, lRes] = await Promise.all([
      parseAll(detectionFiles),
      parseAll(macroFiles),
      parseAll(storyFiles),
      parseAll(dataSourceFiles),
      parseAll(lookupFiles),
    ]);

    const analytics = collect<Analytic>(dRes, problems, (r) => {
      const { analytic, problems: p } = toAnalytic(r.parsed, r.file, slugOf(r.file));
      return { item: analytic, problems: p };
    });
    const macros = collect<MacroDefinition>(mRes, problems, (r) => toMacro(r.parsed, r.file));
    const stories = collect<Story>(sRes, problems, (r) => toStory(r.parsed, r.file, slugOf(r.file)));
    const dataSources = collect<DataSource>(dsRes, problems, (r) => toDataSource(r.parsed, r.file));
    const lookups = collect<Lookup>(lRes, problems, (r) => toLookup(r.parsed, r.file));
    await attachTables(root, lookups, problems);

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

    return { dir, name, analytics, macros, stories, dataSources, lookups, problems, attackVersion: ATTACK_VERSION };
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    problems.push({ file: ".", severity: "error", message: `loading stopped: ${message}` });
    return empty();
  }
}
