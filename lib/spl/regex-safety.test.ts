/**
 * Regex safety at the engine level (issue 14 items 4–5): the hostile events of the issue through
 * the two catalog searches whose patterns backtrack (Detect RTLO In Process: quadratic; Suspicious
 * Process Executed From Container File: cubic) get real verdicts from the linear-time engine, and
 * a risky pattern only the backtracking engine can run answers `not_testable` (regex_limit) past
 * its fixed limit. Verdicts come from the input alone: no clock is read here or in the engine.
 * The searches are trimmed from splunk/security_content (Apache-2.0) detections/endpoint.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import type { EventInput } from "../detection/types";
import { compileSearch } from "./index";

const proc = (fields: Record<string, string>): EventInput => ({ fields: { ...fields, _time: 1700000000 }, datasets: { "Endpoint.Processes": fields } });
const TSTATS = "| tstats count from datamodel=Endpoint.Processes where Processes.process!=unknown by Processes.process Processes.process_name | rename Processes.* AS *";
const RTLO = `${TSTATS} | regex process="\\\\x{202E}" | rex field=process "(?<RTLO_command_1>.+)(?<RTLO_exist_process>\\\\x{202E})(?<RTLO_command_2>.+)" | eval process_with_RTLO=process | eval process=RTLO_command_1.RTLO_command_2 | where isnotnull(process)`;
const CONTAINER = `${TSTATS} | regex process="(?i).*(ZIP|ISO|IMG|CAB|TAR|GZ|RAR|7Z)\\\\\\\\.+\\.(BAT|BIN|CAB|CMD|COM|CPL|EX_|EXE|GADGET|INF1|INS|INX||HTM|HTML|ISU|JAR|JOB|JS|JSE|LNK|MSC|MSI|MSP|MST|PAF|PIF|PS1|REG|RGS|SCR|SCT|SHB|SHS|U3P|VB|VBE|VBS|VBSCRIPT|WS|WSF|WSH)\\"?$"`;
/** A risky pattern with a lookahead (RE2 cannot run it): from Windows Known Abused DLL Loaded Suspiciously. */
const LOOKAHEAD = `${TSTATS} | eval name=replace(process, "(.*\\\\\\\\)(?=.*(\\.\\w*)$|(\\w+)$)", "") | where name="a.exe"`;

const HOSTILE_ZIP = proc({ process: "x.zip\\" + "zip\\".repeat(16381), process_name: "a.exe" });
const HOSTILE_RTLO = proc({ process: "a".repeat(65535) + "\u202e", process_name: "a.exe" });

const cases: { name: string; spl: string; event: EventInput; verdict: string; code?: string }[] = [
  { name: "RTLO, hostile 64 KB line", spl: RTLO, event: HOSTILE_RTLO, verdict: "no_match" },
  { name: "RTLO, real", spl: RTLO, event: proc({ process: "C:\\u\\evil\u202Efdp.exe", process_name: "x.exe" }), verdict: "match" },
  { name: "container, hostile zip path", spl: CONTAINER, event: HOSTILE_ZIP, verdict: "no_match" },
  { name: "container, real", spl: CONTAINER, event: proc({ process: "C:\\Users\\a\\Downloads\\invoice.zip\\invoice.exe", process_name: "invoice.exe" }), verdict: "match" },
  { name: "lookahead, short path", spl: LOOKAHEAD, event: proc({ process: "C:\\dir\\a.exe", process_name: "a.exe" }), verdict: "match" },
  { name: "lookahead, over its limit", spl: LOOKAHEAD, event: proc({ process: "C:\\" + "d\\".repeat(300) + "a.exe", process_name: "a.exe" }), verdict: "not_testable", code: "regex_limit" },
];

test("hostile events get the same verdicts every time, from the input alone", () => {
  for (const c of cases) {
    const s = compileSearch(c.spl, { macros: [] });
    assert.equal(s.support.level, "event", `${c.name}: ${s.support.level === "event" ? "" : s.support.reason}`);
    const v = s.evaluate(c.event);
    assert.equal(v.verdict, c.verdict, `${c.name}: ${v.verdict === "not_testable" ? v.reason : ""}`);
    if (c.code) assert.equal(v.verdict === "not_testable" && v.code, c.code, c.name);
    if (c.code === "regex_limit") assert.match(v.verdict === "not_testable" ? (v.reason ?? "") : "", /only on values up to 406 characters, and this value has 608/);
    assert.deepEqual(s.evaluate(c.event), v, `${c.name}: a second run answers the same`);
  }
});

test("over a batch the limit answers not_testable too (run)", () => {
  const s = compileSearch(LOOKAHEAD, { macros: [] });
  const r = s.run([cases[5]!.event]);
  assert.equal(r.ok, false);
  assert.equal(!r.ok && r.code, "regex_limit");
});
