import { test } from "node:test";
import assert from "node:assert/strict";
import { storyCounts, storyMembers } from "./stories";

const A = [
  { slug: "a", analyticStories: ["Active Directory Lateral Movement", "Volt Typhoon"] },
  { slug: "b", analyticStories: ["active directory lateral movement"] },
  { slug: "c", analyticStories: ["Other"] },
  { slug: "d", analyticStories: [] },
];

test("members by exact or case-insensitive name", () => {
  assert.deepEqual(storyMembers(A, { name: "Active Directory Lateral Movement" }).map((a) => a.slug), ["a", "b"]);
  assert.deepEqual(storyMembers(A, { name: "Volt Typhoon" }).map((a) => a.slug), ["a"]);
  assert.deepEqual(storyMembers(A, { name: "Nothing" }), []);
});

test("counts per story, 0 for stories nobody cites", () => {
  const counts = storyCounts(A, [{ name: "Active Directory Lateral Movement" }, { name: "Other" }, { name: "Empty" }]);
  assert.deepEqual([...counts], [
    ["Active Directory Lateral Movement", 2],
    ["Other", 1],
    ["Empty", 0],
  ]);
});
