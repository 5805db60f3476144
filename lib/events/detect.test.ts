import { test } from "node:test";
import assert from "node:assert/strict";
import { detectFormat, parseEvents } from "./index";
import { SECURITY_4688_JSON, SECURITY_4688_XML, SYSMON_SPLUNK_JSON, SYSMON_XML } from "./fixtures.test-data";

const cases: [string, string, string][] = [
  ["empty", "", "empty"],
  ["blank lines", "  \n\t\r\n", "empty"],
  ["a command line", "cmd.exe /c whoami", "command-line"],
  ["a quoted command line", '"C:\\Program Files\\x.exe" -a', "command-line"],
  ["PowerShell type accelerator, not JSON", "[Convert]::FromBase64String('QQ==')", "command-line"],
  ["redirect, not XML", "<nul set /p x=1", "command-line"],
  ["CIM object", '{"process_name":"a.exe"}', "cim-json"],
  ["CIM array", '[{"Processes.process":"a"}]', "cim-json"],
  ["JSON Lines of strings", '"cmd.exe /c a"\n"whoami"', "command-line"],
  ["Sysmon JSON", JSON.stringify(SYSMON_SPLUNK_JSON), "sysmon-json"],
  ["4688 JSON lines", `${JSON.stringify(SECURITY_4688_JSON)}\n${JSON.stringify(SECURITY_4688_JSON)}`, "security-4688-json"],
  ["Sysmon XML", SYSMON_XML, "sysmon-xml"],
  ["4688 XML", `\uFEFF  ${SECURITY_4688_XML}`, "security-4688-xml"],
  ["CSV, CIM header", "process_name,user\na.exe,b", "csv"],
  ["CSV, Sysmon header", "Image;CommandLine\nC:\\a.exe;a.exe -x", "csv"],
  ["CSV with a byte order mark", "\uFEFFprocess_name,user\na.exe,b", "csv"],
  ["one column CSV", "process\ncmd.exe /c x", "csv"],
  ["comma in a command line is not CSV", "rundll32.exe a.dll,Start", "command-line"],
  ["binary junk", "\u0000\u0001\u0002\u0003garbage\u0004\u0005\u0006\u0007\u0008", "unknown"],
];

test("detectFormat", async (t) => {
  for (const [name, text, expected] of cases) {
    await t.test(name, () => assert.equal(detectFormat(text), expected));
  }
});

test("parseEvents reports the format it read", () => {
  for (const [name, text, expected] of cases) {
    if (expected === "unknown") continue;
    assert.equal(parseEvents(text).format, expected, name);
  }
});
