/**
 * CSV with a header row (RFC 4180: quoted fields, doubled quotes, quoted line breaks, CRLF or LF).
 * Header names may be CIM fields (plain or `Processes.`-prefixed) or Sysmon / 4688 field names.
 */
import { isCimKey } from "./cim";

export interface CsvRecord {
  cells: string[];
  /** Offset of the record's first character, and just past its last. */
  start: number;
  end: number;
  /** A quoted field ran to the end of the input. */
  unterminated?: boolean;
}

/** Windows event field names (Sysmon, Security 4688, System) recognised in a header. */
const KNOWN = new Set<string>([
  "Image", "CommandLine", "ParentImage", "ParentCommandLine", "OriginalFileName", "ProcessGuid", "ParentProcessGuid", "IntegrityLevel",
  "CurrentDirectory", "Hashes", "NewProcessName", "New_Process_Name", "NewProcessId", "New_Process_ID", "ParentProcessName",
  "Creator_Process_Name", "Creator_Process_ID", "Process_Command_Line", "TokenElevationType", "MandatoryLabel", "SubjectUserName",
  "TargetUserName", "EventID", "EventCode", "Computer", "ComputerName", "User", "ProcessId", "ParentProcessId", "Channel",
  "Provider_Name", "SourceName", "UtcTime", "TargetObject", "TargetFilename", "_time", "host",
]);

function isKnownHeader(name: string): boolean {
  return isCimKey(name) || KNOWN.has(name);
}

/** Read one record starting at `pos`. */
export function readRecord(text: string, pos: number, delim: string): CsvRecord {
  const n = text.length;
  const d = delim.charCodeAt(0);
  const cells: string[] = [];
  let cell = "";
  let i = pos;
  let unterminated = false;
  for (;;) {
    if (text.charCodeAt(i) === 34 /* " */) {
      let j = i + 1;
      for (;;) {
        const q = text.indexOf('"', j);
        if (q < 0) {
          cell += text.slice(j);
          unterminated = true;
          i = n;
          break;
        }
        cell += text.slice(j, q);
        if (text.charCodeAt(q + 1) === 34) {
          cell += '"';
          j = q + 2;
          continue;
        }
        i = q + 1;
        break;
      }
    }
    // Unquoted text (or text after a closing quote, kept as written).
    const from = i;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === d || c === 10 || c === 13) break;
      i++;
    }
    cell += text.slice(from, i);
    cells.push(cell);
    cell = "";
    if (i >= n) return { cells, start: pos, end: n, unterminated };
    const c = text.charCodeAt(i);
    if (c === d) {
      i++;
      continue;
    }
    const end = i;
    i += c === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
    return { cells, start: pos, end: Math.max(end, pos), unterminated: unterminated || undefined };
  }
}

/** Offset after the line break that ends a record at `end` (or `end` at the end of input). */
export function afterBreak(text: string, end: number): number {
  const c = text.charCodeAt(end);
  if (c === 13) return text.charCodeAt(end + 1) === 10 ? end + 2 : end + 1;
  if (c === 10) return end + 1;
  return end;
}

export interface CsvHeader {
  delim: string;
  names: string[];
  /** Offset where the first data record starts. */
  bodyStart: number;
}

const HEADER_NAME = /^[A-Za-z_@][\w.:@ -]*$/;

/** The header of a CSV input starting at `pos`, or undefined if the first line is not one. */
export function csvHeader(text: string, pos: number): CsvHeader | undefined {
  const lineEnd = text.slice(pos, pos + 65536).search(/[\r\n]/);
  const first = lineEnd < 0 ? text.slice(pos, pos + 65536) : text.slice(pos, pos + lineEnd);
  if (!first.trim()) return undefined;
  let delim = ",";
  let best = -1;
  for (const cand of [",", "\t", ";"]) {
    const count = first.split(cand).length - 1;
    if (count > best) {
      best = count;
      delim = cand;
    }
  }
  const rec = readRecord(text, pos, delim);
  const names = rec.cells.map((c) => c.trim());
  if (names.some((nm) => nm !== "" && !HEADER_NAME.test(nm))) return undefined;
  const known = names.filter(isKnownHeader);
  if (known.length === 0) return undefined;
  const bodyStart = afterBreak(text, rec.end);
  // A single column only counts when it is a known name and data follows.
  if (names.length === 1 && bodyStart >= text.length) return undefined;
  if (names.length > 1 && names.filter((nm) => nm !== "").length < 2) return undefined;
  return { delim, names, bodyStart };
}
