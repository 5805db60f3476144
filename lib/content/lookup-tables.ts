/**
 * The content's lookup tables (Node only): each definition whose `filename` is a CSV listed in
 * `lookups/` (through safe-fs: no link out of the folder) gets a non-enumerable `load` that reads
 * and parses the file on first use — never while the catalog loads: the 2 MB
 * dynamic_dns_providers_default.csv costs nothing until a search needs it — and a `stamp` (size
 * and time) that enters the content version. The engine keeps the parsed table per source object,
 * so once per content version. A table that cannot be read or parsed becomes a problem.
 */
import { stat } from "node:fs/promises";
import type { LookupTable } from "../detection/lookups";
import { readLookupCsv } from "../events/lookup-csv";
import { formatBytes, listContentFiles, readContentFileSync } from "./safe-fs";
import type { ContentProblem, Lookup } from "./types";

/** Largest lookup table read: 4× the largest in ESCU 4.42 (2.2 MB, dynamic_dns_providers_default). */
export const MAX_TABLE_BYTES = 8 * 1024 * 1024;

function hide(o: object, key: string, value: unknown): void {
  Object.defineProperty(o, key, { value, enumerable: false, configurable: true, writable: true });
}

export async function attachTables(root: string, lookups: Lookup[], problems: ContentProblem[]): Promise<void> {
  const files = new Map((await listContentFiles(root, "lookups", /\.csv$/i, false, problems)).map((f) => [f.rel, f.abs]));
  await Promise.all(lookups.map(async (l) => {
    if (!l.filename || !/\.csv$/i.test(l.filename)) return;
    const rel = `lookups/${l.filename}`;
    const abs = files.get(rel);
    const info = abs ? await stat(abs).catch(() => undefined) : undefined;
    if (!abs || !info?.isFile()) {
      problems.push({ file: l.file, line: 1, severity: "warning", message: `lookup table file ${rel} not found: searches using \`${l.name}\` need the user to supply it` });
      return;
    }
    if (info.size > MAX_TABLE_BYTES) {
      problems.push({ file: rel, severity: "error", message: `lookup table is ${formatBytes(info.size)}, over the ${formatBytes(MAX_TABLE_BYTES)} limit; not read` });
      return;
    }
    hide(l, "origin", "content");
    hide(l, "stamp", `${info.size}:${Math.floor(info.mtimeMs)}`);
    hide(l, "load", (): LookupTable | null => {
      const read = readContentFileSync(abs, rel, MAX_TABLE_BYTES);
      if ("problem" in read) {
        problems.push(read.problem);
        return null;
      }
      const r = readLookupCsv(read.text);
      if (r.ok) return r.table;
      problems.push({ file: rel, line: r.line, severity: "error", message: `lookup table does not parse: ${r.error}` });
      return null;
    });
  }));
}
