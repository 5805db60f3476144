import assert from "node:assert/strict";
import { test } from "node:test";
import { parse } from "yaml";
import { dataYaml, eventFiles, testsEntryYaml, UNKNOWN_SOURCE, type ExportInput } from "./contentctl";
import { explained, SMBEXEC, SYSMON_XML, WMIEXEC } from "./test-fixtures";

const BASE = { author: "Ada Analyst", date: "2026-12-02", datasetId: "0f0e7d8c-1111-4a2b-9c3d-123456789abc" };
const analytic = { id: "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76", name: "Impacket Lateral Movement smbexec CommandLine Parameters", slug: "impacket_lateral_movement_smbexec_commandline_parameters", techniques: ["T1021", "T1021.002"] };

/** Each text is pasted on its own (a Windows XML event and a command line are two pastes). */
async function input(...texts: string[]): Promise<ExportInput> {
  const items = [];
  for (const t of texts) items.push(...(await explained(t)).items);
  return { ...BASE, analytic, events: items.map((i) => ({ text: i.event.text, source: i.event.source, sourcetype: i.event.sourcetype, dataSource: i.event.dataSource, verdict: i.explanation.verdict })) };
}

test("a Sysmon event: the tests: entry names the file, the data source's source and sourcetype", async () => {
  const inp = await input(SYSMON_XML);
  assert.equal(inp.events[0]!.verdict, "match");
  const doc = parse(testsEntryYaml(inp));
  assert.deepEqual(doc, {
    tests: [
      {
        name: "True Positive Test",
        attack_data: [{ data: "impacket_lateral_movement_smbexec_commandline_parameters_sysmon_eventid_1.log", source: "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational", sourcetype: "xmlwineventlog" }],
      },
    ],
  });
  assert.match(testsEntryYaml(inp), /^# 1 of 1 event fires the analytic here\.$/m);
});

test("data.yml: attack_data's fields, the file's path under the first sub-technique, the date quoted", async () => {
  const inp = await input(SYSMON_XML);
  const text = dataYaml(inp);
  assert.match(text, /^date: '2026-12-02'$/m);
  const doc = parse(text);
  assert.deepEqual(Object.keys(doc), ["author", "id", "date", "description", "environment", "directory", "mitre_technique", "datasets"]);
  assert.equal(doc.date, "2026-12-02");
  assert.deepEqual(doc.mitre_technique, ["T1021", "T1021.002"], "the analytic's order");
  assert.deepEqual(doc.datasets, [
    {
      name: "impacket_lateral_movement_smbexec_commandline_parameters_sysmon_eventid_1",
      path: "/datasets/attack_techniques/T1021.002/impacket_lateral_movement_smbexec_commandline_parameters/impacket_lateral_movement_smbexec_commandline_parameters_sysmon_eventid_1.log",
      sourcetype: "xmlwineventlog",
      source: "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational",
    },
  ]);
});

test("events are grouped into one file per (source, sourcetype); CIM-field events say they have none", async () => {
  const cases: [string, string[], { files: number; unknown: boolean; firing: number; note: RegExp }][] = [
    ["two command lines", [`${SMBEXEC}\n${WMIEXEC}`], { files: 1, unknown: true, firing: 1, note: /^# 1 of 2 events fires/m }],
    ["a Sysmon event and a command line", [SYSMON_XML, WMIEXEC], { files: 2, unknown: true, firing: 1, note: /fill in their source and sourcetype/ }],
    ["a miss only", [WMIEXEC], { files: 1, unknown: true, firing: 0, note: /None of these events fires the analytic here/ }],
  ];
  for (const [what, text, want] of cases) {
    const inp = await input(...text);
    const files = eventFiles(inp);
    assert.equal(files.length, want.files, what);
    assert.equal(new Set(files.map((f) => f.name)).size, files.length, `${what}: distinct names`);
    assert.equal(files.reduce((n, f) => n + f.firing, 0), want.firing, what);
    assert.equal(files.reduce((n, f) => n + f.text.split("\n").filter(Boolean).length, 0) >= inp.events.length, true, `${what}: every event is in a file`);
    const yaml = testsEntryYaml(inp);
    assert.match(yaml, want.note, what);
    const doc = parse(yaml);
    assert.equal(doc.tests[0].attack_data.length, want.files, what);
    assert.equal(doc.tests[0].attack_data.some((a: { source: string }) => a.source === UNKNOWN_SOURCE), want.unknown, what);
  }
});

test("hostile names and values stay data: YAML parses back to the same strings", () => {
  const inp: ExportInput = {
    ...BASE,
    analytic: { ...analytic, name: "a: b\n- c # d", slug: "../../etc/passwd" },
    events: [{ text: "x", source: "a: 'b' # c", sourcetype: "- [x]", verdict: "match" }],
  };
  const files = eventFiles(inp);
  assert.match(files[0]!.name, /^[a-z0-9_.-]+\.log$/);
  assert.ok(!files[0]!.name.includes("/"));
  const doc = parse(testsEntryYaml(inp));
  assert.equal(doc.tests[0].attack_data[0].source, "a: 'b' # c");
  assert.equal(doc.tests[0].attack_data[0].sourcetype, "- [x]");
  assert.match(parse(dataYaml(inp)).description, /^Events for a: b\n- c # d,/);
});
