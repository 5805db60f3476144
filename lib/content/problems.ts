/**
 * Every content problem the console knows of (Node only): the catalog's (detections, macros,
 * stories, …) and the tester samples' (`samples.yml`), for the Content problems page and its count.
 */
import { getSamples } from "./samples";
import { getCatalog } from "./server";
import type { ContentProblem } from "./types";

export async function getContentProblems(): Promise<ContentProblem[]> {
  const [catalog, samples] = await Promise.all([getCatalog(), getSamples()]);
  return [...catalog.problems, ...samples.problems];
}
