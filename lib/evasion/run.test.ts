/**
 * The runner on the built-in content: it starts from what fires, every variant's verdict is the
 * one the tester gives its link's input (the worker's own `evaluate`), and it never guesses.
 */
import assert from "node:assert/strict";
import { test } from "node:test";
import { loadCatalog } from "../content/load";
import { dataSourceSpec } from "../content/data-source";
import { matcherFor } from "../engine/index";
import { createEngineHost } from "../tester/engine-host";
import type { FromWorker, ToWorker } from "../tester/protocol";
import { runEvasion, type EvasionReport } from "./run";

const catalog = await loadCatalog("content");
const content = catalog;
const SMB = catalog.analytics.find((a) => a.slug === "impacket_lateral_movement_smbexec_commandline_parameters")!;
const REMCOM = catalog.analytics.find((a) => a.slug.includes("remcom"))!;
const FIRES = String.raw`C:\Windows\system32\cmd.exe /Q /c echo cd  ^> \\127.0.0.1\C$\__output 2^>^&1 > C:\Windows\BTOBTOxy.bat & C:\Windows\system32\cmd.exe /Q /c C:\Windows\BTOBTOxy.bat & del C:\Windows\BTOBTOxy.bat`;
const LATER = FIRES.replace("echo cd", "echo whoami");
const SYSMON = JSON.stringify({ EventID: 1, Image: "C:\\Windows\\System32\\cmd.exe", OriginalFileName: "Cmd.Exe", CommandLine: FIRES, ParentImage: "C:\\Windows\\System32\\services.exe", Computer: "ws01.corp.local" });
const options = { dataSources: catalog.dataSources.map(dataSourceSpec) };

const ok = (r: EvasionReport) => {
  assert.ok(r.ok, JSON.stringify(r));
  return r;
};

test("smbexec: the original fires, at least 10 variants with verdicts, some evade with the clause that stops them", () => {
  const r = ok(runEvasion(matcherFor(content, SMB), [{ label: "input", input: FIRES }], options));
  assert.equal(r.variants[0]!.generator, "original");
  assert.equal(r.variants[0]!.verdict, "match");
  assert.ok(r.variants.length >= 11, `${r.variants.length}`);
  const by = (g: string) => r.variants.filter((v) => v.generator === g);
  assert.deepEqual(by("renamed").map((v) => [v.verdict, v.stoppedBy]), [["no_match", "failed: Processes.process_name=cmd.exe"]]);
  assert.equal(by("unc-host").find((v) => v.process.includes("\\\\localhost\\"))?.stoppedBy, 'failed: match(process, "\\\\\\\\127\\.0\\.0\\.1\\\\.*")');
  assert.equal(by("caret")[0]?.verdict, "no_match");
  assert.ok(by("whitespace").every((v) => v.verdict === "match"), "\\s+ takes any blanks");
  for (const v of r.variants) assert.equal(v.verdict === "no_match", v.stoppedBy !== undefined, v.process);
  assert.deepEqual(r.skipped, []);
});

test("a renamed binary from a command line is written as CIM JSON keeping original_file_name", () => {
  const r = ok(runEvasion(matcherFor(content, REMCOM), [{ label: "s", input: String.raw`RemCom.exe \\10.0.0.5 /user:CORP\admin /pwd:Secret1 cmd.exe` }], options));
  const renamed = r.variants.find((v) => v.generator === "renamed")!;
  assert.deepEqual(JSON.parse(renamed.input), { process: String.raw`C:\Users\Public\svchelper.exe \\10.0.0.5 /user:CORP\admin /pwd:Secret1 cmd.exe`, original_file_name: "RemCom.exe" });
  assert.equal(renamed.verdict, "match", "the RemCom search also reads original_file_name");
});

test("a Sysmon JSON event: variants keep the event's own fields, the image follows a renamed binary only", () => {
  const r = ok(runEvasion(matcherFor(content, SMB), [{ label: "sysmon", input: SYSMON }], options));
  const renamed = JSON.parse(r.variants.find((v) => v.generator === "renamed")!.input);
  assert.equal(renamed.Image, "C:\\Users\\Public\\svchelper.exe");
  assert.equal(renamed.OriginalFileName, "Cmd.Exe");
  assert.equal(renamed.ParentImage, "C:\\Windows\\System32\\services.exe");
  const bare = JSON.parse(r.variants.find((v) => v.generator === "path-form")!.input);
  assert.equal(bare.Image, "C:\\Windows\\System32\\cmd.exe", "writing cmd.exe without its path does not move the binary");
  assert.ok(r.variants.some((v) => v.process.includes("\\\\ws01\\")), "the host's name from the event");
});

test("the first candidate that fires is the seed; nothing firing is said plainly", () => {
  const r = ok(runEvasion(matcherFor(content, SMB), [{ label: "input", input: LATER }, { label: "sample", input: FIRES }], options));
  assert.equal(r.seed.label, "sample");
  const none = runEvasion(matcherFor(content, SMB), [{ label: "input", input: LATER }], options);
  assert.deepEqual(none, { ok: false, why: "nothing fires to start from", tried: [{ label: "input", outcome: "does not fire" }] });
  assert.deepEqual(runEvasion(matcherFor(content, SMB), [], options), { ok: false, why: "there is no input and no sample to start from", tried: [] });
});

test("a variant whose text does not read back to its command line is skipped, never judged", () => {
  const leading = { name: "leading-blank", description: "A blank before the program (the command-line reader strips it).", variants: () => [{ process: ` ${FIRES}` }] };
  const r = ok(runEvasion(matcherFor(content, SMB), [{ label: "input", input: FIRES }], { ...options, generators: [leading] }));
  assert.deepEqual(r.variants.map((v) => v.generator), ["original"]);
  assert.equal(r.skipped[0]?.generator, "leading-blank");
});

async function host(msgs: ToWorker[]): Promise<FromWorker[]> {
  const out: FromWorker[] = [];
  const h = createEngineHost((m) => out.push(m));
  await h.handle({ type: "load", analytics: [{ id: SMB.id, search: SMB.search }], macros: catalog.macros, dataSources: options.dataSources });
  for (const m of msgs) await h.handle(m);
  return out;
}

test("the worker's evade message gives the same report, and each variant's link input gets the same verdict in the tester", async () => {
  const out = await host([{ type: "evade", req: 1, analyticId: SMB.id, candidates: [{ label: "input", input: FIRES }] }]);
  const msg = out.find((m) => m.type === "evasion");
  assert.ok(msg && msg.type === "evasion" && msg.report.ok);
  assert.equal(out.at(-1)?.type, "done");
  for (const v of msg.report.variants) {
    const tester = await host([{ type: "evaluate", req: 2, mode: "analytic", analyticId: SMB.id, input: v.input, edits: {}, explainLimit: 1 }]);
    const explained = tester.flatMap((m) => (m.type === "explained" ? m.items : []));
    assert.equal(explained.length, 1, v.process);
    assert.equal(explained[0]!.explanation.verdict, v.verdict, `${v.generator}: ${v.process}`);
  }
});
