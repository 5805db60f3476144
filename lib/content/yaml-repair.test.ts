import { test } from "node:test";
import assert from "node:assert/strict";
import { parse } from "yaml";
import { repairQuotedContinuations } from "./yaml-repair";
import { parseYaml } from "./parse-yaml";

const cases: { name: string; input: string; changed: number[]; value?: unknown }[] = [
  {
    name: "single-quoted SPL continuing at column 0",
    input: "name: x\nsearch: '| a\n| b\n| c'\nnext: 1\n",
    changed: [3, 4],
    value: { name: "x", search: "| a | b | c", next: 1 },
  },
  {
    name: "double-quoted, escaped quote inside, blank line kept as newline",
    input: 'narrative: "one \\" two\n\nthree"\nk: v\n',
    changed: [3],
    value: { narrative: 'one " two\nthree', k: "v" },
  },
  {
    name: "'' escape does not close a single-quoted scalar",
    input: "a: 'it''s\nopen'\n",
    changed: [2],
    value: { a: "it's open" },
  },
  { name: "closed on the same line: nothing to do", input: "a: 'x'\nb: \"y\"\n", changed: [] },
  { name: "apostrophe inside a plain scalar is not a quote", input: "a: don't\nb: c\n", changed: [] },
  { name: "block scalar content is left alone", input: "a: |\n  x: 'open\nb: 1\n", changed: [] },
  {
    name: "nested key: continuation at or below the key's indent",
    input: "tags:\n  msg: 'one\n  two'\n",
    changed: [3],
    value: { tags: { msg: "one two" } },
  },
];

for (const c of cases) {
  test(`repair: ${c.name}`, () => {
    const { text, changedLines } = repairQuotedContinuations(c.input);
    assert.deepEqual(changedLines, c.changed);
    if (c.value !== undefined) assert.deepEqual(parse(text), c.value);
    if (c.changed.length === 0) assert.equal(text, c.input);
  });
}

test("parseYaml repairs and warns; a truly broken file is an error with line and column", () => {
  const ok = parseYaml("search: '| a\n| b'\n", "x.yml");
  assert.deepEqual(ok.value, { search: "| a | b" });
  assert.equal(ok.problems.length, 1);
  assert.equal(ok.problems[0]?.severity, "warning");
  assert.match(ok.problems[0]?.message ?? "", /repaired/);

  const bad = parseYaml("name: x\ntags: [a, b\nid: 3\n", "bad.yml");
  assert.equal(bad.value, undefined);
  assert.ok(bad.problems.length >= 1);
  assert.equal(bad.problems[0]?.severity, "error");
  assert.equal(typeof bad.problems[0]?.line, "number");
  assert.equal(typeof bad.problems[0]?.column, "number");
});

test("positionOf finds nested keys", () => {
  const p = parseYaml("name: x\ntags:\n  impact: 5\n", "x.yml");
  assert.deepEqual(p.positionOf("tags.impact"), { line: 3, column: 3 });
  assert.equal(p.positionOf("tags.nope"), undefined);
});
