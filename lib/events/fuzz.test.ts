/**
 * Property tests of the event parsers beyond robustness.test.ts: round trips through each
 * structured format (the value a user wrote comes back as the CIM field), command-line
 * invariants, and every forced format over random fragments. Inputs the API and CLI pass on.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import fc from "fast-check";
import { FORMATS } from "./formats/index";
const INPUT_FORMATS = FORMATS.map((f) => f.id);
import { eventFromCim, eventFromCommandLine, parseEvents } from "./index";

/** Printable text without line breaks or leading/trailing spaces (what a command line looks like). */
const commandLine = fc
  .string({ unit: fc.constantFrom(..."abcXYZ019 .:/\\-_\"'&<>%^$#=,;()[]{}é中".split("")), minLength: 1, maxLength: 120 })
  .map((s) => s.trim())
  .filter((s) => s.length > 0);

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/'/g, "&apos;");
const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

test("property: eventFromCommandLine never throws; process is kept; name is the path's last segment", () => {
  fc.assert(
    fc.property(fc.string({ unit: "binary", maxLength: 300 }), (s) => {
      const e = eventFromCommandLine(s);
      assert.equal(e.datasets["Endpoint.Processes"] !== undefined, e.fields["process"] !== undefined, "a command line is an Endpoint.Processes event");
      const name = e.fields["process_name"];
      const path = e.fields["process_path"];
      if (typeof name === "string" && typeof path === "string") assert.ok(path.endsWith(name), `${path} / ${name}`);
      for (const v of Object.values(e.fields)) assert.ok(typeof v === "string" || typeof v === "number" || Array.isArray(v));
    }),
    { numRuns: 500 },
  );
  fc.assert(
    fc.property(commandLine, (s) => {
      assert.equal(eventFromCommandLine(s).fields["process"], s);
    }),
    { numRuns: 300 },
  );
});

test("property: JSON Lines of CIM objects round-trip the process field", () => {
  fc.assert(
    fc.property(fc.array(commandLine, { minLength: 1, maxLength: 6 }), fc.boolean(), (lines, prefixed) => {
      const key = prefixed ? "Processes.process" : "process";
      const text = lines.map((l) => JSON.stringify({ [key]: l, process_name: "x.exe" })).join("\n");
      const r = parseEvents(text);
      assert.deepEqual(r.events.map((e) => e.fields["process"]), lines);
      assert.ok(r.events.every((e) => e.format === "cim-json"));
      for (const l of lines) {
        const one = eventFromCim({ [key]: l });
        assert.ok(!("problem" in one) && one.fields["process"] === l);
      }
    }),
    { numRuns: 200 },
  );
});

test("property: CSV with quoted cells (commas, quotes) round-trips", () => {
  fc.assert(
    fc.property(fc.array(commandLine, { minLength: 1, maxLength: 6 }), (lines) => {
      const text = ["process_name,process", ...lines.map((l) => `x.exe,${csvCell(l)}`)].join("\r\n");
      const r = parseEvents(text, { format: "csv" });
      assert.deepEqual(r.events.map((e) => e.fields["process"]), lines);
    }),
    { numRuns: 200 },
  );
});

// Windows writes "-" for an empty value: the reader treats it as absent (not a round trip).
const eventValue = commandLine.filter((s) => s !== "-");

test("property: Sysmon Event ID 1 XML with escaped values maps CommandLine and Image", () => {
  fc.assert(
    fc.property(eventValue, eventValue, (cmd, image) => {
      const xml =
        `<Events><Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event"><System><Provider Name="Microsoft-Windows-Sysmon"/><EventID>1</EventID><Computer>ws01</Computer></System>` +
        `<EventData><Data Name="Image">${xmlEscape(image)}</Data><Data Name="CommandLine">${xmlEscape(cmd)}</Data></EventData></Event></Events>`;
      const r = parseEvents(xml);
      assert.equal(r.events.length, 1, JSON.stringify(r.problems));
      assert.equal(r.events[0]!.fields["process"], cmd);
      assert.equal(r.events[0]!.fields["process_path"], image);
      assert.equal(r.events[0]!.provenance["process"]?.origin, "alias");
      assert.equal(r.events[0]!.provenance["CommandLine"]?.origin, "extracted");
    }),
    { numRuns: 200 },
  );
});

test("property: every forced format over random fragments returns well-formed results", () => {
  const pieces = fc.constantFrom(
    "{", "}", "[", "]", '"', ",", ":", "\n", "<Event>", "</Event>", "<EventID>4688</EventID>", "<Data Name='NewProcessName'>", "<Data Name='CommandLine'>", "</Data>",
    "NewProcessName", "CommandLine", "EventID", "4688", "1", "Image", "&lt;", "&#1114112;", "&#xD800;", "<![CDATA[", "]]>", "<!--", "-->", "\"\"", "cmd.exe", "\\\\h\\c$",
  );
  fc.assert(
    fc.property(fc.array(pieces, { maxLength: 50 }), (parts) => {
      const s = parts.join("");
      for (const format of INPUT_FORMATS) {
        const r = parseEvents(s, { format });
        assert.ok(Array.isArray(r.events) && Array.isArray(r.problems));
        r.events.forEach((e, i) => {
          assert.equal(e.index, i);
          assert.ok(e.line >= 1);
        });
      }
    }),
    { numRuns: 300 },
  );
});
