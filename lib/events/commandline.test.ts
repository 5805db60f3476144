import { test } from "node:test";
import assert from "node:assert/strict";
import { firstToken, programOf } from "./commandline";
import { eventFromCommandLine, parseEvents } from "./index";

// [command line, expected process_name, expected process_path (undefined = unknown)]
const cases: [string, string | undefined, string | undefined][] = [
  ['"C:\\Program Files\\x.exe" -a', "x.exe", "C:\\Program Files\\x.exe"],
  ["C:\\Windows\\System32\\cmd.exe /c whoami", "cmd.exe", "C:\\Windows\\System32\\cmd.exe"],
  ["cmd.exe /c whoami", "cmd.exe", undefined],
  // No ".exe": the name stays as written (nothing invented).
  ["cmd /c whoami", "cmd", undefined],
  ["C:/Windows/System32/cmd.exe /c dir", "cmd.exe", "C:/Windows/System32/cmd.exe"],
  ["/usr/bin/python3 -c 'print(1)'", "python3", "/usr/bin/python3"],
  ["\\\\host\\share\\x.exe", "x.exe", "\\\\host\\share\\x.exe"],
  ["\\\\10.0.0.5\\c$\\tools\\psexec64.exe -s cmd", "psexec64.exe", "\\\\10.0.0.5\\c$\\tools\\psexec64.exe"],
  ["   cmd.exe /c echo hi", "cmd.exe", undefined],
  ["\t powershell.exe -nop", "powershell.exe", undefined],
  [
    "cmd.exe /Q /c echo cd ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > C:\\Windows\\BTOBTO.bat & C:\\Windows\\system32\\cmd.exe /Q /c C:\\Windows\\BTOBTO.bat & del C:\\Windows\\BTOBTO.bat",
    "cmd.exe",
    undefined,
  ],
  ["RemCom.exe \\\\10.0.0.5 /user:CORP\\admin /pwd:Secret1 cmd.exe", "RemCom.exe", undefined],
  // Unquoted path with spaces: Windows resolves the shortest prefix that names a program.
  ["C:\\Program Files\\App Dir\\app.exe --flag x.exe", "app.exe", "C:\\Program Files\\App Dir\\app.exe"],
  // …but switches after the first space are arguments, not more path.
  ["C:\\Windows\\System32\\cmd /c C:\\temp\\run.exe", "cmd", "C:\\Windows\\System32\\cmd"],
  ['"C:\\Windows\\system32\\cmd.exe"', "cmd.exe", "C:\\Windows\\system32\\cmd.exe"],
  ['"powershell.exe" -noninteractive', "powershell.exe", undefined],
  // Unclosed quote: the token runs to the end of the line.
  ['"C:\\Program Files\\x.exe -a', "x.exe -a", "C:\\Program Files\\x.exe -a"],
  ['"" foo', undefined, undefined],
  ["C:\\dir\\ -x", undefined, "C:\\dir\\"],
  [".\\mimikatz.exe privilege::debug", "mimikatz.exe", ".\\mimikatz.exe"],
  ["rundll32.exe C:\\Users\\a\\x.dll,Start", "rundll32.exe", undefined],
];

test("program name and path from the first token", async (t) => {
  for (const [line, name, path] of cases) {
    await t.test(line.slice(0, 60), () => {
      assert.deepEqual(programOf(line), { ...(name !== undefined ? { name } : {}), ...(path !== undefined ? { path } : {}) });
      const ev = eventFromCommandLine(line, 3);
      assert.equal(ev.fields["process_name"], name);
      assert.equal(ev.fields["process_path"], path);
      assert.equal(ev.fields["process"], line.replace(/^[ \t]+/, ""));
      assert.equal(ev.line, 3);
      assert.ok(ev.datasets["Endpoint.Processes"]);
      assert.equal(ev.provenance["process"]?.origin, "given");
      if (name !== undefined) assert.deepEqual(ev.provenance["process_name"]?.origin, "derived");
      if (name !== undefined) assert.equal(ev.provenance["process_name"]?.from, "process");
    });
  }
});

test("firstToken reports quoting and ignores empty lines", () => {
  assert.deepEqual(firstToken('"a b.exe" c'), { token: "a b.exe", quoted: true });
  assert.deepEqual(firstToken("a.exe c"), { token: "a.exe", quoted: false });
  assert.equal(firstToken("   "), undefined);
});

test("command lines: one per line, blank lines skipped, 1-based lines, other fields unknown", () => {
  const r = parseEvents("cmd.exe /c whoami\r\n\r\n  \nnet.exe user /domain\n");
  assert.equal(r.format, "command-line");
  assert.deepEqual(
    r.events.map((e) => [e.index, e.line, e.fields["process_name"]]),
    [
      [0, 1, "cmd.exe"],
      [1, 4, "net.exe"],
    ],
  );
  assert.deepEqual(r.problems, []);
  assert.equal(r.events[0]?.fields["user"], undefined);
  assert.equal(r.events[0]?.text, "cmd.exe /c whoami");
});

test("a 50,000-character command line works", () => {
  const long = `powershell.exe -enc ${"A".repeat(50_000)}`;
  const r = parseEvents(long);
  assert.equal(r.events.length, 1);
  assert.equal(r.events[0]?.fields["process"], long);
  assert.equal(r.events[0]?.fields["process_name"], "powershell.exe");
});
