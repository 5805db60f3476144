/**
 * Drivers for JSON and CSV input: split the text into values / rows, turn each into an event, and
 * report each bad value or row with its line.
 */
import { commandLineEvent } from "./build";
import { afterBreak, csvHeader, readRecord, type CsvHeader } from "./csv";
import { jsonChunks, parseChunk, unwrapEvents } from "./json";
import type { Parsed } from "./lines";
import { eventFromObject } from "./object";
import type { ProblemList } from "./problems";
import { binaryProblem, lineAt } from "./text";
import type { ParsedEvent } from "./types";

export function eventsFromJson(
  text: string,
  starts: readonly number[],
  maxEvents: number,
  problems: ProblemList,
): Parsed {
  const events: ParsedEvent[] = [];
  for (const chunk of jsonChunks(text)) {
    const line = lineAt(starts, chunk.start);
    if (events.length >= maxEvents) return { events, stoppedAt: line };
    const parsed = parseChunk(text, chunk, starts);
    if (!parsed.ok) {
      problems.add(parsed.line, parsed.message);
      continue;
    }
    const items = unwrapEvents(parsed.value);
    const chunkText = text.slice(chunk.start, chunk.end);
    for (const item of items) {
      if (events.length >= maxEvents) return { events, stoppedAt: line };
      if (typeof item === "string") {
        if (item.trim() === "") continue;
        const bad = binaryProblem(item);
        if (bad) problems.add(line, `the string ${bad}; not read as a command line`);
        else events.push(commandLineEvent(item, line, chunkText));
        continue;
      }
      const result = eventFromObject(item, line, { text: items.length === 1 ? chunkText : undefined });
      if ("problem" in result) problems.add(line, result.problem);
      else events.push(result);
    }
  }
  return { events };
}

function firstContentOffset(text: string): number {
  const m = /[^\s\uFEFF]/.exec(text);
  if (!m) return text.length;
  // Start of the line holding the first non-blank character.
  const before = text.lastIndexOf("\n", m.index);
  return before < 0 ? 0 : before + 1;
}

/** The header when `force` is set: the first row, whatever its names. */
function forcedHeader(text: string, pos: number): CsvHeader {
  const rec = readRecord(text, pos, ",");
  return { delim: ",", names: rec.cells.map((c) => c.trim()), bodyStart: afterBreak(text, rec.end) };
}

export function eventsFromCsv(
  text: string,
  starts: readonly number[],
  maxEvents: number,
  problems: ProblemList,
  force: boolean,
): Parsed {
  const events: ParsedEvent[] = [];
  const begin = firstContentOffset(text);
  const header = csvHeader(text, begin) ?? (force ? forcedHeader(text, begin) : undefined);
  if (!header) {
    problems.add(lineAt(starts, begin), "no CSV header row with known field names (process, process_name, Image, …)");
    return { events };
  }
  const { names, delim } = header;
  let pos = header.bodyStart;
  while (pos < text.length) {
    const rec = readRecord(text, pos, delim);
    const line = lineAt(starts, pos);
    const next = Math.max(afterBreak(text, rec.end), pos + 1);
    if (rec.cells.every((c) => c.trim() === "")) {
      pos = next;
      continue;
    }
    if (events.length >= maxEvents) return { events, stoppedAt: line };
    if (rec.unterminated) problems.add(line, "CSV: a quoted field is not closed before the end of the input");
    if (rec.cells.length > names.length) {
      problems.add(line, `CSV: the row has ${rec.cells.length} cells but the header has ${names.length}; extra cells ignored`);
    }
    const obj: Record<string, string> = {};
    names.forEach((name, k) => {
      const cell = rec.cells[k];
      if (name && name !== "__proto__" && cell !== undefined && cell !== "") obj[name] = cell;
    });
    const result = eventFromObject(obj, line, { format: "csv", text: text.slice(rec.start, rec.end) });
    if ("problem" in result) problems.add(line, `CSV: ${result.problem}`);
    else events.push(result);
    pos = next;
  }
  return { events };
}
