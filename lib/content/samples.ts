/**
 * Loads the tester's samples on the server (Node only): the repository's `content/samples.yml`,
 * plus `samples.yml` at the top of CONTENT_DIR when that directory has one. Cached per process.
 */
import path from "node:path";
import { readContentFile } from "./safe-fs";
import { folderName } from "./limits";
import { contentDir } from "./server";
import { mergeSamples, parseSamples, type Sample, type SamplesResult } from "./samples-parse";

export type { Sample, SampleExpect, SamplesResult } from "./samples-parse";
export { parseSamples, mergeSamples } from "./samples-parse";

const BUILT_IN = path.join("content", "samples.yml");

async function readOne(file: string, shownAs: string, required: boolean): Promise<SamplesResult | undefined> {
  // Read like any content file: a pipe, a device or a huge file is a problem, never opened.
  const read = await readContentFile(file, shownAs);
  if ("text" in read) return parseSamples(read.text, shownAs);
  if (!required && read.code === "ENOENT") return undefined;
  return { byAnalytic: {}, problems: [read.problem] };
}

/** Both files, merged (built-in first). Never throws. */
export async function loadSamples(cwd = process.cwd(), dir = contentDir()): Promise<SamplesResult> {
  const results: SamplesResult[] = [];
  const builtIn = await readOne(path.resolve(cwd, BUILT_IN), "samples.yml", true);
  if (builtIn) results.push(builtIn);
  const extra = path.resolve(cwd, dir, "samples.yml");
  if (extra !== path.resolve(cwd, BUILT_IN)) {
    const more = await readOne(extra, `${folderName(path.resolve(cwd, dir))}/samples.yml`, false);
    if (more) results.push(more);
  }
  return mergeSamples(results);
}

let cached: Promise<SamplesResult> | undefined;

export function getSamples(): Promise<SamplesResult> {
  return (cached ??= loadSamples());
}

/** Samples for one analytic id (case-insensitive). */
export async function samplesFor(id: string): Promise<Sample[]> {
  return (await getSamples()).byAnalytic[id.toLowerCase()] ?? [];
}
