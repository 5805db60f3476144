/**
 * A story's walk-through (`/stories/<slug>/walk/<n>`): its analytics in the story page's order,
 * one step each, and for each the first input the tester offers it (its samples, then the example
 * events of the data sources it reads) on which the engine says it fires.
 */
import { dataSourceSpec } from "../content/data-source";
import { indexContent } from "../content/find";
import type { Analytic, Catalog, Story } from "../content/types";
import { matcherFor } from "../engine/index";
import { parseEvents, toEventInput } from "../events/index";
import { text as byText } from "./sort";

export interface WalkStep {
  story: Story;
  analytic: Analytic;
  /** 1-based position and the number of steps. */
  n: number;
  total: number;
  prev?: string;
  next?: string;
}

/** The story's analytics in its page's order (the table starts sorted by name). */
export function walkOrder(catalog: Catalog, story: Story): Analytic[] {
  return [...indexContent(catalog).analyticsInStory(story.name)].sort((a, b) => byText(a.name, b.name));
}

/** Step `n` (1-based) of a story's walk-through, or undefined when the story has no such step. */
export function walkStep(catalog: Catalog, storyKey: string, n: number): WalkStep | undefined {
  const story = indexContent(catalog).story(storyKey);
  if (!story || !Number.isInteger(n)) return undefined;
  const list = walkOrder(catalog, story);
  const analytic = list[n - 1];
  if (!analytic) return undefined;
  const href = (k: number) => `/stories/${encodeURIComponent(story.slug)}/walk/${k}`;
  return { story, analytic, n, total: list.length, ...(n > 1 ? { prev: href(n - 1) } : {}), ...(n < list.length ? { next: href(n + 1) } : {}) };
}

/** An input the tester offers an analytic: a sample (`key` as the picker names it) or a data source's example. */
export interface Offered {
  key: string;
  label: string;
  input: string;
}

/** Does the analytic fire on this input, read as the tester reads it (all the content's data sources)? */
export function firesOn(catalog: Catalog, analytic: Analytic, input: string): boolean {
  const m = matcherFor(catalog, analytic);
  const events = parseEvents(input, { dataSources: catalog.dataSources.map(dataSourceSpec) }).events.map(toEventInput);
  if (events.length === 0) return false;
  if (m.support.level === "batch") {
    const r = m.run(events);
    return r.ok && r.rows.length > 0;
  }
  return events.some((e) => m.evaluate(e).verdict === "match");
}

/** What the sample picker offers, in its order: the samples, then the data sources' example events. */
export function offeredInputs(catalog: Catalog, analytic: Analytic, samples: readonly { key: string; label: string; input: string }[]): Offered[] {
  const examples = catalog.dataSources
    .filter((d) => d.exampleLog && analytic.dataSources.includes(d.name))
    .map((d) => ({ key: `example:${d.name}`, label: `example event of ${d.name}`, input: d.exampleLog! }));
  return [...samples.map((s) => ({ key: s.key, label: s.label, input: s.input })), ...examples];
}

/** The first offered input on which the engine says the analytic fires, or undefined. */
export function firingSample(catalog: Catalog, analytic: Analytic, offered: readonly Offered[]): Offered | undefined {
  return offered.find((o) => firesOn(catalog, analytic, o.input));
}
