import { test } from "node:test";
import assert from "node:assert/strict";
import { indexContent } from "./find";
import type { Analytic, Catalog } from "./types";

const A = [
  { slug: "a", id: "1", analyticStories: ["Active Directory Lateral Movement", "Volt Typhoon"] },
  { slug: "b", id: "2", analyticStories: ["active directory lateral movement"] },
  { slug: "c", id: "3", analyticStories: ["Other"] },
  { slug: "d", id: "4", analyticStories: [] },
] as unknown as Analytic[];
const catalog = { dir: "x", name: "x", analytics: A, macros: [], stories: [], dataSources: [], lookups: [], problems: [], attackVersion: "18.1" } as Catalog;
const idx = indexContent(catalog);

test("story members by exact or case-insensitive name", () => {
  assert.deepEqual(idx.analyticsInStory("Active Directory Lateral Movement").map((a) => a.slug), ["a", "b"]);
  assert.deepEqual(idx.analyticsInStory("Volt Typhoon").map((a) => a.slug), ["a"]);
  assert.deepEqual(idx.analyticsInStory("Nothing"), []);
});

test("counts per story, 0 for stories nobody cites", () => {
  const counts = ["Active Directory Lateral Movement", "Other", "Empty"].map((name) => [name, idx.analyticsInStory(name).length]);
  assert.deepEqual(counts, [
    ["Active Directory Lateral Movement", 2],
    ["Other", 1],
    ["Empty", 0],
  ]);
});
