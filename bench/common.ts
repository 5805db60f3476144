/**
 * Shared helpers for the benchmarks: where the full catalog is, loading and compiling it, and
 * summary statistics. Benchmarks print figures; they never assert on time.
 */
import { existsSync } from "node:fs";
import path from "node:path";
import { loadCatalog } from "../lib/content/load";
import type { Analytic, Catalog } from "../lib/content/types";
import { eventFromCim, eventFromCommandLine, toEventInput, type ParsedEvent } from "../lib/events/index";
import { compileSearch, indexMacros, type CompiledSearch } from "../lib/spl/index";
import type { EventInput } from "../lib/detection/types";
import { quantile } from "./stats";

export { quantile };

export const ROOT = path.resolve(import.meta.dirname, "..");
/** `$SECURITY_CONTENT`, else ../shared/security_content next to the repository. */
export const SECURITY_CONTENT = path.resolve(process.env.SECURITY_CONTENT ?? path.join(ROOT, "../shared/security_content"));
export const BUILTIN_CONTENT = path.join(ROOT, "content");

/** Loads the full catalog, or prints why it is skipped and returns undefined. */
export async function loadFullCatalog(bench: string): Promise<Catalog | undefined> {
  if (!existsSync(path.join(SECURITY_CONTENT, "detections"))) {
    console.log(`${bench}: skipped: no security_content checkout at ${SECURITY_CONTENT} (set SECURITY_CONTENT=/path)`);
    return undefined;
  }
  return loadCatalog(SECURITY_CONTENT);
}

export interface Compiled {
  analytic: Analytic;
  compiled: CompiledSearch;
}

export function compileCatalog(catalog: Catalog): Compiled[] {
  const macros = indexMacros(catalog.macros);
  return catalog.analytics.map((analytic) => ({ analytic, compiled: compileSearch(analytic.search, { macros }) }));
}

export function toInput(e: ParsedEvent): EventInput {
  return toEventInput(e);
}

export function lineEvent(commandLine: string): EventInput {
  return toInput(eventFromCommandLine(commandLine));
}

export function cimEvent(obj: Record<string, unknown>): EventInput {
  const e = eventFromCim(obj);
  if ("problem" in e) throw new Error(`bench fixture is not a valid event: ${e.problem}`);
  return toInput(e);
}

export function summary(samples: readonly number[]): { median: number; p95: number; p99: number; min: number; max: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  const mean = s.reduce((a, b) => a + b, 0) / (s.length || 1);
  return { median: quantile(s, 0.5), p95: quantile(s, 0.95), p99: quantile(s, 0.99), min: s[0] ?? NaN, max: s[s.length - 1] ?? NaN, mean };
}

export const ms = (x: number, digits = 3) => `${x.toFixed(digits)} ms`;
export const pct = (n: number, d: number) => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)} %`);
export const int = (n: number) => Math.round(n).toLocaleString("en-US");

/** The real process-creation command line of impacket smbexec's first command (`cd `). */
export const SMBEXEC_LINE =
  "C:\\Windows\\system32\\cmd.exe /Q /c echo cd  ^> \\\\127.0.0.1\\C$\\__output 2^>^&1 > C:\\Windows\\BTOBTOxy.bat & C:\\Windows\\system32\\cmd.exe /Q /c C:\\Windows\\BTOBTOxy.bat & del C:\\Windows\\BTOBTOxy.bat";

/** A few more real-looking process events (command lines and CIM objects). */
export const OTHER_EVENTS: { name: string; event: () => EventInput }[] = [
  { name: "wmiexec", event: () => lineEvent("cmd.exe /Q /c whoami 1> \\\\127.0.0.1\\ADMIN$\\__1700000000.123456 2>&1") },
  {
    name: "RemCom (CIM JSON)",
    event: () => cimEvent({ process_name: "RemCom.exe", original_file_name: "RemCom.exe", parent_process_name: "services.exe", process: "RemCom.exe \\\\10.0.0.5 /user:corp\\admin /pwd:Secret1 cmd.exe", user: "corp\\admin", dest: "ws01" }),
  },
  { name: "encoded PowerShell", event: () => lineEvent("powershell.exe -nop -w hidden -enc SQBFAFgAIAAoAE4AZQB3AC0ATwBiAGoAZQBjAHQAIABOAGUAdAAuAFcAZQBiAEMAbABpAGUAbgB0ACkA") },
  { name: "benign svchost", event: () => lineEvent("C:\\Windows\\system32\\svchost.exe -k netsvcs -p -s Schedule") },
];
