/**
 * Loads a lab's tools on the server (Node only): every `*.yml` in the repository's
 * `content/lab/<lab>/`, plus `lab/<lab>/` at the top of CONTENT_DIR when that folder has one (a
 * trainer adds a tool there). Listed and read through safe-fs like every content file; problems
 * carry the file's path and the line. Cached per process and lab.
 */
import path from "node:path";
import { folderName } from "./limits";
import { listContentFiles, readContentFile } from "./safe-fs";
import { contentDir } from "./server";
import { parseLabTool, type LabTool } from "./lab-parse";
import type { ContentProblem } from "./types";

export type { HostSide, LabSample, LabTool } from "./lab-parse";
export { parseLabTool, oneEventProblem } from "./lab-parse";

export interface LabResult {
  tools: LabTool[];
  problems: ContentProblem[];
}

export const LATERAL_MOVEMENT = "lateral-movement";
const YAML = /\.ya?ml$/i;

/** The tools of one folder: `root` is a content folder, `shownAs` the prefix problems carry. */
async function readFolder(root: string, lab: string, shownAs: string): Promise<LabResult> {
  const listing: ContentProblem[] = [];
  const files = await listContentFiles(root, `lab/${lab}`, YAML, false, listing).catch(() => []);
  const problems: ContentProblem[] = listing.map((p) => ({ ...p, file: `${shownAs}${p.file}` }));
  const tools: LabTool[] = [];
  for (const f of files) {
    const file = `${shownAs}${f.rel}`;
    const read = await readContentFile(f.abs, file);
    if (!("text" in read)) {
      problems.push(read.problem);
      continue;
    }
    const slug = path.basename(f.rel).replace(YAML, "");
    const r = parseLabTool(read.text, slug, file);
    problems.push(...r.problems);
    if (r.tool) tools.push(r.tool);
  }
  return { tools, problems };
}

/**
 * The built-in tools, then CONTENT_DIR's (a tool of the same file name there replaces the
 * built-in one). Never throws.
 */
export async function loadLab(lab: string, cwd = process.cwd(), dir = contentDir()): Promise<LabResult> {
  const builtInRoot = path.resolve(cwd, "content");
  const builtIn = await readFolder(builtInRoot, lab, "");
  const extraRoot = path.resolve(cwd, dir);
  if (extraRoot === builtInRoot) return builtIn;
  const extra = await readFolder(extraRoot, lab, `${folderName(extraRoot)}/`);
  const replaced = new Set(extra.tools.map((t) => t.slug));
  return { tools: [...builtIn.tools.filter((t) => !replaced.has(t.slug)), ...extra.tools], problems: [...builtIn.problems, ...extra.problems] };
}

const cached = new Map<string, Promise<LabResult>>();

export function getLab(lab = LATERAL_MOVEMENT): Promise<LabResult> {
  let p = cached.get(lab);
  if (!p) cached.set(lab, (p = loadLab(lab)));
  return p;
}
