import { test } from "node:test";
import assert from "node:assert/strict";
import { detectFormat, eventFromCommandLine, groupedFields, parseEvents, toEventInput, withEdits } from "./index";
import { sysmonEvent, winXml } from "./windows-fixtures.test-data";

test("detectFormat: what parseEvents reads an input as", () => {
  const cases: [string, string, string][] = [
    ["empty", "", "empty"],
    ["blank lines", "  \n\t\r\n", "empty"],
    ["a command line", "cmd.exe /c whoami", "command-line"],
    ["PowerShell type accelerator, not JSON", "[Convert]::FromBase64String('QQ==')", "command-line"],
    ["redirect, not XML", "<nul set /p x=1", "command-line"],
    ["CIM object", '{"process_name":"a.exe"}', "cim-json"],
    ["prefixed CIM array", '[{"Registry.registry_path":"HKLM\\\\x"}]', "cim-json"],
    ["JSON Lines of strings", '"cmd.exe /c a"\n"whoami"', "command-line"],
    ["Sysmon XML", winXml(sysmonEvent(13)), "windows-xml"],
    ["CSV, CIM header", "process_name,user\na.exe,b", "csv"],
    ["comma in a command line is not CSV", "rundll32.exe a.dll,Start", "command-line"],
    ["binary junk", "\u0000\u0001\u0002\u0003garbage\u0004\u0005\u0006\u0007\u0008", "unknown"],
  ];
  for (const [name, text, expected] of cases) assert.equal(detectFormat(text), expected, name);
});

test("groupedFields: event / add-on / console / one group per CIM dataset, each with its origin", () => {
  const e = parseEvents(winXml(sysmonEvent(13))).events[0]!;
  const { groups, unknown } = groupedFields(e);
  const byTitle = Object.fromEntries(groups.map((g) => [g.title, g]));
  assert.ok(byTitle["Event fields"]?.fields.some((f) => f.name === "TargetObject" && f.provenance.origin === "extracted"));
  assert.ok(byTitle["Add-on fields"]?.fields.some((f) => f.name === "registry_path" && f.provenance.from === "TargetObject"));
  assert.ok(byTitle["Console"]?.fields.some((f) => f.name === "_time"));
  assert.ok(byTitle["Endpoint.Registry"]?.fields.some((f) => f.name === "registry_value_name" && f.provenance.origin === "mapped"));
  assert.ok(unknown.includes("registry_hive"));
});

test("toEventInput: fields, datasets and unknown as the engine reads them; edits reach datasets", () => {
  const e = eventFromCommandLine("cmd.exe /c whoami");
  const input = toEventInput(e);
  assert.equal(input.fields["process_name"], "cmd.exe");
  assert.equal(input.datasets?.["Endpoint.Processes"]?.["process"], "cmd.exe /c whoami");
  assert.ok(input.unknown?.includes("user"));
  const edited = toEventInput(withEdits(e, { user: "CORP\\bob" }));
  assert.equal(edited.datasets?.["Endpoint.Processes"]?.["user"], "CORP\\bob");
  assert.ok(!edited.unknown?.includes("user"));
  const reg = withEdits(parseEvents(winXml(sysmonEvent(13))).events[0]!, { "Registry.registry_hive": "HKEY_LOCAL_MACHINE" });
  assert.equal(reg.datasets["Endpoint.Registry"]?.["registry_hive"], "HKEY_LOCAL_MACHINE");
  assert.equal(reg.fields["registry_hive"], undefined, "a prefixed edit changes only its dataset");
});
