/**
 * Peak memory of `cli match` reading a large input and writing into a pipe (`| wc -l`): the CLI
 * must stream (lib/events iterateEvents reads one event at a time, the output waits for the pipe),
 * so its peak RSS should not grow with the input. Prints, for 1 MB and 10 MB of generated events
 * (command lines and CIM JSON objects, one per line), the peak RSS of the CLI process
 * (`/usr/bin/time -f %M`), the events, the lines counted by `wc -l` and the wall time.
 *
 *   node --import tsx bench/cli-memory.ts
 *   CLI_MEMORY_MB=1,10 (sizes) CLI_MEMORY_ANALYTICS=all (default: the two seed analytics; `all`
 *   asks every analytic: 1,711 output lines per event, minutes for 10 MB)
 * Uses the full catalog (../shared/security_content or SECURITY_CONTENT) when present, else the
 * built-in content. Never asserts on time.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import path from "node:path";
import { BUILTIN_CONTENT, ROOT, SECURITY_CONTENT, SMBEXEC_LINE } from "./common";

const SEEDS = ["bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76", "e373a840-5bdc-47ef-b2fd-9cc7aaf387f0"];

/** Deterministic lines: smbexec-like and ordinary command lines, and CIM objects. */
function input(bytes: number): { text: string; events: number } {
  let seed = 42;
  const rand = () => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32);
  const word = () => Array.from({ length: 8 }, () => String.fromCharCode(97 + Math.floor(rand() * 26))).join("");
  const lines: string[] = [];
  let size = 0;
  while (size < bytes) {
    const k = lines.length % 4;
    const line =
      k === 0 ? SMBEXEC_LINE.replaceAll("BTOBTOxy", word())
      : k === 1 ? `C:\\Windows\\System32\\svchost.exe -k netsvcs -p -s ${word()}`
      : k === 2 ? JSON.stringify({ process: `rc.exe \\\\10.0.0.${lines.length % 250} /user:a /pwd:${word()} cmd.exe`, process_name: "rc.exe", original_file_name: "RemCom.exe", dest: `host-${word()}` })
      : `powershell.exe -NoProfile -EncodedCommand ${Buffer.from(`Write-Output ${word()}`, "utf16le").toString("base64")}`;
    lines.push(line);
    size += line.length + 1;
  }
  return { text: lines.join("\n") + "\n", events: lines.length };
}

function main(): void {
  if (!existsSync("/usr/bin/time")) {
    console.log("cli-memory: skipped: /usr/bin/time is needed for the child's peak RSS");
    return;
  }
  const content = existsSync(path.join(SECURITY_CONTENT, "detections")) ? SECURITY_CONTENT : BUILTIN_CONTENT;
  const all = process.env.CLI_MEMORY_ANALYTICS === "all";
  const sizes = (process.env.CLI_MEMORY_MB ?? "1,10").split(",").map(Number).filter((n) => n > 0);
  const dir = mkdtempSync(path.join(tmpdir(), "cli-memory-"));
  console.log(`cli-memory: cli match --content ${content} ${all ? "(every analytic)" : "--analytic <the two seeds>"} < FILE | wc -l; load average ${loadavg().map((x) => x.toFixed(2)).join(" ")}`);
  try {
    for (const mb of sizes) {
      const { text, events } = input(mb * 1024 * 1024);
      const file = path.join(dir, `events-${mb}mb.txt`);
      writeFileSync(file, text);
      const analytics = all ? "" : SEEDS.map((id) => `--analytic ${id}`).join(" ");
      const cmd = `/usr/bin/time -f "maxrss_kb=%M" node --import tsx bin/cli.ts match --content '${content}' ${analytics} < '${file}' | wc -l`;
      const started = Date.now();
      const r = spawnSync("bash", ["-c", `set -o pipefail; ${cmd}`], { cwd: ROOT, encoding: "utf8", maxBuffer: 1 << 20 });
      const seconds = (Date.now() - started) / 1000;
      const rss = /maxrss_kb=(\d+)/.exec(r.stderr)?.[1];
      if (r.status !== 0 || !rss) {
        console.log(`  ${mb} MB: failed (exit ${r.status}): ${r.stderr.trim().split("\n").slice(-3).join(" / ")}`);
        continue;
      }
      const mib = (Number(rss) / 1024).toFixed(0);
      console.log(`  ${String(mb).padStart(3)} MB input, ${String(events).padStart(6)} events: peak RSS ${mib.padStart(5)} MiB, ${r.stdout.trim().padStart(8)} lines out, ${seconds.toFixed(1)} s`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main();
