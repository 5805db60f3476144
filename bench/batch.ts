/**
 * Batch throughput of the two seed analytics (built-in content): `compiled.run(events)` over
 * 10,000 and 100,000 generated process events, about 5 % smbexec, 5 % RemCom and 90 % ordinary
 * processes (including near misses). Prints events/s and the rows returned.
 */
import { performance } from "node:perf_hooks";
import { loadCatalog } from "../lib/content/load";
import type { EventInput } from "../lib/detection/types";
import { BUILTIN_CONTENT, cimEvent, compileCatalog, int, lineEvent, ms, summary } from "./common";

/** A small deterministic PRNG (mulberry32) so every run builds the same events. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
const HOSTS = Array.from({ length: 50 }, (_, i) => `ws${String(i).padStart(3, "0")}`);
const BENIGN = [
  "C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule",
  "C:\\Windows\\system32\\cmd.exe /c dir C:\\Users",
  "\"C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe\" --type=renderer",
  "C:\\Windows\\system32\\cmd.exe /Q /c echo whoami ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > C:\\Windows\\abcdefgh.bat",
  "powershell.exe -NoProfile -Command Get-Process",
  "C:\\Windows\\System32\\RuntimeBroker.exe -Embedding",
];

function generate(n: number, seed: number): EventInput[] {
  const r = rng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T;
  const word = (len: number) => Array.from({ length: len }, () => pick([...LETTERS])).join("");
  const out: EventInput[] = [];
  for (let i = 0; i < n; i++) {
    const x = r();
    const dest = pick(HOSTS);
    if (x < 0.05) {
      const bat = `C:\\Windows\\${word(8)}.bat`;
      out.push(cimEvent({ dest, user: "NT AUTHORITY\\SYSTEM", parent_process_name: "services.exe", process_name: "cmd.exe", process_id: 4000 + i, process: `C:\\Windows\\system32\\cmd.exe /Q /c echo cd  ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > ${bat} & C:\\Windows\\system32\\cmd.exe /Q /c ${bat} & del ${bat}` }));
    } else if (x < 0.1) {
      out.push(cimEvent({ dest, user: "corp\\admin", parent_process_name: "explorer.exe", process_name: "RemCom.exe", original_file_name: "RemCom.exe", process_id: 4000 + i, process: `RemCom.exe \\\\10.0.${Math.floor(r() * 255)}.5 /user:corp\\admin /pwd:${word(10)} cmd.exe` }));
    } else {
      out.push(lineEvent(pick(BENIGN)));
    }
  }
  return out;
}

const catalog = await loadCatalog(BUILTIN_CONTENT);
const seeds = compileCatalog(catalog);
console.log(`batch: run() throughput of the ${seeds.length} seed analytics (built-in content), 3 timed runs after 1 full-size warm-up, median shown`);
for (const n of [10_000, 100_000]) {
  const events = generate(n, n);
  for (const { analytic, compiled } of seeds) {
    compiled.run(events); // warm-up at full size
    const times: number[] = [];
    let rows = 0;
    let ok = true;
    for (let i = 0; i < 3; i++) {
      const t = performance.now();
      const res = compiled.run(events);
      times.push(performance.now() - t);
      if (res.ok) rows = res.rows.length;
      else ok = false;
    }
    const med = summary(times).median;
    console.log(`  ${int(n).padStart(7)} events  ${analytic.name.slice(0, 56).padEnd(56)} ${ms(med, 1).padStart(10)}  ${int((n / med) * 1000).padStart(10)} events/s  ${ok ? `${int(rows)} rows` : "run failed"}`);
  }
}
