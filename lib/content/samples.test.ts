import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadCatalog } from "./load";
import { loadSamples, mergeSamples, parseSamples } from "./samples";
import { compileSearch } from "../spl";
import { parseEvents, toEventInput } from "../events";

const BAD: [string, string, RegExp][] = [
  ["not a map", "- a\n- b\n", /must be a map/],
  ["list expected", "abc: 3\n", /expected a list/],
  ["item not a map", "abc:\n  - just text\n", /not a map/],
  ["no label", "abc:\n  - expect: match\n    input: x\n", /`label` is required/],
  ["bad expect", "abc:\n  - label: L\n    expect: fires\n    input: x\n", /`expect` must be one of/],
  ["no input", "abc:\n  - label: L\n    expect: match\n", /`input` is required/],
  ["yaml error", "abc: [\n", /YAML/],
];
for (const [name, text, message] of BAD) {
  test(`parseSamples reports: ${name}`, () => {
    const r = parseSamples(text, "samples.yml");
    assert.equal(r.problems.length >= 1, true);
    assert.match(r.problems[0]!.message, message);
    assert.equal(r.problems[0]!.file, "samples.yml");
    assert.equal(typeof r.problems[0]!.line, "number");
  });
}

test("parseSamples: valid entries kept beside a bad one; ids lower-cased; unknown keys warned", () => {
  const r = parseSamples("ABC:\n  - label: one\n    expect: match\n    input: cmd.exe\n    color: red\n  - label: two\n  - label: three\n    expect: no_match\n    input: |\n      a\n      b\n", "s.yml");
  assert.deepEqual(r.byAnalytic.abc?.map((s) => [s.key, s.label, s.input]), [["abc#0", "one", "cmd.exe"], ["abc#1", "three", "a\nb"]]);
  assert.deepEqual(r.problems.map((p) => [p.severity, p.line]), [["warning", 5], ["error", 6]]);
});

test("empty file and comments only: no samples, no problems", () => {
  assert.deepEqual(parseSamples("", "s.yml").problems, []);
  assert.deepEqual(parseSamples("# nothing\n", "s.yml").problems, []);
});

test("mergeSamples renumbers keys", () => {
  const a = parseSamples("x:\n  - {label: a, expect: match, input: i}\n", "a");
  const b = parseSamples("x:\n  - {label: b, expect: match, input: j}\n", "b");
  assert.deepEqual(mergeSamples([a, b]).byAnalytic.x?.map((s) => s.key), ["x#0", "x#1"]);
});

test("loadSamples: the built-in file loads cleanly, and a CONTENT_DIR samples.yml adds to it", async () => {
  const dir = await mkdtemp(path.join(tmpdir(), "samples-"));
  await writeFile(path.join(dir, "samples.yml"), "extra-id:\n  - {label: x, expect: no_match, input: notepad.exe}\n");
  const r = await loadSamples(process.cwd(), dir);
  assert.deepEqual(r.problems, []);
  assert.ok((r.byAnalytic["bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76"]?.length ?? 0) >= 3);
  assert.equal(r.byAnalytic["extra-id"]?.[0]?.label, "x");
  const missing = await loadSamples(process.cwd(), path.join(dir, "nope"));
  assert.deepEqual(missing.problems, []);
});

test("every built-in sample gives its expected verdict with the engine (first event)", async () => {
  const catalog = await loadCatalog("content");
  const { byAnalytic } = await loadSamples(process.cwd(), "content");
  let checked = 0;
  for (const [id, samples] of Object.entries(byAnalytic)) {
    const analytic = catalog.analytics.find((a) => a.id.toLowerCase() === id);
    assert.ok(analytic, `samples for unknown analytic ${id}`);
    const c = compileSearch(analytic.search, { macros: catalog.macros });
    for (const s of samples) {
      const parsed = parseEvents(s.input);
      assert.deepEqual(parsed.problems, [], s.label);
      const e = parsed.events[0]!;
      const v = c.evaluate(toEventInput(e));
      assert.equal(v.verdict, s.expect, `${analytic.name}: ${s.label}`);
      checked++;
    }
  }
  assert.ok(checked >= 7);
});
