/**
 * Test support (Node only): a content folder that tries to hurt the loader, built in a temp dir —
 * the two built-in seeds, plus a symlink loop, links to a folder outside, to /etc/passwd and to
 * /dev/zero, a named pipe, a 50 MB malformed YAML, a binary file and a detection with a 1 MB
 * search. Used by lib/content/hostile.test.ts and e2e/hostile-content.spec.ts.
 */
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";

const BUILT_IN = path.resolve(import.meta.dirname, "../../content");

/** The files the loader must refuse, and the start of the reason it must give (relative paths). */
export const HOSTILE_PROBLEMS: ReadonlyArray<{ file: string; reason: RegExp }> = [
  { file: "detections/x", reason: /loop/ },
  { file: "detections/outside", reason: /outside the content folder/ },
  { file: "detections/endpoint/passwd.yml", reason: /outside the content folder/ },
  { file: "detections/endpoint/zero.yml", reason: /outside the content folder/ },
  { file: "detections/endpoint/zz_pipe.yml", reason: /named pipe/ },
  { file: "detections/endpoint/malformed.yml", reason: /over the 512 KB limit/ },
  { file: "detections/endpoint/junk.yml", reason: /binary file/ },
  { file: "detections/endpoint/huge_search.yml", reason: /over the 512 KB limit/ },
  { file: "stories/deep/deeper.yml", reason: /YAML/ },
  { file: `detections/${"d/".repeat(12)}d`, reason: /nested more than 12 levels/ },
];

/** Seeds in the folder (served despite everything else). */
export const SEED_SLUGS = ["impacket_lateral_movement_smbexec_commandline_parameters", "windows_lateral_tool_transfer_remcom"];

const detection = (name: string, id: string, search: string) =>
  `name: ${name}\nid: ${id}\nversion: 1\ndate: '2024-01-01'\nauthor: x\nstatus: production\ntype: TTP\n` +
  `description: d\ndata_source: []\nsearch: '${search}'\nhow_to_implement: x\nknown_false_positives: x\n` +
  `references: []\ntags:\n  analytic_story: []\n  asset_type: Endpoint\n  mitre_attack_id: []\n  product: []\n  security_domain: endpoint\n`;

export interface HostileFolder {
  /** The content folder to load (CONTENT_DIR). */
  dir: string;
  /** Removes the folder and the outside one. */
  remove(): void;
}

/** Builds the hostile folder; `malformedBytes` sizes the malformed YAML (50 MB by default). */
export function makeHostileFolder(malformedBytes = 50 * 1024 * 1024): HostileFolder {
  const base = mkdtempSync(path.join(tmpdir(), "dc-hostile-folder-"));
  const dir = path.join(base, "hostile-content");
  const outside = path.join(base, "outside");
  cpSync(BUILT_IN, dir, { recursive: true });
  mkdirSync(outside);
  writeFileSync(path.join(outside, "stolen.yml"), detection("Outside", "99999999-9999-4999-8999-999999999999", "| from x"));
  const endpoint = path.join(dir, "detections/endpoint");
  symlinkSync(".", path.join(dir, "detections/x"));
  symlinkSync(outside, path.join(dir, "detections/outside"));
  symlinkSync("/etc/passwd", path.join(endpoint, "passwd.yml"));
  symlinkSync("/dev/zero", path.join(endpoint, "zero.yml"));
  execFileSync("mkfifo", [path.join(endpoint, "zz_pipe.yml")]);
  const unit = "\t- [a: b: c\n";
  writeFileSync(path.join(endpoint, "malformed.yml"), unit.repeat(Math.ceil(malformedBytes / unit.length)));
  const junk = Buffer.alloc(64 * 1024);
  for (let i = 0; i < junk.length; i++) junk[i] = (i * 7919 + 13) % 256;
  writeFileSync(path.join(endpoint, "junk.yml"), junk);
  writeFileSync(path.join(endpoint, "huge_search.yml"), detection("Huge", "88888888-8888-4888-8888-888888888888", `| search ${"a".repeat(1024 * 1024)}`));
  // Many YAML errors in one small file: listed up to the per-file cap, then one "N more" line.
  mkdirSync(path.join(dir, "stories/deep"), { recursive: true });
  writeFileSync(path.join(dir, "stories/deep/deeper.yml"), "- a: b: c\n".repeat(2000));
  mkdirSync(path.join(dir, "detections", "d/".repeat(15)), { recursive: true });
  return { dir, remove: () => rmSync(base, { recursive: true, force: true }) };
}
