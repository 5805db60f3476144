import assert from "node:assert/strict";
import { test } from "node:test";
import { parse as parseYaml } from "yaml";
import { parseTestFile } from "./parse";
import { formatSummary, runTestFiles } from "./run";
import { testCaseEvent, testCaseYaml } from "./serialize";
import type { VerdictCatalog } from "./run";

const catalog: VerdictCatalog = {
  macros: [],
  analytics: [
    {
      id: "aaaaaaaa-0000-4000-8000-000000000001",
      slug: "whoami_cmd",
      name: "Whoami via cmd",
      search: '| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cmd.exe by Processes.process | `drop_dm_object_name(Processes)` | where match(process, "(?i)whoami")',
    },
  ],
};

const GOOD = `analytic: whoami_cmd
cases:
  - name: fires
    event: 'cmd.exe /c whoami'
    expect: match
  - name: object
    event:
      process_name: cmd.exe
      process: cmd.exe /c WHOAMI
    expect: no_match
    note: eval-language match() with (?i) still matches, so this case fails on purpose
  - name: reason text
    event: 'powershell.exe whoami'
    expect: no_match
    reason: tstats
`;

test("a valid file parses with each case's line", () => {
  const r = parseTestFile("t.yml", GOOD);
  assert.ok(r.ok, JSON.stringify(r));
  assert.equal(r.value.analytic, "whoami_cmd");
  assert.deepEqual(r.value.cases.map((c) => [c.name, c.line, c.expect]), [["fires", 3, "match"], ["object", 6, "no_match"], ["reason text", 12, "no_match"]]);
  assert.deepEqual(r.value.cases[1]!.event, { process_name: "cmd.exe", process: "cmd.exe /c WHOAMI" });
});

const BAD: [string, string, RegExp][] = [
  ["not YAML", "analytic: [", /^t\.yml:1: YAML/],
  ["a list", "- a\n- b\n", /^t\.yml:1: expected a mapping/],
  ["no cases", "analytic: x\n", /missing `cases`/],
  ["empty cases", "analytic: x\ncases: []\n", /`cases` must be a non-empty list/],
  ["unknown top key", "analytic: x\ntests:\n  - a\ncases:\n  - {name: a, event: b, expect: match}\n", /^t\.yml:2: unknown key `tests`/],
  ["bad expect", "analytic: x\ncases:\n  - name: a\n    event: b\n    expect: matches\n", /^t\.yml:5: case "a": `expect` must be match, no_match or not_testable, not "matches"/],
  ["missing event", "analytic: x\ncases:\n  - name: a\n    expect: match\n", /^t\.yml:3: case "a": missing `event`/],
  ["event a list", "analytic: x\ncases:\n  - name: a\n    event: [1]\n    expect: match\n", /^t\.yml:4: case "a": `event` must be/],
  ["duplicate names", "analytic: x\ncases:\n  - {name: a, event: b, expect: match}\n  - {name: a, event: c, expect: match}\n", /^t\.yml:4: case "a": the same name as the case on line 3/],
  ["unknown case key", "analytic: x\ncases:\n  - name: a\n    event: b\n    expected: match\n", /^t\.yml:5: cases\[0\]: unknown key `expected`/],
];

test("malformed files: one problem per mistake, with its line", () => {
  for (const [name, text, re] of BAD) {
    const r = parseTestFile("t.yml", text);
    assert.ok(!r.ok, name);
    const lines = r.problems.map((p) => `${p.file}:${p.line}: ${p.message}`);
    assert.ok(lines.some((l) => re.test(l)), `${name}: ${lines.join(" | ")}`);
  }
});

test("running: passes, a failure line with file, case, verdicts and reason, and the summary", () => {
  const parsed = parseTestFile("content/tests/whoami_cmd.yml", GOOD);
  assert.ok(parsed.ok);
  const s = runTestFiles(catalog, [parsed.value]);
  assert.equal(s.passed, 2);
  assert.equal(s.failed, 1);
  assert.deepEqual(formatSummary(s), [
    'content/tests/whoami_cmd.yml: case "object": expected no_match, got match',
    "2 passed, 1 failed",
  ]);
});

test("an unknown analytic and an unreadable event are failures", () => {
  const s = runTestFiles(catalog, [
    { file: "a.yml", analytic: "nope", cases: [] },
    { file: "b.yml", analytic: "whoami_cmd", cases: [{ name: "empty", event: "  ", expect: "match", line: 3 }] },
  ]);
  assert.equal(s.failed, 2);
  assert.deepEqual(formatSummary(s), [
    'a.yml:1: analytic "nope" is not in the content (give its id or file name without .yml)',
    'b.yml: case "empty": the event cannot be read: the command line is empty',
    "0 passed, 2 failed",
  ]);
});

test("serialize: tester events → YAML that parses back and passes", () => {
  const yaml = testCaseYaml({
    analytic: { id: catalog.analytics[0]!.id, name: "Whoami via cmd", slug: "whoami_cmd" },
    events: [
      { fields: { process: "cmd.exe /c whoami", process_name: "cmd.exe" }, format: "command-line", provenance: { process: { origin: "given" }, process_name: { origin: "derived" } }, verdict: "match" },
      { fields: { process: "cmd.exe: '#x' \\\\h", process_name: "cmd.exe" }, format: "command-line", verdict: "no_match", name: "quotes: and #" },
      { fields: { process: "rc.exe /c whoami", process_name: "cmd.exe" }, format: "command-line", provenance: { process_name: { origin: "edited" } }, verdict: "match" },
    ],
  });
  assert.match(yaml, /^# Test cases for Whoami via cmd\n# Save as content\/tests\/whoami_cmd\.yml/);
  const back = parseTestFile("x.yml", yaml);
  assert.ok(back.ok, JSON.stringify(back));
  assert.equal(back.value.cases[1]!.event, "cmd.exe: '#x' \\\\h");
  assert.deepEqual(back.value.cases[2]!.event, { process: "rc.exe /c whoami", process_name: "cmd.exe" });
  assert.equal(runTestFiles(catalog, [back.value]).failed, 0);
  assert.deepEqual(parseYaml(yaml).cases.map((c: { name: string }) => c.name), ["event 1", "quotes: and #", "event 3"]);
});

test("testCaseEvent keeps objects for structured events", () => {
  assert.deepEqual(testCaseEvent({ fields: { process: "a", user: "b" }, format: "cim-json" }), { process: "a", user: "b" });
  assert.equal(testCaseEvent({ fields: { process: "a b" }, format: "command-line" }), "a b");
});
