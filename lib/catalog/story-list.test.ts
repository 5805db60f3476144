import { test } from "node:test";
import assert from "node:assert/strict";
import { filterStories, fromStoryTuple, preview, toStoryTuple, type StoryRow } from "./story-list";

test("preview keeps short texts and cuts long ones at a word", () => {
  const cases: [string, number, string][] = [
    ["Short  text\nhere.", 160, "Short text here."],
    ["one two three four five", 12, "one two…"],
    ["one two, three four", 10, "one two…"],
    ["abcdefghijklmnopqrstuvwxyz", 10, "abcdefghij…"],
  ];
  for (const [text, max, want] of cases) assert.equal(preview(text, max), want, text);
});

const rows: StoryRow[] = [
  { slug: "a", name: "Lateral Movement", category: ["Adversary Tactics"], analytics: 3, preview: "Detect…" },
  { slug: "b", name: "Ransomware", category: ["Malware"], analytics: 9, preview: "Leverage…" },
];

test("filterStories reads the name, the category and the full text when known", () => {
  const cases: [string, Record<string, string> | undefined, string[]][] = [
    ["", undefined, ["a", "b"]],
    ["lateral", undefined, ["a"]],
    ["malware", undefined, ["b"]],
    ["wiper", undefined, []],
    ["wiper", { b: "Leverage searches about a wiper." }, ["b"]],
  ];
  for (const [needle, texts, want] of cases) assert.deepEqual(filterStories(rows, needle, texts).map((r) => r.slug), want, needle);
});

test("a row survives its tuple form", () => {
  for (const r of rows) assert.deepEqual(fromStoryTuple(toStoryTuple(r)), r);
  const dated: StoryRow = { ...rows[0]!, date: "2024-01-02" };
  assert.deepEqual(fromStoryTuple(toStoryTuple(dated)), dated);
});
