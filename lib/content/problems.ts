/**
 * Every content problem the console knows of (Node only): the catalog's (detections, macros,
 * stories, …), the tester samples' (`samples.yml`) and the lab's tools (`lab/<lab>/*.yml`), for the
 * Content problems page and its count.
 */
import { getLab } from "./lab";
import { getSamples } from "./samples";
import { getCatalog } from "./server";
import type { ContentProblem } from "./types";

export async function getContentProblems(): Promise<ContentProblem[]> {
  const [catalog, samples, lab] = await Promise.all([getCatalog(), getSamples(), getLab()]);
  return [...catalog.problems, ...samples.problems, ...lab.problems];
}
