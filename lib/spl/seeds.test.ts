/**
 * The two seed analytics against every command line their tools produce, and near misses.
 * Verdicts are Splunk's, reasoned from the analytic's own SPL (spl-semantics §2, §3, §5):
 *
 * Seed 1 (smbexec): tstats keeps process_name=cmd.exe (case-insensitive); then five match() calls.
 *   impacket smbexec.py runs each command as a service whose binPath is
 *   `%COMSPEC% /Q /c echo <cmd> ^> \\127.0.0.1\<share>\__output 2^>^&1 > <bat> & %COMSPEC% /Q /c <bat> & del <bat>`.
 *   Since impacket 0.9.23-ish the batch file is `%SYSTEMROOT%\<8 random letters>.bat`; older releases
 *   used `%TEMP%\execute.bat`. The service manager expands the variables, so the process command
 *   line reads `C:\Windows\system32\cmd.exe /Q /c echo cd ^> \\127.0.0.1\C$\__output …`.
 *   The first command smbexec sends is `cd ` (to learn the prompt), hence `echo cd`; later
 *   commands (`echo whoami …`) do not match `echo\s+cd` — the analytic fires on the session start.
 * Seed 2 (RemCom): tstats where (process_name=remcom.exe OR original_file_name=RemCom.exe)
 *   process="*\\*" (contains a backslash) process IN ("*∕user:*", "*∕pwd:*"), all case-insensitive.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { resolve } from "node:path";
import { loadCatalog } from "../content/load";
import { eventFromCim, eventFromCommandLine, toEventInput } from "../events";
import { compileSearch } from "./index";
import type { EventInput, Verdict } from "../detection/types";

const SMBEXEC = "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76";
const REMCOM = "e373a840-5bdc-47ef-b2fd-9cc7aaf387f0";

async function compiled(id: string) {
  const catalog = await loadCatalog(resolve(import.meta.dirname, "../../content"));
  const a = catalog.analytics.find((x) => x.id === id);
  assert.ok(a, `analytic ${id} is in the built-in content`);
  return compileSearch(a.search, { macros: catalog.macros });
}

function fromLine(line: string): EventInput {
  const e = eventFromCommandLine(line);
  return toEventInput(e);
}

function fromCim(obj: Record<string, unknown>): EventInput {
  const e = eventFromCim(obj);
  assert.ok(!("problem" in e), "valid CIM object");
  return toEventInput(e);
}

const bat = "C:\\Windows\\BTOBTOxy.bat";
const smbexecCases: { name: string; line: string; expect: Verdict }[] = [
  {
    name: "smbexec first command (cd), expanded %COMSPEC% and %SYSTEMROOT%",
    line: `C:\\Windows\\system32\\cmd.exe /Q /c echo cd  ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > ${bat} & C:\\Windows\\system32\\cmd.exe /Q /c ${bat} & del ${bat}`,
    expect: "match",
  },
  {
    name: "smbexec with share ADMIN$ and upper-case path",
    line: "C:\\WINDOWS\\system32\\cmd.exe /Q /c echo cd ^> \\\\127.0.0.1\\ADMIN$\\__output 2^>^&1 > C:\\WINDOWS\\abcdefgh.bat & C:\\WINDOWS\\system32\\cmd.exe /Q /c C:\\WINDOWS\\abcdefgh.bat & del C:\\WINDOWS\\abcdefgh.bat",
    expect: "match",
  },
  {
    name: "smbexec bare cmd.exe as first token",
    line: "cmd.exe /Q /c echo cd ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > C:\\Windows\\ZzZzZzZz.bat & cmd.exe /Q /c C:\\Windows\\ZzZzZzZz.bat & del C:\\Windows\\ZzZzZzZz.bat",
    expect: "match",
  },
  {
    name: "near miss: a later smbexec command (echo whoami, not echo cd)",
    line: `C:\\Windows\\system32\\cmd.exe /Q /c echo whoami ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > ${bat} & C:\\Windows\\system32\\cmd.exe /Q /c ${bat} & del ${bat}`,
    expect: "no_match",
  },
  {
    name: "near miss: old impacket batch file %TEMP%\\execute.bat (expanded)",
    line: "C:\\Windows\\system32\\cmd.exe /Q /c echo cd ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > C:\\Windows\\TEMP\\execute.bat & C:\\Windows\\system32\\cmd.exe /Q /c C:\\Windows\\TEMP\\execute.bat & del C:\\Windows\\TEMP\\execute.bat",
    expect: "no_match",
  },
  {
    name: "near miss: unexpanded %COMSPEC% (process_name is not cmd.exe)",
    line: `%COMSPEC% /Q /c echo cd ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > ${bat} & %COMSPEC% /Q /c ${bat} & del ${bat}`,
    expect: "no_match",
  },
  {
    name: "near miss: batch file name longer than 8 letters",
    line: "C:\\Windows\\system32\\cmd.exe /Q /c echo cd ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > C:\\Windows\\abcdefghij.bat & del C:\\Windows\\abcdefghij.bat",
    expect: "no_match",
  },
  {
    name: "near miss: wmiexec (no echo, no .bat)",
    line: "cmd.exe /Q /c cd \\ 1> \\\\127.0.0.1\\ADMIN$\\__1700000000.1234567 2>&1",
    expect: "no_match",
  },
  {
    name: "near miss: dcomexec",
    line: "cmd.exe /Q /c cd  1> \\\\127.0.0.1\\ADMIN$\\__1700000000.12 2>&1",
    expect: "no_match",
  },
  {
    name: "near miss: atexec",
    line: "cmd.exe /C whoami > C:\\Windows\\Temp\\AbCdEfGh.tmp 2>&1",
    expect: "no_match",
  },
  {
    name: "near miss: output to a remote host, not 127.0.0.1",
    line: `C:\\Windows\\system32\\cmd.exe /Q /c echo cd ^> \\\\10.0.0.5\\C$\\__output 2^>^&1 > ${bat} & C:\\Windows\\system32\\cmd.exe /Q /c ${bat} & del ${bat}`,
    expect: "no_match",
  },
  {
    name: "near miss: /q lower-case still matches ((?i)), but /K instead of /c does not",
    line: `C:\\Windows\\system32\\cmd.exe /Q /K echo cd ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > ${bat} & del ${bat}`,
    expect: "no_match",
  },
  {
    name: "lower-case /q /c still matches (the first regex has (?i))",
    line: `C:\\Windows\\system32\\cmd.exe /q /c echo cd ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > ${bat} & del ${bat}`,
    expect: "match",
  },
];

test("seed 1 (smbexec): verdicts on impacket command lines and near misses", async () => {
  const c = await compiled(SMBEXEC);
  assert.equal(c.support.level, "event", JSON.stringify(c.support));
  for (const t of smbexecCases) {
    assert.equal(c.evaluate(fromLine(t.line)).verdict, t.expect, t.name);
  }
});

test("seed 1: a match returns the row with process fields renamed and times converted", async () => {
  const c = await compiled(SMBEXEC);
  const r = c.evaluate(fromLine(smbexecCases[0]!.line));
  assert.equal(r.verdict, "match");
  const row = r.rows?.[0];
  assert.ok(row);
  assert.equal(row["process_name"], "cmd.exe");
  assert.equal(row["user"], "null", "missing BY fields become the string null (fillnull_value=null)");
  assert.equal(row["count"], 1);
  assert.match(String(row["firstTime"]), /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/);
});

test("seed 1: explain names the failing clause", async () => {
  const c = await compiled(SMBEXEC);
  const ex = c.explain(fromLine(smbexecCases[3]!.line));
  assert.equal(ex.verdict, "no_match");
  const where = ex.stages.find((s) => s.command === "where");
  assert.ok(where, "a where stage ran");
  const top = where.predicates[0]!;
  assert.equal(top.value, false);
  const failing = top.children?.filter((p) => p.value === false) ?? [];
  assert.equal(failing.length, 1);
  assert.match(failing[0]!.text, /echo\\s\+cd/);
  // Its span points into the original search text.
  assert.equal(c.search.slice(failing[0]!.span.start, failing[0]!.span.end), failing[0]!.text);
});

const remcomCases: { name: string; event: Record<string, string> | string; expect: Verdict }[] = [
  { name: "RemCom with user and password", event: "RemCom.exe \\\\10.0.0.5 /user:CORP\\admin /pwd:Secret1 cmd.exe", expect: "match" },
  { name: "full path, only /pwd", event: "C:\\Tools\\RemCom.exe \\\\fileserver /pwd:x cmd /c whoami", expect: "match" },
  { name: "upper case", event: "REMCOM.EXE \\\\HOST /USER:ADMIN /PWD:P cmd.exe", expect: "match" },
  { name: "near miss: no credentials on the command line", event: "RemCom.exe \\\\10.0.0.5 cmd.exe", expect: "no_match" },
  { name: "near miss: no backslash anywhere", event: "RemCom.exe 10.0.0.5 /user:admin /pwd:x cmd.exe", expect: "no_match" },
  { name: "near miss: renamed binary, original file name unknown", event: "rc.exe \\\\10.0.0.5 /user:a /pwd:b cmd.exe", expect: "no_match" },
  {
    name: "renamed binary with original_file_name from the event",
    event: { process: "rc.exe \\\\10.0.0.5 /user:a /pwd:b cmd.exe", process_name: "rc.exe", original_file_name: "RemCom.exe", dest: "ws01", user: "bob" },
    expect: "match",
  },
  { name: "near miss: psexec", event: "PsExec.exe \\\\10.0.0.5 -u admin -p x cmd.exe", expect: "no_match" },
];

test("seed 2 (RemCom): verdicts on RemCom syntax and near misses", async () => {
  const c = await compiled(REMCOM);
  assert.equal(c.support.level, "event", JSON.stringify(c.support));
  for (const t of remcomCases) {
    const ev = typeof t.event === "string" ? fromLine(t.event) : fromCim(t.event);
    assert.equal(c.evaluate(ev).verdict, t.expect, t.name);
  }
});

test("seed 2: a verdict that depends on an unknown field says so", async () => {
  const c = await compiled(REMCOM);
  const r = c.evaluate(fromLine("rc.exe \\\\10.0.0.5 /user:a /pwd:b cmd.exe"));
  assert.equal(r.verdict, "no_match");
  assert.ok(r.hingesOn?.includes("original_file_name"), JSON.stringify(r));
});
