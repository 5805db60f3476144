import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { loadCatalog } from "../content/load";
import { loadSamples } from "../content/samples";
import { firesOn, firingSample, offeredInputs, walkStep } from "./walk";

const builtIn = await loadCatalog("content");
const samples = await loadSamples(process.cwd(), "content");

test("walk steps: position, neighbours, and nothing past either end", () => {
  const s = walkStep(builtIn, "active_directory_lateral_movement", 1);
  assert.ok(s);
  assert.equal(s.story.name, "Active Directory Lateral Movement");
  assert.equal(s.total, 1);
  assert.equal(s.prev, undefined);
  assert.equal(s.next, undefined);
  assert.equal(walkStep(builtIn, "active_directory_lateral_movement", 2), undefined);
  assert.equal(walkStep(builtIn, "active_directory_lateral_movement", 0), undefined);
  assert.equal(walkStep(builtIn, "no_such_story", 1), undefined);
  assert.equal(walkStep(builtIn, "Active Directory Lateral Movement", 1)?.story.slug, "active_directory_lateral_movement", "a story's name finds it too");
});

test("the firing sample is the first offered input the engine fires on, samples before examples", () => {
  for (const a of builtIn.analytics) {
    const offered = offeredInputs(builtIn, a, samples.byAnalytic[a.id.toLowerCase()] ?? []);
    const firing = firingSample(builtIn, a, offered);
    assert.ok(firing, `${a.name} has a firing sample`);
    const first = offered.findIndex((o) => o.key === firing.key);
    for (const o of offered.slice(0, first)) assert.equal(firesOn(builtIn, a, o.input), false, `${o.key} comes first but does not fire`);
    const sample = (samples.byAnalytic[a.id.toLowerCase()] ?? []).find((s) => s.key === firing.key);
    if (sample) assert.equal(sample.expect, "match", "the samples file agrees it fires");
  }
  const remcom = builtIn.analytics.find((a) => a.slug === "windows_lateral_tool_transfer_remcom")!;
  assert.equal(firesOn(builtIn, remcom, "RemCom.exe \\\\10.0.0.5 cmd.exe"), false, "a no_match sample does not count");
  assert.equal(firesOn(builtIn, remcom, ""), false);
});

const SHARED = "../shared/security_content";
test("full catalog: the Active Directory Lateral Movement walk in name order", { skip: !existsSync(SHARED) }, async () => {
  const full = await loadCatalog(SHARED);
  const first = walkStep(full, "active_directory_lateral_movement", 1)!;
  assert.ok(first.total > 3);
  const names = Array.from({ length: first.total }, (_, i) => walkStep(full, "active_directory_lateral_movement", i + 1)!.analytic.name);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, "en", { numeric: true, sensitivity: "base" })));
  assert.equal(walkStep(full, "active_directory_lateral_movement", first.total)!.next, undefined);
});
