import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdir, mkdtemp, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { loadLab, parseLabTool } from "./lab";

const OK_SAMPLE = "  - label: L\n    host: source\n    input: cmd.exe /c whoami\n";
const BAD: [string, string, RegExp, number][] = [
  ["not a map", "- a\n", /must be a map/, 1],
  ["no name", "source: s\nsamples:\n" + OK_SAMPLE, /`name` is required/, 1],
  ["no samples", "name: T\nsource: s\n", /`samples` is required/, 0],
  ["sample not a map", "name: T\nsource: s\nsamples:\n  - just text\n", /not a map/, 4],
  ["bad host", "name: T\nsource: s\nsamples:\n  - label: L\n    host: both\n    input: x.exe\n", /`host` must be one of source, target/, 5],
  ["no input", "name: T\nsource: s\nsamples:\n  - label: L\n    host: target\n", /`input` is required/, 4],
  ["no source", "name: T\nsamples:\n" + OK_SAMPLE, /`source` is required/, 3],
  ["two events", "name: T\nsource: s\nsamples:\n  - label: L\n    host: source\n    input: |\n      a.exe\n      b.exe\n", /exactly one event/, 6],
  ["yaml error", "name: [\n", /YAML/, 0],
];
for (const [name, text, message, line] of BAD) {
  test(`parseLabTool reports: ${name} (file and line)`, () => {
    const r = parseLabTool(text, "t", "lab/lateral-movement/t.yml");
    assert.equal(r.tool, undefined);
    const p = r.problems.find((x) => message.test(x.message));
    assert.ok(p, `no problem matching ${message}: ${JSON.stringify(r.problems)}`);
    assert.equal(p.file, "lab/lateral-movement/t.yml");
    if (line) assert.equal(p.line, line);
  });
}

test("parseLabTool: a good sample kept beside a bad one; the tool's source is inherited; unknown keys warned", () => {
  const r = parseLabTool("name: T\nsource: docs\ncolour: red\nsamples:\n" + OK_SAMPLE + "  - label: bad\n    host: x\n    input: y\n", "t", "t.yml");
  assert.deepEqual(r.tool?.samples.map((s) => [s.key, s.host, s.source, s.input]), [["t#0", "source", "docs", "cmd.exe /c whoami"]]);
  assert.deepEqual(r.problems.map((p) => [p.severity, p.line]), [["warning", 3], ["error", 9]]);
  assert.equal(r.tool?.control, undefined);
  assert.equal(parseLabTool("name: C\ncontrol: true\nsource: s\nsamples:\n" + OK_SAMPLE, "c", "c.yml").tool?.control, true);
});

test("loadLab: the built-in tools load cleanly (>= 10 tools, each sample with a host and a source); a content folder adds and replaces tools", async () => {
  const builtIn = await loadLab("lateral-movement", process.cwd(), "content");
  assert.deepEqual(builtIn.problems, []);
  const tools = builtIn.tools.filter((t) => !t.control);
  assert.ok(tools.length >= 10, `${tools.length} tools`);
  for (const t of builtIn.tools) for (const s of t.samples) assert.ok(s.source && (s.host === "source" || s.host === "target"), s.key);
  const dir = await mkdtemp(path.join(tmpdir(), "lab-"));
  await mkdir(path.join(dir, "lab", "lateral-movement"), { recursive: true });
  await writeFile(path.join(dir, "lab", "lateral-movement", "remcom.yml"), "name: My RemCom\nsource: s\nsamples:\n" + OK_SAMPLE);
  await writeFile(path.join(dir, "lab", "lateral-movement", "broken.yml"), "name: B\nsamples: 3\n");
  const r = await loadLab("lateral-movement", process.cwd(), dir);
  assert.equal(r.tools.filter((t) => t.slug === "remcom").map((t) => t.name).join(), "My RemCom");
  assert.equal(r.tools.length, builtIn.tools.length);
  assert.deepEqual(r.problems.map((p) => [p.file, p.line]), [[`${path.basename(dir)}/lab/lateral-movement/broken.yml`, 2]]);
});
