/** Helpers for the API's tests: the built-in catalog, requests, and an in-process CLI run. */
import { resolve } from "node:path";
import { loadCatalog } from "../content/load";
import type { Catalog } from "../content/types";
import { byteChunks, type CliIO } from "../../bin/io";
import { evaluateInProcess, type ApiDeps } from "./deps";

export const SMBEXEC = "bb3c1bac-6bdf-4aa0-8dc9-068b8b712a76";
export const REMCOM = "e373a840-5bdc-47ef-b2fd-9cc7aaf387f0";
export const CONTENT = resolve(import.meta.dirname, "../../content");

let builtIn: Promise<Catalog> | undefined;
export function builtInCatalog(): Promise<Catalog> {
  return (builtIn ??= loadCatalog(CONTENT));
}

export function inProcessDeps(catalog: () => Promise<Catalog> = builtInCatalog): ApiDeps {
  return { catalog, evaluate: evaluateInProcess };
}

export function post(body: string | Uint8Array<ArrayBuffer>, opts: { query?: string; headers?: Record<string, string> } = {}): Request {
  return new Request(`http://127.0.0.1/api/match${opts.query ?? ""}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...opts.headers },
    body,
  });
}

export const postJson = (value: unknown, query?: string) => post(JSON.stringify(value), query === undefined ? {} : { query });

/** Runs `cli match` in-process on JSON Lines; returns its output records. */
export async function cliMatch(lines: string[], argv: string[] = []): Promise<{ line?: number; analytic?: string; verdict?: string; reason?: string; error?: string }[]> {
  const { matchCommand } = await import("../../bin/commands/match");
  let out = "";
  const io: CliIO = {
    readStdin: async () => lines.join("\n") + "\n",
    readFile: async () => {
      throw new Error("no files");
    },
    stdinChunks: () => byteChunks(lines.join("\n") + "\n", 1 << 16),
    fileChunks: () => {
      throw new Error("no files");
    },
    out: (t) => {
      out += t;
    },
    err: () => undefined,
    flush: async () => undefined,
    stdoutIsTTY: false,
    env: {},
  };
  const code = await matchCommand.run(["--content", CONTENT, ...argv], io);
  if (code !== 0) throw new Error(`cli match exited ${code}`);
  return out.trim().split("\n").filter(Boolean).map((l) => JSON.parse(l) as { line?: number; analytic?: string; verdict?: string; reason?: string; error?: string });
}
