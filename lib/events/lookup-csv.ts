/**
 * A lookup table's CSV (the content's `lookups/*.csv`, or one a user supplies) → LookupTable,
 * with the project's one CSV reader (csv.ts: RFC 4180 quoting, CRLF or LF). The first record is
 * the header. Header names and cells lose surrounding spaces: ESCU's own searches name
 * `isDynDNS_default` from the header `dynamic_dns_domains, isDynDNS_default` (spl-semantics §
 * lookups). Short rows are padded with empty cells, long rows are a problem.
 */
import type { LookupTable } from "../detection/lookups";
import { afterBreak, readRecord } from "./csv";

export interface LookupCsvLimits {
  maxBytes: number;
  maxRows: number;
}

/** What a user may supply (CLI, API, tester); the content's own tables are not limited. */
export const USER_TABLE_LIMITS: LookupCsvLimits = { maxBytes: 4 * 1024 * 1024, maxRows: 100_000 };

export type LookupCsvResult = { ok: true; table: LookupTable } | { ok: false; error: string; line: number };

function lineAt(text: string, offset: number): number {
  let n = 1;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) n++;
  return n;
}

export function readLookupCsv(input: string, limits?: LookupCsvLimits): LookupCsvResult {
  if (limits && input.length > limits.maxBytes) return { ok: false, error: `the table is larger than ${limits.maxBytes} characters`, line: 1 };
  const text = input.replace(/^\uFEFF/, "");
  const head = readRecord(text, 0, ",");
  const fields = head.cells.map((c) => c.trim());
  if (fields.length === 0 || fields.every((f) => f === "")) return { ok: false, error: "the table has no header row", line: 1 };
  const dup = fields.find((f, i) => f !== "" && fields.indexOf(f) !== i);
  if (dup) return { ok: false, error: `the header names \`${dup}\` twice`, line: 1 };
  const rows: string[][] = [];
  let pos = afterBreak(text, head.end);
  while (pos < text.length) {
    const rec = readRecord(text, pos, ",");
    if (rec.unterminated) return { ok: false, error: "a quoted cell is not closed", line: lineAt(text, pos) };
    const blank = rec.cells.length === 1 && rec.cells[0]!.trim() === "";
    if (!blank) {
      if (rec.cells.length > fields.length) return { ok: false, error: `a row has ${rec.cells.length} cells, the header ${fields.length}`, line: lineAt(text, pos) };
      const cells = rec.cells.map((c) => c.trim());
      while (cells.length < fields.length) cells.push("");
      rows.push(cells);
      if (limits && rows.length > limits.maxRows) return { ok: false, error: `the table has more than ${limits.maxRows} rows`, line: lineAt(text, pos) };
    }
    const next = afterBreak(text, rec.end);
    if (next <= pos) break;
    pos = next;
  }
  return { ok: true, table: { fields, rows } };
}
