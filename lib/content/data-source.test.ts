import { test } from "node:test";
import assert from "node:assert/strict";
import { toDataSource, separatorValueOf } from "./data-source";
import { parseYaml } from "./parse-yaml";

const read = (yaml: string) => toDataSource(parseYaml(yaml, "data_sources/x.yml"), "data_sources/x.yml");

test("a data source: every key read; optional keys only when given", () => {
  const r = read(`name: Sysmon EventID 13
id: 0f7a3a57-0000-4000-8000-000000000000
description: Data source object for Sysmon EventID 13
source: XmlWinEventLog:Microsoft-Windows-Sysmon/Operational
sourcetype: xmlwineventlog
separator: EventID
supported_TA:
- name: Splunk Add-on for Sysmon
  url: https://splunkbase.splunk.com/app/5709
  version: 4.0.2
fields:
- TargetObject
- registry_path
field_mappings:
- data_model: cim
  data_set: Endpoint.Registry
  mapping:
    TargetObject: Registry.registry_path
example_log: "<Event><System><EventID>13</EventID></System></Event>"
`);
  assert.deepEqual(r.problems, []);
  assert.deepEqual(r.item, {
    name: "Sysmon EventID 13",
    file: "data_sources/x.yml",
    id: "0f7a3a57-0000-4000-8000-000000000000",
    description: "Data source object for Sysmon EventID 13",
    source: "XmlWinEventLog:Microsoft-Windows-Sysmon/Operational",
    sourcetype: "xmlwineventlog",
    separator: "EventID",
    separatorValue: "13",
    supportedTA: [{ name: "Splunk Add-on for Sysmon", url: "https://splunkbase.splunk.com/app/5709", version: "4.0.2" }],
    fields: ["TargetObject", "registry_path"],
    fieldMappings: [{ dataModel: "cim", dataSet: "Endpoint.Registry", mapping: { TargetObject: "Registry.registry_path" } }],
    exampleLog: "<Event><System><EventID>13</EventID></System></Event>",
  });
});

test("separator value: from a JSON example's path, an XML example's EventID, else the name's number", () => {
  const cases: [string, string | undefined, string | undefined, string | undefined][] = [
    ["AWS CloudTrail ConsoleLogin", "eventName", '{"eventName": "ConsoleLogin"}', "ConsoleLogin"],
    ["Azure Audit X", "operationName.localizedValue", '{"operationName": {"localizedValue": "Create runbook"}}', "Create runbook"],
    ["Windows Event Log Security 4720", "EventCode", "10/09/2020 10:41:26 AM", "4720"],
    ["Sysmon EventID 1", "EventID", "<Event><System><EventID>1</EventID></System></Event>", "1"],
    ["AWS CloudTrail", "eventName", undefined, undefined],
    ["GitHub", undefined, '{"action": "x", "workflow_run": {"id": 1', undefined],
  ];
  for (const [name, sep, example, value] of cases) assert.equal(separatorValueOf(name, sep, example), value, name);
});

test("broken parts are warnings with their line; no name is an error", () => {
  const r = read("name: X\nfields: nope\nfield_mappings: 3\nsupported_TA: [1]\nexample_log:\n  a: 1\n");
  assert.ok(r.item);
  assert.deepEqual(r.item.fields, []);
  assert.deepEqual(
    r.problems.map((p) => [p.line, p.severity, /fields|field_mappings|supported_TA|example_log|source/.exec(p.message)?.[0]]),
    [[2, "warning", "fields"], [4, "warning", "supported_TA"], [3, "warning", "field_mappings"], [5, "warning", "example_log"], [1, "warning", "source"]],
  );
  const none = read("source: s\n");
  assert.equal(none.item, undefined);
  assert.equal(none.problems[0]?.severity, "error");
});
